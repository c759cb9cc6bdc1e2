import type { Issue } from '@mixwise/contracts';
import { Table } from '../../components/Table.tsx';
import { dashboardHint } from '../../logic/dashboard-hint.ts';

/** Validation issues: severity, where, what and how to fix it (`refused`: of a refused upload, whose Cleaning choices are not on screen). */
export function IssuesTable({ issues, refused = false }: { issues: readonly Issue[]; refused?: boolean }) {
  return (
    <Table testId="issues-table" label="Validation issues" rows={issues} empty="No issues found." rowClass={(i) => i.severity} columns={[
      { key: 'sev', header: 'Severity', cell: (i) => <span className={`badge ${i.severity}`}>{i.severity}</span> },
      { key: 'where', header: 'Where', cell: (i) => [i.at.column, i.at.row !== undefined ? `row ${i.at.row}` : null].filter(Boolean).join(', ') || '—' },
      { key: 'msg', header: 'Problem', cell: (i) => <><div>{i.message}</div><code className="muted small">{i.code}</code></> },
      { key: 'hint', header: 'How to fix', cell: (i) => <span className="small">{dashboardHint(i, refused ? 'refused' : 'accepted')}</span> },
    ]} />
  );
}
