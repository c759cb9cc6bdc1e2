import { useEffect, useMemo, useState } from 'react';
import type { CleaningChoice, ColumnRole, Issue, RoleMappingResponse, RunManifest, Upload } from '@mixwise/contracts';
import { CleaningChoiceSchema, ColumnRoleSchema } from '@mixwise/contracts';
import { api, ApiRequestError } from '../../api.ts';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { IssuesTable } from './IssuesTable.tsx';
import { TrainPanel } from './TrainPanel.tsx';
import { ActiveRunPanel } from './ActiveRunPanel.tsx';
import { activeRuns, runsAhead } from '../../logic/active-runs.ts';
import { roleLabel, rolesFromChoices } from '../../logic/roles.ts';
import { formatCompact } from '../../logic/format.ts';
import { dedupeIssues } from '../../logic/dedupe-issues.ts';
import { CLEANING_LABELS, cleaningSummaryText } from '../../logic/cleaning-labels.ts';
import { DEFAULT_PANEL_MODE, PANEL_MODE_LABELS, cleaningAllowed, keptCleaning, withPanelMode, type PanelMode } from '../../logic/panel-mode.ts';

const ROLES = ColumnRoleSchema.options;

interface Props {
  /** The server's runs (null while loading). */
  readonly runs: readonly RunManifest[] | null;
  /** A fit was started here, or a followed one ended: read the run list again. */
  readonly onRunsChanged: () => void;
  /** A fit started on this page is done. */
  readonly onRunDone: (runId: string) => void;
}

/**
 * Upload a file, map its columns to roles, check it, and train a model with live progress. A fit
 * started before (before a reload, a visit to another page, or in another tab) that is still queued
 * or running is shown on top with its progress and Cancel.
 */
export function DataPage({ runs, onRunsChanged, onRunDone }: Props) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<{ message: string; issues: readonly Issue[] } | null>(null);
  const [choices, setChoices] = useState<Record<string, ColumnRole>>({});
  const [check, setCheck] = useState<RoleMappingResponse | null>(null);
  const [cleaning, setCleaning] = useState<CleaningChoice[]>([]);
  // Built-in holidays (`mixwise fit --holidays`): set names or ids, comma-separated; the week label for weekly data.
  const [holidaysText, setHolidaysText] = useState('');
  const [weekLabel, setWeekLabel] = useState<'start' | 'end'>('start');
  // What the fit does with a Panel column: add the geos up (the default, see DEFAULT_PANEL_MODE) or the geo-level model.
  const [panelMode, setPanelMode] = useState<PanelMode>(DEFAULT_PANEL_MODE);
  // The fits started by this page's Train button; every other queued or running fit is followed on top, and stays shown once it ends.
  const [ownRuns, setOwnRuns] = useState<readonly string[]>([]);
  const [followed, setFollowed] = useState<readonly RunManifest[]>([]);
  useEffect(() => {
    const fresh = activeRuns(runs ?? []).filter((r) => !ownRuns.includes(r.id) && !followed.some((f) => f.id === r.id));
    if (fresh.length > 0) setFollowed([...followed, ...fresh]);
  }, [runs, ownRuns, followed]);
  const aheadOf = (id: string) => runsAhead(runs ?? [], id);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true); setUploadError(null); setUpload(null); setCheck(null);
    try {
      const u = await api.upload(file);
      setUpload(u);
      setCleaning([]);
      setPanelMode(DEFAULT_PANEL_MODE);
      setChoices(Object.fromEntries(u.columns.map((c) => [c.name, c.suggestedRole])));
    } catch (e) {
      setUploadError(e instanceof ApiRequestError ? { message: e.message, issues: e.issues } : { message: String(e), issues: [] });
    } finally { setBusy(false); }
  };

  const mapped = useMemo(() => rolesFromChoices((upload?.columns ?? []).map((c) => ({ name: c.name, role: choices[c.name] ?? 'ignore' })), panelMode), [upload, choices, panelMode]);
  const roles = useMemo(() => {
    const holidays = holidaysText.split(',').map((h) => h.trim()).filter((h) => h !== '');
    if (mapped.roles === null) return null;
    const withMode = withPanelMode(mapped.roles, panelMode);
    if (holidays.length === 0) return withMode;
    return { ...withMode, holidays, ...(upload?.frequency === 'weekly' ? { weekLabel } : {}) };
  }, [mapped, holidaysText, weekLabel, upload, panelMode]);
  // The panel mode in force: null without a Panel column.
  const mode: PanelMode | null = roles?.panel === undefined ? null : panelMode;
  const choosePanelMode = (m: PanelMode) => { setPanelMode(m); setCleaning((now) => keptCleaning(now, m)); };

  useEffect(() => {
    if (!upload || !roles) { setCheck(null); return; }
    let live = true;
    api.checkRoles(upload.uploadId, roles, cleaning).then((r) => { if (live) setCheck(r); }, (e: unknown) => {
      if (live) setCheck(e instanceof ApiRequestError && e.issues.length > 0 ? { ok: false, issues: [...e.issues], table: null, cleaning: [] } : null);
    });
    return () => { live = false; };
  }, [upload, roles, cleaning]);

  // An upload warning whose cleaning step is ticked is fixed: the role check reports what still stands.
  const issues = dedupeIssues([...(check?.issues ?? []), ...(upload?.issues ?? []).filter((i) => i.fix === undefined || !cleaning.includes(i.fix))]);
  const canTrain = upload !== null && roles !== null && (check === null || check.ok);

  return (
    <div className="stack">
      <div className="page-title">
        <h1>Data and training</h1>
        <p className="muted">Upload one row per period (CSV or Parquet): a date column, the KPI, one spend column per channel (…_spend), and any controls or event flags.</p>
      </div>
      {followed.map((r) => <ActiveRunPanel key={r.id} run={r} ahead={aheadOf(r.id)} onEnded={onRunsChanged} />)}
      <Section title="1 · Upload">
        <label className="upload">
          <input type="file" accept=".csv,.parquet,text/csv" data-testid="upload-input" disabled={busy} onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
          <span>{busy ? 'Uploading and checking…' : 'Choose a file'}</span>
        </label>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="upload-status">{busy ? 'Uploading and checking…' : upload ? `${upload.fileName} read: ${upload.rows} rows, ${upload.columns.length} columns.` : ''}</p>
        {uploadError ? (
          <div className="banner error" data-testid="upload-error">
            {/* Only the sentence is the alert: a screen reader would otherwise read the whole table out at once. */}
            <p role="alert" className="alert-text" data-testid="upload-error-summary"><strong>The file was not accepted.</strong> {uploadError.message}</p>
            {uploadError.issues.length > 0 ? <IssuesTable issues={uploadError.issues} refused /> : null}
          </div>
        ) : null}
        {upload ? (
          <p className="muted" data-testid="upload-summary">
            {upload.fileName} · {formatCompact(upload.bytes)}B · {upload.rows} rows · {upload.columns.length} columns
            {uploadDatesText(upload)}
          </p>
        ) : null}
      </Section>
      {upload ? (
        <>
          <Section title="2 · Column roles">
            <p className="muted small">Detected automatically; change any that are wrong. Channels are spend columns; controls are other drivers (price, promotions); organic media are exposure without spend (newsletter sends, organic impressions), with carryover and saturation like a channel but no ROI; events are 0/1 flags; a panel column (geo, product…) splits each date into rows, which are either added up into one before the fit or, for geos, modelled each (below).</p>
            <Table testId="columns-table" label="Column roles" rows={upload.columns} rowKey={(c) => c.name} columns={[
              { key: 'name', header: 'Column', cell: (c) => <code>{c.name}</code> },
              { key: 'type', header: 'Type', cell: (c) => (c.numeric ? 'number' : 'text') },
              { key: 'role', header: 'Role', cell: (c) => (
                <select value={choices[c.name] ?? 'ignore'} data-testid={`role-${c.name}`} aria-label={`role of ${c.name}`}
                  onChange={(e) => setChoices({ ...choices, [c.name]: e.currentTarget.value as ColumnRole })}>
                  {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
                </select>
              ) },
              // The note explains the suggestion (why not a control; what a control with empty cells needs), while it is the role chosen.
              { key: 'why', header: 'Why', cell: (c) => (c.note !== undefined && (choices[c.name] ?? 'ignore') === c.suggestedRole
                ? <span className="muted small" data-testid={`role-note-${c.name}`}>{c.note}</span> : null) },
              { key: 'sample', header: 'First values', cell: (c) => <span className="muted small">{upload.preview.slice(0, 3).map((row) => row[upload.columns.indexOf(c)]).join(' · ')}</span> },
            ]} />
            {mapped.problems.length > 0 ? <ul className="problems" data-testid="role-problems">{mapped.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
            {roles?.panel !== undefined ? (
              <fieldset className="panel-mode" data-testid="panel-mode">
                <legend>Panel column <code>{roles.panel}</code>: one row per date and geo</legend>
                {(['sum', 'geo'] as const).map((m) => (
                  <label key={m} className="check">
                    <input type="radio" name="panel-mode" value={m} data-testid={`panel-mode-${m}`} checked={panelMode === m} onChange={() => choosePanelMode(m)} />
                    {PANEL_MODE_LABELS[m].label} <span className="muted small">({PANEL_MODE_LABELS[m].detail})</span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <fieldset className="cleaning" data-testid="cleaning">
              <legend>Cleaning (optional; bad data is refused unless you tick its fix, and every change is logged in the run&apos;s changes.csv)</legend>
              {mode === 'geo' ? <p className="muted small" data-testid="cleaning-geo-note">With the geo-level model only sorting is offered: the other steps are not applied per geo yet, so fix the file itself or add the geos up.</p> : null}
              {CleaningChoiceSchema.options.map((c) => (
                <label key={c} className="check">
                  <input type="checkbox" data-testid={`clean-${c}`} checked={cleaning.includes(c)} disabled={!cleaningAllowed(c, mode)}
                    title={cleaningAllowed(c, mode) ? undefined : 'not applied per geo yet: fix the file itself, or add the geos up'}
                    onChange={(e) => { const on = e.currentTarget.checked; setCleaning((now) => (on ? [...now, c] : now.filter((x) => x !== c))); }} />
                  {CLEANING_LABELS[c].label} <span className="muted small">({CLEANING_LABELS[c].detail})</span>
                </label>
              ))}
            </fieldset>
            <fieldset className="holidays" data-testid="holidays">
              <legend>Holidays (optional; added as 0/1 events named holiday_&lt;id&gt;, as <code>mixwise fit --holidays</code>)</legend>
              <label>
                Sets or ids, comma-separated{' '}
                <input type="text" value={holidaysText} placeholder="us, retail" data-testid="holidays-input" aria-label="holidays"
                  onChange={(e) => setHolidaysText(e.currentTarget.value)} />
                <span className="muted small"> sets us, uk, de, fr, retail (Black Friday, Cyber Monday, Christmas shopping…) or single ids such as black-friday</span>
              </label>
              {upload.frequency === 'weekly' && holidaysText.trim() !== '' ? (
                <label>
                  Each weekly date is the{' '}
                  <select value={weekLabel} data-testid="week-label" aria-label="week label" onChange={(e) => setWeekLabel(e.currentTarget.value === 'end' ? 'end' : 'start')}>
                    <option value="start">first day of its week</option>
                    <option value="end">last day of its week (week ending)</option>
                  </select>
                </label>
              ) : null}
            </fieldset>
            {check?.ok && check.cleaning.length > 0 ? (
              <p className="muted small" data-testid="cleaning-summary">Cleaning changed: {cleaningSummaryText(check.cleaning)}.</p>
            ) : null}
            {check?.table ? (
              <p className="callout" data-testid="roles-ok">
                Ready: {check.table.periods} {check.table.frequency} periods ({check.table.firstDate} to {check.table.lastDate}), channels {check.table.channels.join(', ')}
                {check.table.geos !== undefined ? `, ${check.table.geos.length} geos (${check.table.geos.slice(0, 6).join(', ')}${check.table.geos.length > 6 ? ', …' : ''}) modelled each` : ''}.
              </p>
            ) : null}
          </Section>
          <TrainPanel upload={upload} roles={roles} cleaning={cleaning} panelMode={mode} channels={check?.table?.channels ?? null} canTrain={canTrain} aheadOf={aheadOf}
            onRunStarted={(id) => { setOwnRuns((r) => [...r, id]); onRunsChanged(); }} onRunDone={onRunDone} />
          <Section title={`4 · Validation (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}; errors block training)`}>
            <div className="scroll-y"><IssuesTable issues={issues} /></div>
          </Section>
        </>
      ) : null}
    </div>
  );
}

/**
 * The dates part of the upload summary: " · weekly from 2024-01-01 to 2025-12-29", the frequency alone
 * when the dates were not read, or a hint when no date column was found (never "from null to null").
 */
function uploadDatesText(upload: Upload): string {
  if (!upload.frequency) return '';
  if (upload.firstDate && upload.lastDate) return ` · ${upload.frequency} from ${upload.firstDate} to ${upload.lastDate}`;
  return ` · ${upload.frequency}; the date range is shown once the columns are checked (below)`;
}
