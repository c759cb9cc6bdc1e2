import { api, token } from '../../api.ts';
import { useAsync } from '../../state/use-async.ts';
import { Section } from '../../components/Section.tsx';
import { formatCompact } from '../../logic/format.ts';
import { groupExports } from '../../logic/export-groups.ts';
import { withToken } from '../../logic/token.ts';

const LABELS: Readonly<Record<string, string>> = { '': 'Run files', csv: 'Tables for BI tools (CSV)', parquet: 'Tables for BI tools (Parquet)' };

/** Links to the run's report and export files (served by the API). */
export function Downloads({ runId }: { runId: string }) {
  const files = useAsync(runId, api.getExports);
  return (
    <Section title="Downloads">
      <div className="stack-tight">
        <div className="downloads">
          <a className="button" href={api.reportUrl(runId)} target="_blank" rel="noreferrer" data-testid="export-report">Open HTML report</a>
        </div>
        {files.status === 'ok' ? groupExports(files.value.files).map((g) => (
          <div key={g.folder}>
            <div className="muted small">{LABELS[g.folder] ?? g.folder}</div>
            <div className="downloads">
              {g.files.map((f) => (
                <a key={f.href} className="button secondary" href={withToken(f.href, token)} download={f.name} data-testid={f.testId}>
                  {f.name} <span className="muted small">{formatCompact(f.bytes)}B</span>
                </a>
              ))}
            </div>
          </div>
        )) : null}
        {files.status === 'ok' && files.value.files.some((f) => f.name.endsWith('.csv')) ? (
          <p className="muted small" data-testid="csv-tip">CSV files are UTF-8 and comma-separated, with a dot as decimal point. In Excel, open them with Data → From Text/CSV (a double click may apply your locale&apos;s separator).</p>
        ) : files.status === 'error' ? <span className="muted small">Exports unavailable: {files.error}</span> : null}
      </div>
    </Section>
  );
}
