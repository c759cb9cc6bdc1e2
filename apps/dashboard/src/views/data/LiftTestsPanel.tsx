import { useState } from 'react';
import type { CleaningChoice, Issue, LiftTest, RolesInput } from '@mixwise/contracts';
import { DEFAULT_LIFT_TEST_SE_TEXT } from '@mixwise/engine';
import { api, ApiRequestError } from '../../api.ts';
import { Table } from '../../components/Table.tsx';
import { IssuesTable } from './IssuesTable.tsx';
import { liftTestExample, liftTestRows, withoutLiftTest } from '../../logic/lift-tests.ts';

interface Props {
  readonly uploadId: string;
  readonly roles: RolesInput | null;
  /** The cleaning steps the fit will apply (the tests are checked against the cleaned table). */
  readonly cleaning: readonly CleaningChoice[];
  /** The holdout the fit will use: the server refuses tests with no period before it. */
  readonly holdout: number;
  /** Channels of the current roles (null while unchecked), to flag tests of a channel no longer mapped. */
  readonly channels: readonly string[] | null;
  readonly tests: readonly LiftTest[];
  readonly onChange: (tests: LiftTest[]) => void;
  readonly disabled: boolean;
}

/** "Lift tests (optional)": a CSV of experiments read by the server, listed with Remove; the fit is calibrated with them. */
export function LiftTestsPanel({ uploadId, roles, cleaning, holdout, channels, tests, onChange, disabled }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues: readonly Issue[] } | null>(null);
  const example = liftTestExample(roles?.channels ?? null, channels);

  const onFile = async (file: File | undefined) => {
    if (!file || !roles) return;
    setBusy(true); setError(null);
    try {
      onChange((await api.readLiftTests(uploadId, file, roles, holdout, cleaning)).tests);
    } catch (e) {
      setError(e instanceof ApiRequestError ? { message: e.message, issues: e.issues } : { message: String(e), issues: [] });
    } finally { setBusy(false); }
  };

  return (
    <div className="lift-tests" data-testid="lift-tests">
      <h3>Lift tests (optional)</h3>
      <p className="muted small">
        Experiments (geo tests, conversion-lift studies) calibrate the fit. A CSV with the columns <code>channel,start,end,lift</code> and
        optionally <code>measured_through</code> and <code>standard_error</code>: the channel as named above
        (<code>{example.channel}</code> for <code>{example.column}</code>), the first and last date of the test (yyyy-mm-dd), the measured incremental KPI, the last date it was
        measured over (empty: the end) and its standard error (empty: {DEFAULT_LIFT_TEST_SE_TEXT}). With the geo-level model an optional <code>geo</code> column
        names the geos a test ran in, separated by <code>|</code> (empty: every geo). A file replaces the list.
      </p>
      <label className="upload">
        <input type="file" accept=".csv,text/csv" data-testid="lift-tests-input" disabled={disabled || busy || !roles}
          onChange={(e) => { const input = e.currentTarget; void onFile(input.files?.[0]).finally(() => { input.value = ''; }); }} />
        <span>{busy ? 'Reading…' : tests.length > 0 ? 'Choose another lift-test file' : 'Choose a lift-test file'}</span>
      </label>
      {error ? (
        <div className="banner error" role="alert" data-testid="lift-tests-error">
          <strong>The lift tests were not accepted.</strong> {error.message}
          {error.issues.length > 0 ? <IssuesTable issues={error.issues} /> : null}
        </div>
      ) : null}
      {tests.length > 0 ? (
        <Table testId="lift-tests-table" rows={liftTestRows(tests, channels)} rowKey={(r) => r.key} rowClass={(r) => (r.problem ? 'flagged' : undefined)} columns={[
          { key: 'channel', header: 'Channel', cell: (r) => <><code>{r.channel}</code>{r.geos !== null ? ` in ${r.geos}` : null}{r.problem ? <div className="small problems">{r.problem}</div> : null}</> },
          { key: 'dates', header: 'Dates', cell: (r) => r.dates },
          { key: 'lift', header: 'Lift', numeric: true, cell: (r) => r.lift },
          { key: 'se', header: 'Standard error', numeric: true, cell: (r) => r.standardError },
          { key: 'remove', header: '', cell: (r, k) => (
            <button type="button" className="secondary" disabled={disabled} data-testid={`lift-test-remove-${k}`} aria-label={`remove the ${r.channel} test ${r.dates}`}
              onClick={() => onChange(withoutLiftTest(tests, k))}>Remove</button>
          ) },
        ]} />
      ) : null}
    </div>
  );
}
