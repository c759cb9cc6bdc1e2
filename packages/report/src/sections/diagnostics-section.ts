import { formatRatio, formatSignificant, residualPlot, residualQq } from '@mixwise/charts';
import { htmlTable } from '../html-table.ts';
import { largestResidualsTable } from './largest-residuals-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/** VIF above this is flagged (a common rule of thumb for strong collinearity; e.g. Kutner et al. 2005, §10.5). */
const VIF_FLAG = 10;

/**
 * Residual tests (statistic, p-value, what a flag means), the periods with the largest residuals,
 * variance inflation factors, and the residual plots.
 * @example diagnosticsSection(ctx).includes('Durbin') // true for any fit with ≥ 3 periods
 */
export function diagnosticsSection(ctx: SectionContext): string {
  const d = ctx.diagnostics;
  const tests = d.residualTests.map((t) => ({
    key: t.name,
    cells: [
      { text: t.name },
      { text: formatSignificant(t.statistic, 4), value: t.statistic, field: 'statistic' },
      { text: formatSignificant(t.pValue, 3), value: t.pValue, field: 'p_value' },
      t.flagged ? { text: t.flag, className: 'flag' } : { text: 'no evidence of a problem (p ≥ 0.05)' },
    ],
  }));
  const vifs = d.vif.map((v) => ({
    key: v.name,
    cells: [
      { text: v.name },
      { text: Number.isFinite(v.vif) ? formatRatio(v.vif) : 'n/a', value: v.vif, field: 'vif' },
      v.vif > VIF_FLAG ? { text: 'strongly collinear with other regressors', className: 'flag' } : { text: '' },
    ],
  }));
  return section('diagnostics', 'Diagnostics', [
    '<h3>Residual tests (in sample)</h3>',
    htmlTable(['test', 'statistic', 'p-value', 'reading'], tests, 'tests'),
    largestResidualsTable(d.largestResiduals),
    '<h3>Collinearity</h3>',
    htmlTable(['regressor', 'VIF', `flag (VIF > ${VIF_FLAG})`], vifs, 'vif'),
    chartFigure('residuals', 'Residuals over time', residualPlot(ctx.model, ctx.decomposition), 'Residuals (actual − fitted) per period; long runs on one side suggest a missing driver.', ctx.size),
    chartFigure('residual-qq', 'Normal Q–Q plot of the residuals', residualQq(ctx.model, ctx.decomposition), 'Normal Q–Q plot of the standardised in-sample residuals.', ctx.size),
  ].join(''));
}
