/**
 * The geo-size comparison of bench/geo.bench.ts: on simulated panels where KPI per head differs across
 * geos (simulateGeoPanel with perCapitaSpread, which gives the table a `population` size column), the
 * geo-level model fitted with each geo sized by its population share (table.panel.size, `--geo-size
 * population`) against the same data sized by its KPI share (the size column dropped), printing the
 * spend-weighted absolute relative ROI error of each against the true ROIs, per seed and on average.
 */
import { fitMmm, modelingTableFromPanel, summarizeModel, simulateGeoPanel, type GeoPanelResult, type ModelingTable } from '@mixwise/engine';
import type { createWorkerPool } from '@mixwise/parallel';

type WorkerPool = ReturnType<typeof createWorkerPool>;

/** One noise level of the comparison. */
export interface SizeBasisCase { readonly label: string; readonly noise: number }

/** A shortened search (as the engine's recovery test): the comparison is between bases, not of the search. */
const SPEC = { search: { iterations: 1500, trials: 2, bootstrap: 0, posterior: 0 } };

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`.padStart(6);
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

/**
 * The same panel without its size column: each geo sized by its KPI share, the national columns rebuilt
 * as that basis aggregates them (a geo control's mean weighted by the KPI shares).
 */
function kpiShareTable(table: ModelingTable): ModelingTable {
  const p = table.panel;
  if (p === undefined) throw new Error('kpiShareTable: not a geo panel');
  return modelingTableFromPanel({
    dates: table.dates, frequency: table.frequency, column: p.column, geos: p.geos,
    target: { name: table.target.name, ...(table.target.kind === undefined ? {} : { kind: table.target.kind }), values: p.target },
    channels: table.channels.map((c, i) => ({ name: c.name, spend: p.spend[i] })),
    controls: table.controls.map((c, j) => ({ name: c.name, ...(c.sign === undefined ? {} : { sign: c.sign }), values: p.controls[j] ?? c.values })),
    events: table.events,
  });
}

/** Spend-weighted mean absolute relative error of a fit's channel ROIs against the truth. */
async function roiError(table: ModelingTable, sim: GeoPanelResult, pool: WorkerPool): Promise<{ error: number; rois: number[] }> {
  const model = await fitMmm(table, SPEC, { parallel: pool });
  const fitted = new Map(summarizeModel(model).channels.map((c) => [c.name, c.roi]));
  let num = 0, den = 0;
  const rois = sim.truth.channels.map((t) => {
    const r = fitted.get(t.name) ?? Number.NaN;
    num += t.spend * Math.abs(r - t.roi) / t.roi;
    den += t.spend;
    return r;
  });
  return { error: num / den, rois };
}

/**
 * Runs the comparison: for each noise level and seed, one panel (nGeos × weeks, per-capita spread)
 * fitted on the population basis and on the KPI-share basis.
 * @returns per case the mean errors (size basis, KPI shares) and on how many seeds the size basis won
 */
export async function sizeBasisComparison(pool: WorkerPool, cases: readonly SizeBasisCase[], seeds: readonly number[],
  options: { nGeos: number; weeks: number; perCapitaSpread: number }): Promise<{ label: string; size: number; kpi: number; wins: number; n: number }[]> {
  const out = [];
  console.log(`\nGeo size basis: ${options.nGeos} geos × ${options.weeks} weeks, KPI per head log-sd ${options.perCapitaSpread} across geos; population share (--geo-size) vs KPI share`);
  for (const c of cases) {
    const rows: [number, number][] = [];
    for (const seed of seeds) {
      const sim = simulateGeoPanel({ seed, nGeos: options.nGeos, weeks: options.weeks, noise: c.noise, perCapitaSpread: options.perCapitaSpread });
      const panel = sim.table.panel;
      if (panel?.size === undefined) throw new Error('simulateGeoPanel gave no population column');
      const bySize = await roiError(sim.table, sim, pool);
      const byKpi = await roiError(kpiShareTable(sim.table), sim, pool);
      rows.push([bySize.error, byKpi.error]);
      const list = (r: number[]): string => r.map((v) => v.toFixed(2)).join(' ');
      console.log(`  ${c.label}, seed ${seed}: true ROI ${list(sim.truth.channels.map((t) => t.roi))} | population basis ${list(bySize.rois)} (error ${pct(bySize.error)}) | KPI shares ${list(byKpi.rois)} (error ${pct(byKpi.error)})`);
    }
    const r = { label: c.label, size: mean(rows.map((x) => x[0])), kpi: mean(rows.map((x) => x[1])), wins: rows.filter((x) => x[0] < x[1]).length, n: rows.length };
    console.log(`  ${c.label}: mean ROI error population basis ${pct(r.size)}, KPI shares ${pct(r.kpi)} (population basis better on ${r.wins}/${r.n})`);
    out.push(r);
  }
  return out;
}
