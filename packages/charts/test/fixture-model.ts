// A small hand-built MmmModel for the chart tests: 16 weekly rows, window rows [2, 16) with the last
// 3 held out, two channels with known adstock and saturation, a trend and a price control. Every
// number is a closed-form function of the row index, so the fixture is deterministic.
import { decompose, defaultModelSpec, summarizeModel, type Decomposition, type MmmModel, type SummaryResult } from '@mixwise/engine';

const N = 16;
const rows = Array.from({ length: N }, (_, t) => t);
const dates = rows.map((t) => new Date(Date.UTC(2024, 0, 1 + 7 * t)).toISOString().slice(0, 10));
export const TV_SPEND = rows.map((t) => 100 + 20 * (t % 4));
export const SEARCH_SPEND = rows.map((t) => 40 + 10 * ((t * 3) % 5));
const trend = rows.map((t) => t / (N - 1));
const price = rows.map((t) => 10 + ((t * 7) % 3));

const base: Omit<MmmModel, 'actual'> = {
  schemaVersion: 1,
  target: { name: 'revenue', kind: 'revenue' },
  frequency: 'weekly',
  dates,
  window: { start: 2, end: N },
  holdout: 3,
  spec: defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['tv', 'search'] }),
  intercept: 200,
  channels: [
    { name: 'tv', column: 'tv_spend', spend: TV_SPEND, adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 3, saturation: { type: 'hill', halfSaturation: 1, shape: 2 }, scale: 130, coef: 150 },
    { name: 'search', column: 'search_spend', spend: SEARCH_SPEND, adstock: { type: 'geometric', alpha: 0.2 }, maxLag: 2, saturation: { type: 'hill', halfSaturation: 0.8, shape: 1 }, scale: 60, coef: 120 },
  ],
  baseline: [
    { name: 'trend', kind: 'trend', values: trend, coef: 20 },
    { name: 'price', kind: 'control', values: price, coef: -5 },
  ],
  search: {
    nCandidates: 50,
    objectives: ['nrmseTrain', 'nrmseValidation', 'decompRssd', 'mapeLift'],
    chosen: { objectives: [0.05, 0.07, 0.2, null as unknown as number], score: 0.1 },
    pareto: [
      { objectives: [0.05, 0.07, 0.2, null as unknown as number], score: 0.1, lambda: 1, channels: [] },
      { objectives: [0.06, 0.065, 0.3, null as unknown as number], score: 0.12, lambda: 2, channels: [] },
      { objectives: [0.04, 0.09, 0.15, null as unknown as number], score: 0.13, lambda: 0.5, channels: [] },
    ],
    selectionRule: 'test fixture',
  },
  // 12 replicates: ROI of tv 0.40 … 0.73, of search 0.90 … 1.34 (steps 0.03 and 0.04).
  bootstrapRoi: Array.from({ length: 12 }, (_, r) => [0.4 + 0.03 * r, 0.9 + 0.04 * r]),
};

const noFit = decompose({ ...base, actual: new Array<number>(N).fill(0) });
/** Actual = fitted + a deterministic wiggle 30·sin(1.7 t). */
export const ACTUAL = rows.map((t) => noFit.fitted[t] + 30 * Math.sin(1.7 * t));

export const model: MmmModel = { ...base, actual: ACTUAL };
export const decomposition: Decomposition = decompose(model);
export const summary: SummaryResult = summarizeModel(model, decomposition);
