import type { MmmModel } from '@mixwise/engine';

/**
 * A tiny hand-built fitted model for tests: 4 periods, two channels with normalised geometric
 * adstock (so Σw = 1 and the steady-state gain is 1 / scale) and Michaelis–Menten saturation,
 * one baseline term. Only the fields the optimizer reads are meaningful.
 */
export function testModel(): MmmModel {
  return {
    schemaVersion: 1,
    target: { name: 'sales', kind: 'revenue' },
    frequency: 'weekly',
    dates: ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'],
    window: { start: 0, end: 4 },
    holdout: 0,
    spec: {} as MmmModel['spec'],
    intercept: 100,
    channels: [
      { name: 'tv', column: 'tv_spend', spend: [10, 10, 10, 10], adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 3, saturation: { type: 'michaelis-menten', halfSaturation: 1 }, scale: 10, coef: 40 },
      { name: 'search', column: 'search_spend', spend: [2, 4, 6, 8], adstock: { type: 'geometric', alpha: 0.2 }, maxLag: 3, saturation: { type: 'michaelis-menten', halfSaturation: 1 }, scale: 5, coef: 30 },
    ],
    baseline: [{ name: 'promo', kind: 'control', values: [0, 1, 0, 1], coef: 8 }],
    actual: [150, 160, 150, 170],
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: '' },
    bootstrapRoi: [],
  };
}
