import { formatAmount, formatSigned, liftTestCalibration, liftTestCalibrationNote, liftTestDates, liftTestWhere } from '@mixwise/charts';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';

/**
 * Calibration: each lift test (with its geos on a geo-level fit) beside the model's lift (what the channel's spend on the test dates added over the measured dates),
 * its 90% bootstrap interval and the miss in the test's standard errors (summary.json `lift_tests`),
 * and the same as a chart (one row per test, 72 px high plus room for the axes).
 * @example calibrationSection(ctx).includes('data-field="z"') // true when the run has lift tests
 */
export function calibrationSection(ctx: SectionContext): string {
  const tests = ctx.summary.lift_tests;
  const rows = tests.map((t, k) => ({
    key: `${t.channel}-${k}`,
    cells: [
      { text: liftTestWhere(t) },
      { text: liftTestDates({ start: t.start, end: t.end, measuredThrough: t.measured_through }) },
      { text: `${formatAmount(t.measured)} ± ${formatAmount(t.standard_error)}`, value: t.measured, field: 'measured' },
      amountCell(t.predicted, 'predicted'),
      t.predicted_interval !== null
        ? { text: `${formatAmount(t.predicted_interval[0])} – ${formatAmount(t.predicted_interval[1])}`, field: 'predicted_interval' }
        : { text: 'n/a', field: 'predicted_interval' },
      { text: formatSigned(t.z, 1), value: t.z, field: 'z' },
    ],
  }));
  return section('calibration', 'Calibration with lift tests', [
    htmlTable(['channel', 'test dates', 'measured ± SE', 'model', '90% interval', 'z'], rows, 'lift-tests'),
    `<p class="note">${escapeHtml(liftTestCalibrationNote(tests))}</p>`,
    chartFigure('lift-test-calibration', 'Lift tests against the model', liftTestCalibration(tests),
      'Each lift test: the measured lift (◆, ±1.96 standard errors) and the model\'s lift for the same test (●, 90% interval).',
      { width: ctx.size.width, height: 110 + 72 * tests.length }),
  ].join(''));
}
