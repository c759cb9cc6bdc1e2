import { centredControls, effectTimingCaption, effectTimingText, interceptText, periodWord, type DiagnosticsResult, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { roiLabel } from '@mixwise/charts';
import { VifTable } from './DiagnosticsTable.tsx';
import { Table } from '../../components/Table.tsx';
import { OrganicTable } from '../../components/OrganicTable.tsx';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { specText } from '../../logic/spec-text.ts';

/** Per channel: coefficient, scale, adstock settings and when the effect lands (effectTimingText), saturation settings, ROI (KPI per spend for a count KPI, roiLabel) and mROI; then the baseline terms and VIFs, and the organic media's contributions (none without them). */
export function CoefficientTable({ model, summary, diagnostics }: { model: MmmModel; summary: SummaryResult; diagnostics: DiagnosticsResult }) {
  const byName = new Map(summary.channels.map((c) => [c.name, c]));
  // With centred controls the decomposition's intercept is another number: say why (engine interceptText).
  const intercept = interceptText(model, centredControls(model));
  return (
    <div className="stack-tight">
      <Table testId="table-coefficients" label="Channel coefficients and transforms" rows={model.channels} rowKey={(c) => c.name} columns={[
        { key: 'name', header: 'Channel', cell: (c) => c.name },
        { key: 'coef', header: 'Coefficient', numeric: true, cell: (c) => formatCompact(c.coef) },
        { key: 'scale', header: 'Scale', numeric: true, cell: (c) => formatCompact(c.scale) },
        { key: 'adstock', header: 'Adstock', cell: (c) => specText(c.adstock) },
        { key: 'timing', header: 'Effect lands', cell: (c) => {
          const t = byName.get(c.name)?.effect_timing;
          return t ? effectTimingText(t) : 'n/a';
        } },
        { key: 'sat', header: 'Saturation', cell: (c) => specText(c.saturation) },
        { key: 'roi', header: `${roiLabel(model.target.kind)} (historical)`, numeric: true, cell: (c) => formatRoi(byName.get(c.name)?.roi ?? null) },
        { key: 'mroi', header: 'mROI (historical)', numeric: true, cell: (c) => formatRoi(byName.get(c.name)?.mroi ?? null) },
        { key: 'share', header: 'Share of effect', numeric: true, cell: (c) => formatPct(byName.get(c.name)?.share_of_effect ?? null) },
      ]} />
      <p className="muted small" data-testid="effect-timing-note">Effect lands: {effectTimingCaption(periodWord(model.frequency))}.</p>
      <div className="grid-2 tight">
      <Table testId="table-baseline" caption={`Baseline terms (intercept ${formatCompact(model.intercept)}: the KPI per period with every term at 0)`} rows={model.baseline} rowKey={(b) => b.name} columns={[
        { key: 'name', header: 'Term', cell: (b) => b.name },
        { key: 'kind', header: 'Kind', cell: (b) => b.kind },
        { key: 'coef', header: 'Coefficient', numeric: true, cell: (b) => formatCompact(b.coef) },
      ]} />
      <VifTable diagnostics={diagnostics} />
      </div>
      {intercept !== '' ? <p className="muted small" data-testid="intercept-note">{intercept}</p> : null}
      <OrganicTable summary={summary} testId="table-organic-terms" />
    </div>
  );
}
