import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIFT_TEST_SE_TEXT } from '@mixwise/engine';
import { liftTestsFromCsv, parseCsvText } from '@mixwise/data';
import { buildProgram } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';

/** The help text of one option of `mixwise fit`. */
function fitOptionHelp(flag: string): string {
  const fit = buildProgram(captureIo(mkdtempSync(join(tmpdir(), 'mixwise-fit-help-'))).io).commands.find((c) => c.name() === 'fit');
  const option = fit?.options.find((o) => o.long === flag);
  assert.ok(option, `no ${flag} on fit`);
  return option.description;
}

test('fit --help for --lift-tests names every column the lift-test reader takes, its defaults and the Gaussian calibration', () => {
  const help = fitOptionHelp('--lift-tests');
  const columns = ['channel', 'start', 'end', 'lift', 'measured_through', 'standard_error'];
  for (const c of columns) assert.match(help, new RegExp(`\\b${c}\\b`), c);
  // The columns named are those the reader accepts (it refuses any other).
  const csv = parseCsvText(`${columns.join(',')}\ntv,2024-01-01,2024-01-15,100,2024-01-29,20\n`, 'lift.csv');
  assert.equal(liftTestsFromCsv(csv, { channels: ['tv'], dates: ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29'] }).length, 1);
  assert.ok(help.includes(`default ${DEFAULT_LIFT_TEST_SE_TEXT}`));
  assert.match(help, /Gaussian measurement of the model's lift/);
  assert.match(help, /MAPE\.LIFT/);
});

test('fit --help for --clean lists skip_missing_kpi, and --clean parses it', async () => {
  assert.match(fitOptionHelp('--clean'), /skip_missing_kpi \(a period whose KPI is empty, NA or NaN is left out of the fit/);
  const { parseCleanSteps } = await import('./parse-options.ts');
  assert.deepEqual(parseCleanSteps('fill_gaps,skip_missing_kpi'), [{ type: 'fill-gaps' }, { type: 'skip-missing-kpi' }]);
});

test('the dashboard\'s skip_missing_kpi choice says what fit --help says', async () => {
  const { SKIP_MISSING_KPI_HELP } = await import('@mixwise/data');
  const { readFileSync } = await import('node:fs');
  const labels = readFileSync(new URL('../../../../apps/dashboard/src/logic/cleaning-labels.ts', import.meta.url), 'utf8');
  assert.ok(labels.includes(`detail: '${SKIP_MISSING_KPI_HELP}'`));
  assert.ok(fitOptionHelp('--clean').includes(SKIP_MISSING_KPI_HELP));
});
