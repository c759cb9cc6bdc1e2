import type { SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';

/**
 * `lift_tests`: one row per lift test the model was calibrated on, summary.json's `lift_tests`: the
 * channel, test dates and the last date the lift was measured over, measured lift and its standard
 * error, the model's lift (predicted: what the test periods' spend added over the measured periods,
 * with its 90% bootstrap interval, NULL without a bootstrap) and
 * z = (predicted − measured) / standard error; last the geos a geo test ran in (geo-level fits), joined
 * by | as in the lift-test file, NULL for a test in every geo.
 * @param summary summarizeModel's result (with lift tests)
 * @returns columns channel, start_date, end_date, measured_through, then six real columns, then geos
 * @example liftTestsTable(summary).rows[0].slice(0, 3) // ['tv', '2024-06-03', '2024-07-22']
 */
export function liftTestsTable(summary: SummaryResult): ExportTable {
  return exportTable('lift_tests', [
    { name: 'channel', type: 'text' }, { name: 'start_date', type: 'date' }, { name: 'end_date', type: 'date' }, { name: 'measured_through', type: 'date' },
    ...['measured', 'standard_error', 'predicted', 'predicted_low', 'predicted_high', 'z'].map((name) => ({ name, type: 'real' as const })),
    { name: 'geos', type: 'text' },
  ], summary.lift_tests.map((t) => [
    t.channel, t.start, t.end, t.measured_through, t.measured, t.standard_error, t.predicted,
    t.predicted_interval?.[0] ?? null, t.predicted_interval?.[1] ?? null, t.z, t.geos?.join('|') ?? null,
  ]));
}
