import { EngineError } from '../errors.ts';
import type { ModelingTable } from './modeling-table.ts';
import { geoShares, type PanelColumns } from './panel.ts';

/** Relative tolerance between a national column and the aggregate of its geo series. */
const AGGREGATE_TOLERANCE = 1e-9;

type Code = 'INVALID_ARGUMENT' | 'SHAPE_MISMATCH' | 'NON_FINITE';

function fail(message: string, at: { series?: string; row?: number; date?: string }, code: Code = 'INVALID_ARGUMENT'): never {
  throw new EngineError(code, message, at);
}

/**
 * Checks on a geo panel (table.panel, spec/panel.ts) given to fitMmm, after checkTable's national
 * checks: the panel's shapes (one series per geo and per date for the KPI, every channel and every
 * control), a known, finite KPI and finite spend ≥ 0 in every geo and row, and national columns that
 * are the geo aggregates (KPI, spend and exposure summed, a geo control the share-weighted mean) within 1e-9
 * relative: a table edited by hand must not fit one thing and report another. Each message names the
 * geo, the series, and for a cell its row and date.
 * @param table a table with `panel` set that passed checkTable's other checks
 * @throws EngineError SHAPE_MISMATCH, NON_FINITE or INVALID_ARGUMENT
 * @example checkPanel({ ...table, panel: { ...table.panel, geos: ['north'] } }) // throws: 1 geo name but the KPI has 2 geo series
 */
export function checkPanel(table: ModelingTable): void {
  const panel = table.panel as PanelColumns;
  const n = table.dates.length;
  const col = typeof panel.column === 'string' && panel.column !== '' ? panel.column : 'geo';
  const at = (t: number) => `row ${t} (${table.dates[t]})`;
  if (!Array.isArray(panel.geos) || panel.geos.length < 2) {
    fail(`a geo panel needs at least 2 values of ${col}, got ${Array.isArray(panel.geos) ? panel.geos.length : 'none'}; with one geo, fit it as a national series`, { series: col });
  }
  const nG = panel.geos.length;
  if (new Set(panel.geos).size !== nG) fail(`a value of ${col} appears twice in the panel's geo list (${panel.geos.join(', ')}); name each geo once`, { series: col });
  /** A [nGeos][nTimes] block: right counts and, per cell, `ok`; returns the series. */
  const block = (series: unknown, what: string, name: string, ok: (v: number) => string | undefined): readonly ArrayLike<number>[] => {
    if (!Array.isArray(series) || series.length !== nG) {
      fail(`${what} has ${Array.isArray(series) ? series.length : 'no'} geo series but the panel has ${nG} geos (${panel.geos.join(', ')}); give one series per geo, in the geos' order`, { series: name }, 'SHAPE_MISMATCH');
    }
    (series as unknown[]).forEach((s, g) => {
      const values = s as ArrayLike<number> | null | undefined;
      if (!(values instanceof Float64Array || Array.isArray(values)) || values.length !== n) {
        fail(`${what} in ${col} "${panel.geos[g]}" has ${values?.length ?? 'no'} values but the table has ${n} dates; give every geo one value per date`, { series: `${name} (${panel.geos[g]})` }, 'SHAPE_MISMATCH');
      }
      for (let t = 0; t < n; t++) {
        const problem = ok(values[t]);
        if (problem !== undefined) fail(`${what} in ${col} "${panel.geos[g]}" is ${String(values[t])} in ${at(t)}; ${problem}`, { series: `${name} (${panel.geos[g]})`, row: t, date: table.dates[t] }, Number.isFinite(values[t]) ? 'INVALID_ARGUMENT' : 'NON_FINITE');
      }
    });
    return series as readonly ArrayLike<number>[];
  };
  const target = block(panel.target, `the target "${table.target.name}"`, table.target.name,
    (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `a geo-level model needs a known KPI in every geo and period (missing values are not supported with a geo panel yet): fill it, leave the geo out, or sum the panel (--clean sum_panel) and fit the national series, which allows missing periods`));
  const spendOk = (v: number) => (typeof v !== 'number' || !Number.isFinite(v) ? 'every value must be a finite number ≥ 0 (use 0 for no spend)' : v < 0 ? 'spend must be ≥ 0 (net a refund into the period it reverses)' : undefined);
  if (!Array.isArray(panel.spend) || panel.spend.length !== table.channels.length) {
    fail(`the panel has spend for ${Array.isArray(panel.spend) ? panel.spend.length : 'no'} channels but the table has ${table.channels.length} (${table.channels.map((c) => c.name).join(', ')}); give each channel its spend per geo, in the channels' order`, { series: col }, 'SHAPE_MISMATCH');
  }
  const spend = table.channels.map((c, k) => block(panel.spend[k], `the spend of channel "${c.name}"`, c.name, spendOk));
  const controls = table.controls ?? [];
  if (!Array.isArray(panel.controls) || panel.controls.length !== controls.length) {
    fail(`the panel lists ${Array.isArray(panel.controls) ? panel.controls.length : 'no'} controls but the table has ${controls.length}; give each control its values per geo, or null for a national control`, { series: col }, 'SHAPE_MISMATCH');
  }
  const geoControls = controls.map((c, k) => (panel.controls[k] === null ? null
    : block(panel.controls[k], `control "${c.name}"`, c.name, (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'every value must be a finite number (fill or interpolate missing values before fitting)'))));
  const shares = geoShares({ column: col, geos: panel.geos, target: target.map((y) => Float64Array.from(y)), size: panel.size });
  // The national columns must be the aggregates: compared with the scale of the terms summed, so rounding passes and an edit does not.
  const agree = (national: ArrayLike<number>, geo: readonly ArrayLike<number>[], weight: (g: number) => number, what: string, name: string, how: string): void => {
    for (let t = 0; t < n; t++) {
      let sum = 0, size = 0;
      for (let g = 0; g < nG; g++) { const v = weight(g) * geo[g][t]; sum += v; size += Math.abs(v); }
      if (!(Math.abs(national[t] - sum) <= AGGREGATE_TOLERANCE * Math.max(size, Math.abs(national[t])))) {
        fail(`${what} is ${national[t]} in ${at(t)} but the ${how} of its geo series is ${sum}; the national columns of a geo panel must be the geo aggregates (build the table with modelingTableFromPanel, or correct the edited value)`, { series: name, row: t, date: table.dates[t] });
      }
    }
  };
  agree(table.target.values, target, () => 1, `the target "${table.target.name}"`, table.target.name, 'sum');
  table.channels.forEach((c, k) => agree(c.spend, spend[k], () => 1, `the spend of channel "${c.name}"`, c.name, 'sum'));
  checkPanelExposure(table, block, agree, spendOk);
  controls.forEach((c, k) => {
    const geo = geoControls[k];
    if (geo !== null) agree(c.values, geo, (g) => shares[g], `control "${c.name}"`, c.name, 'share-weighted mean');
  });
}

type Block = (series: unknown, what: string, name: string, ok: (v: number) => string | undefined) => readonly ArrayLike<number>[];
type Agree = (national: ArrayLike<number>, geo: readonly ArrayLike<number>[], weight: (g: number) => number, what: string, name: string, how: string) => void;

/** The panel's exposure per geo (optional): one entry per channel, each absent or a block of finite values ≥ 0 summing to the channel's national exposure. */
function checkPanelExposure(table: ModelingTable, block: Block, agree: Agree, ok: (v: number) => string | undefined): void {
  const exposure = (table.panel as PanelColumns).exposure;
  if (exposure === undefined) return;
  if (!Array.isArray(exposure) || exposure.length !== table.channels.length) {
    fail(`the panel has exposure for ${Array.isArray(exposure) ? exposure.length : 'no'} channels but the table has ${table.channels.length}; give each channel its exposure per geo (or undefined), in the channels' order`, { series: table.panel?.column ?? 'geo' }, 'SHAPE_MISMATCH');
  }
  table.channels.forEach((c, k) => {
    if (exposure[k] === undefined) return;
    const what = `the exposure of channel "${c.name}"`;
    const geo = block(exposure[k], what, c.name, (v) => ok(v)?.replace('spend must', 'exposure must').replace('for no spend', 'for no exposure'));
    if (c.exposure === undefined) fail(`${what} is given per geo but the table's channel has no national exposure; build the table with modelingTableFromPanel`, { series: c.name });
    agree(c.exposure, geo, () => 1, what, c.name, 'sum');
  });
}
