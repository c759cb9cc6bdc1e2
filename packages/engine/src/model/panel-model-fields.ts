/**
 * The geo-level fields of parsed model JSON (MmmModel.panel, ModelChannel.panel,
 * ModelBaselineTerm.panelValues, spec/panel.ts) checked for shape and consistency, so a hand-edited
 * or truncated model.json fails at load with the field named instead of giving wrong contributions.
 */

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Relative tolerance of sums read back from JSON (17 significant digits round-trip; sums add round-off). */
const SUM_TOLERANCE = 1e-9;

/** A problem with a geo-level field: the field (for EngineError.at.series) and what is wrong. */
export interface PanelFieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The first malformed [nGeos][nTimes] matrix entry of `v`, described; null when well formed. */
function matrixProblem(v: unknown, field: string, nGeos: number, nTimes: number, nonNegative: boolean): PanelFieldProblem | null {
  if (!Array.isArray(v) || v.length !== nGeos) return { field, message: `${field} must be ${nGeos} series, one per geo, got ${Array.isArray(v) ? v.length : typeof v}` };
  for (let g = 0; g < nGeos; g++) {
    const row: unknown = v[g];
    if (!Array.isArray(row) || row.length !== nTimes) return { field: `${field}[${g}]`, message: `${field}[${g}] must have ${nTimes} values (one per date), got ${Array.isArray(row) ? row.length : typeof row}` };
    const bad = row.findIndex((x) => !finite(x) || (nonNegative && x < 0));
    if (bad >= 0) return { field: `${field}[${g}][${bad}]`, message: `${field}[${g}][${bad}] is ${JSON.stringify(row[bad])}, not a ${nonNegative ? 'non-negative ' : ''}finite number` };
  }
  return null;
}

/** |a − b| within SUM_TOLERANCE of the larger magnitude (and of `scale`, for values near 0). */
function near(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= SUM_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), scale);
}

/**
 * The first problem with a model's geo-level fields, or null: `panel` (column, ≥ 2 distinct geos,
 * positive shares summing to 1, one intercept per geo, each geo's KPI per date), every channel's
 * `panel` (the model's shares, spend per geo and date whose sum over geos is the channel's `spend`),
 * each baseline term's `panelValues` (per geo and date, share-weighted mean equal to `values`), and
 * none of these without `model.panel`. Assumes the national fields passed missingModelField.
 * @param m the parsed model JSON
 * @example panelFieldProblem({ ...model, panel: { ...model.panel, shares: [0.5, 0.6] } })?.field // 'panel.shares'
 */
export function panelFieldProblem(m: Record<string, unknown>): PanelFieldProblem | null {
  const channels = m.channels as Record<string, unknown>[];
  const baseline = (m.baseline as unknown[]).filter(isRecord);
  const nTimes = (m.dates as unknown[]).length;
  if (m.panel === undefined) {
    const c = channels.findIndex((ch) => ch.panel !== undefined);
    if (c >= 0) return { field: `channels[${c}].panel`, message: `channels[${c}].panel is set but the model has no panel (geos); a geo split needs model.panel` };
    const b = baseline.findIndex((t) => t.panelValues !== undefined);
    if (b >= 0) return { field: `baseline[${b}].panelValues`, message: `baseline[${b}].panelValues is set but the model has no panel (geos); per-geo values need model.panel` };
    return null;
  }
  const p = m.panel;
  if (!isRecord(p)) return { field: 'panel', message: 'panel must be an object { column, geos, shares, intercepts, actual }' };
  if (typeof p.column !== 'string') return { field: 'panel.column', message: 'panel.column (the geo column\'s name) must be a string' };
  const geos = p.geos;
  if (!Array.isArray(geos) || geos.length < 2 || geos.some((g) => typeof g !== 'string') || new Set(geos).size !== geos.length) {
    return { field: 'panel.geos', message: 'panel.geos must list at least 2 distinct geo names' };
  }
  const nGeos = geos.length;
  const shares = p.shares;
  if (!Array.isArray(shares) || shares.length !== nGeos || shares.some((s) => !finite(s) || !(s > 0))) {
    return { field: 'panel.shares', message: `panel.shares must be ${nGeos} positive numbers, one per geo` };
  }
  const total = (shares as number[]).reduce((a, b) => a + b, 0);
  if (!near(total, 1, 1)) return { field: 'panel.shares', message: `panel.shares sum to ${total}, not 1` };
  const size = sizeProblem(p, shares as number[]);
  if (size !== null) return size;
  if (!Array.isArray(p.intercepts) || p.intercepts.length !== nGeos || p.intercepts.some((v) => !finite(v))) {
    return { field: 'panel.intercepts', message: `panel.intercepts must be ${nGeos} finite numbers, one per geo` };
  }
  const actual = matrixProblem(p.actual, 'panel.actual', nGeos, nTimes, false);
  if (actual !== null) return actual;
  for (let c = 0; c < channels.length; c++) {
    const problem = channelPanelProblem(channels[c], `channels[${c}]`, shares as number[], nTimes);
    if (problem !== null) return problem;
  }
  for (let b = 0; b < baseline.length; b++) {
    const v = baseline[b].panelValues;
    if (v === undefined) continue;
    const field = `baseline[${b}].panelValues`;
    const problem = matrixProblem(v, field, nGeos, nTimes, false);
    if (problem !== null) return problem;
    const values = baseline[b].values as number[], rows = v as number[][];
    for (let t = 0; t < nTimes; t++) {
      let mean = 0;
      for (let g = 0; g < nGeos; g++) mean += (shares as number[])[g] * rows[g][t];
      if (!near(mean, values[t], Math.abs(values[t]))) return { field, message: `${field} at row ${t} average ${mean} (weighted by the geo shares), not baseline[${b}].values[${t}] = ${values[t]}` };
    }
  }
  return null;
}

/**
 * `panel.sizeColumn` and `panel.sizes`, both optional and present together (a file without them is a
 * KPI-share model): the column's name a non-empty string (any name, 'kpi_share' too), the sizes one
 * positive number per geo whose shares are `panel.shares`.
 */
function sizeProblem(p: Record<string, unknown>, shares: readonly number[]): PanelFieldProblem | null {
  if (p.sizeColumn !== undefined && (typeof p.sizeColumn !== 'string' || p.sizeColumn === '')) {
    return { field: 'panel.sizeColumn', message: 'panel.sizeColumn must be the name of the size column (absent for the KPI shares)' };
  }
  const column = p.sizeColumn !== undefined;
  if (p.sizes === undefined) return column ? { field: 'panel.sizes', message: `panel.sizes must give each geo's value of "${String(p.sizeColumn)}" (panel.sizeColumn)` } : null;
  const sizes = p.sizes;
  if (!column) return { field: 'panel.sizes', message: 'panel.sizes is set but panel.sizeColumn (the size column) is absent' };
  if (!Array.isArray(sizes) || sizes.length !== shares.length || sizes.some((v) => !finite(v) || !(v > 0))) {
    return { field: 'panel.sizes', message: `panel.sizes must be ${shares.length} positive numbers, one per geo` };
  }
  const total = (sizes as number[]).reduce((a, b) => a + b, 0);
  const g = (sizes as number[]).findIndex((v, i) => !near(v / total, shares[i], shares[i]));
  return g < 0 ? null : { field: 'panel.sizes', message: `panel.sizes[${g}] / their sum is ${(sizes as number[])[g] / total}, not panel.shares[${g}] = ${shares[g]}` };
}

/** A channel's `panel`: required in a geo-level model, the model's shares, spend per geo summing to `spend`. */
function channelPanelProblem(ch: Record<string, unknown>, at: string, shares: readonly number[], nTimes: number): PanelFieldProblem | null {
  const p = ch.panel;
  if (!isRecord(p)) return { field: `${at}.panel`, message: `${at}.panel (the channel's spend per geo) is missing: every channel of a geo-level model has one` };
  if (!Array.isArray(p.shares) || p.shares.length !== shares.length || p.shares.some((s, g) => s !== shares[g])) {
    return { field: `${at}.panel.shares`, message: `${at}.panel.shares must equal panel.shares` };
  }
  const problem = matrixProblem(p.spend, `${at}.panel.spend`, shares.length, nTimes, true);
  if (problem !== null) return problem;
  const spend = ch.spend as unknown[], rows = p.spend as number[][];
  if (spend.length !== nTimes) return { field: `${at}.spend`, message: `${at}.spend has ${spend.length} values but the model has ${nTimes} dates` };
  let scale = 0;
  for (const v of spend) if (finite(v)) scale = Math.max(scale, Math.abs(v));
  for (let t = 0; t < nTimes; t++) {
    let sum = 0;
    for (const row of rows) sum += row[t];
    const v = spend[t];
    if (!finite(v) || !near(sum, v, scale)) return { field: `${at}.panel.spend`, message: `${at}.panel.spend sums to ${sum} over the geos at row ${t}, but ${at}.spend[${t}] is ${JSON.stringify(v)}` };
  }
  // A channel on exposure: its actual spend per geo (media.geoSpend), what per-geo ROIs divide by.
  const media = ch.media;
  if (isRecord(media) && media.geoSpend !== undefined) return matrixProblem(media.geoSpend, `${at}.media.geoSpend`, shares.length, nTimes, true);
  return null;
}
