/**
 * Geo-level model against the national sum on simulated geo panels with known truth (simulateGeoPanel,
 * the 'geo' preset: 20 geos × 156 weeks × 5 channels). For each data set the geo model (fitMmm on the
 * panel table) and a fit of the national sum (the same table without `panel`) are fitted with default
 * settings in a worker pool, and the bench prints per channel the true ROI, both fitted ROIs and the
 * oracle ROI standard errors (truth.channels[].oracleRoiSe for the panel, nationalOracleRoiSe for the
 * national sum: an oracle that knows every curve and only estimates effect sizes), then per data set
 * the spend-weighted absolute relative ROI error of each fit, the geo model's per-geo ROI error
 * (spend-weighted over geos and channels, against truth.geo.geos[].channels[].roi) and the fit times.
 *
 * Sections: the preset as shipped; and a variant with stronger geo variation (channel shares tilted
 * with log-sd 0.8, drifting with log-sd 0.6, and geo tests on every channel), where the panel carries
 * much more information than the national sum. The summary line compares the two means with the
 * oracle floors (0.798 × oracle SE / ROI, spend-weighted: the mean absolute error of the oracle), and
 * how many of the fits' 90% ROI intervals (bootstrap) cover the true ROI.
 *
 * What it showed when written (BENCH_GEO_SEEDS=5): on the preset the geo model is on par with the
 * national sum (mean ROI error 19.1% vs 18.6%, geo better on 3/5): its geo variation is small (with
 * known curves the panel's oracle error is only 8% below the national one; a fit at the true curves
 * gives 4–9% for both), and the hyperparameter posterior rates the fitted curves at least as high as
 * the true ones, so the error is curve identification, which the preset's panel barely helps. With
 * strong geo variation the geo model wins: 12.7% vs 20.3% (better on 4/5; oracle 26% below national).
 *
 * Last, the size basis (bench/geo-size-basis.ts): 10 geos × 104 weeks with KPI per head varying across
 * geos (log-sd 0.5), each panel fitted with the geos sized by their population share (--geo-size) and by
 * their KPI share, at the preset's noise (10% per geo) and at a low one (0.5%); spend-weighted ROI error
 * of each (BENCH_GEO_SIZE_SEEDS seeds, default 6; about a minute on 2 cores).
 *
 *   npm run bench geo                  # 3 preset seeds + 1 strong-variation seed + the size basis (about 7 minutes on 2 cores)
 *   BENCH_GEO_SEEDS=5 npm run bench geo  # more seeds per section
 *   BENCH_GEO_ONLY=size npm run bench geo  # the size-basis comparison only
 */
import { availableParallelism } from 'node:os';
import {
  fitMmm, summarizeModel, geoResults, simulateGeoPanel,
  type GeoPanelOptions, type GeoPanelResult, type ModelingTable,
} from '@mixwise/engine';
import { createWorkerPool } from '@mixwise/parallel';
import { sizeBasisComparison } from './geo-size-basis.ts';

const nSeeds = Number(process.env.BENCH_GEO_SEEDS ?? 0);
const sizeSeeds = Number(process.env.BENCH_GEO_SIZE_SEEDS ?? 6);
const sizeOnly = process.env.BENCH_GEO_ONLY === 'size';
const pool = createWorkerPool(availableParallelism());

interface Row { covered: [number, number]; intervals: [number, number]; roiError: number; natError: number; geoUnitError: number; oracle: number; natOracle: number; geoSeconds: number; natSeconds: number }

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`.padStart(6);
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

async function fitRois(table: ModelingTable): Promise<{ rois: Map<string, number>; intervals: Map<string, readonly [number, number] | undefined>; seconds: number; model: Awaited<ReturnType<typeof fitMmm>> }> {
  const t0 = performance.now();
  const model = await fitMmm(table, {}, { parallel: pool });
  const seconds = (performance.now() - t0) / 1000;
  const channels = summarizeModel(model).channels;
  const rois = new Map(channels.map((c) => [c.name, c.roi]));
  const intervals = new Map(channels.map((c) => [c.name, c.roi_interval ?? undefined]));
  return { rois, intervals, seconds, model };
}

async function runCase(label: string, sim: GeoPanelResult): Promise<Row> {
  const { table, truth } = sim;
  const geo = await fitRois(table);
  const { panel: _panel, ...nationalTable } = table;
  const nat = await fitRois(nationalTable);
  console.log(`\n${label}: geo fit ${geo.seconds.toFixed(1)} s, national fit ${nat.seconds.toFixed(1)} s`);
  console.log(`  ${'channel'.padEnd(13)} ${'true'.padStart(6)} ${'geo'.padStart(6)} ${'nat'.padStart(6)}   oracle SE geo / nat`);
  let den = 0, geoNum = 0, natNum = 0, oracle = 0, natOracle = 0;
  const covered: [number, number] = [0, 0], intervals: [number, number] = [0, 0];
  for (const t of truth.channels) {
    [geo, nat].forEach((f, k) => {
      const iv = f.intervals.get(t.name);
      if (!iv) return;
      intervals[k]++;
      if (t.roi >= iv[0] && t.roi <= iv[1]) covered[k]++;
    });
    const g = geo.rois.get(t.name) ?? NaN, n = nat.rois.get(t.name) ?? NaN;
    console.log(`  ${t.name.padEnd(13)} ${t.roi.toFixed(3).padStart(6)} ${g.toFixed(3).padStart(6)} ${n.toFixed(3).padStart(6)}   ${t.oracleRoiSe.toFixed(3)} / ${t.nationalOracleRoiSe.toFixed(3)}`);
    den += t.spend;
    geoNum += t.spend * Math.abs(g - t.roi) / t.roi;
    natNum += t.spend * Math.abs(n - t.roi) / t.roi;
    oracle += t.spend * 0.798 * t.oracleRoiSe / t.roi;
    natOracle += t.spend * 0.798 * t.nationalOracleRoiSe / t.roi;
  }
  // Per-geo ROIs of the geo model over the same rows as the truth (the whole window).
  const fitted = geoResults(geo.model, 0, truth.nTimes);
  let unitNum = 0, unitDen = 0;
  for (const tg of truth.geo.geos) {
    const fg = fitted.find((r) => r.name === tg.name);
    if (!fg) throw new Error(`geo ${tg.name} missing from the fit's geo results`);
    for (const tc of tg.channels) {
      const fc = fg.channels.find((c) => c.name === tc.name);
      if (!fc || !(tc.spend > 0) || !(tc.roi > 0)) continue;
      unitNum += tc.spend * Math.abs(fc.roi - tc.roi) / tc.roi;
      unitDen += tc.spend;
    }
  }
  const row: Row = {
    covered, intervals, roiError: geoNum / den, natError: natNum / den, geoUnitError: unitNum / unitDen,
    oracle: oracle / den, natOracle: natOracle / den, geoSeconds: geo.seconds, natSeconds: nat.seconds,
  };
  console.log(`  ROI error (spend-weighted): geo ${pct(row.roiError)}  national ${pct(row.natError)}  |  per-geo ROI error of the geo model ${pct(row.geoUnitError)}  |  oracle geo ${pct(row.oracle)}  national ${pct(row.natOracle)}  |  90% intervals cover truth: geo ${covered[0]}/${intervals[0]}, national ${covered[1]}/${intervals[1]}`);
  return row;
}

function report(label: string, rows: Row[]): void {
  const geoWins = rows.filter((r) => r.roiError < r.natError).length;
  console.log(`\n${label.padEnd(28)} n=${rows.length}  ROI error mean: geo ${pct(mean(rows.map((r) => r.roiError)))}  national ${pct(mean(rows.map((r) => r.natError)))}`
    + `  (geo better on ${geoWins}/${rows.length})  |  per-geo ${pct(mean(rows.map((r) => r.geoUnitError)))}`
    + `  |  oracle geo ${pct(mean(rows.map((r) => r.oracle)))}  national ${pct(mean(rows.map((r) => r.natOracle)))}`
    + `  |  90% intervals cover truth: geo ${rows.reduce((a, r) => a + r.covered[0], 0)}/${rows.reduce((a, r) => a + r.intervals[0], 0)}, national ${rows.reduce((a, r) => a + r.covered[1], 0)}/${rows.reduce((a, r) => a + r.intervals[1], 0)}`
    + `  |  fit time geo ${mean(rows.map((r) => r.geoSeconds)).toFixed(1)} s  national ${mean(rows.map((r) => r.natSeconds)).toFixed(1)} s`);
}

/** The preset's channels with much stronger geo variation: bigger tilts and drift, geo tests on every channel. */
async function strongVariation(seed: number): Promise<GeoPanelResult> {
  const { GEO_PANEL_CHANNELS } = await import('../packages/engine/src/simulate/geo/geo-panel-defaults.ts');
  const channels: GeoPanelOptions['channels'] = GEO_PANEL_CHANNELS.map((c) => ({ ...c, split: { ...c.split, tilt: 0.8, drift: 0.6, tests: Math.max(c.split.tests ?? 0, 4) } }));
  return simulateGeoPanel({ seed, channels });
}

const t0 = performance.now();
const presetSeeds = Array.from({ length: nSeeds > 0 ? nSeeds : 3 }, (_, i) => 1 + i);
const strongSeeds = Array.from({ length: nSeeds > 0 ? nSeeds : 1 }, (_, i) => 1 + i);
const sections: [string, number[], (seed: number) => Promise<GeoPanelResult>][] = [
  ["preset 'geo'", presetSeeds, async (s) => simulateGeoPanel({ seed: s })],
  ['strong geo variation', strongSeeds, strongVariation],
];
const results: [string, Row[]][] = [];
for (const [label, seeds, make] of sizeOnly ? [] : sections) {
  const rows: Row[] = [];
  for (const seed of seeds) rows.push(await runCase(`${label}, seed ${seed}`, await make(seed)));
  results.push([label, rows]);
}
console.log('\nSummary (ROI error: spend-weighted mean absolute relative error; oracle: 0.798 × oracle ROI SE / ROI, the floor with known curves)');
for (const [label, rows] of results) report(label, rows);
// What the panel can add at best: with known curves the effect sizes are this much better determined.
for (const [label, rows] of results) {
  const gain = 1 - mean(rows.map((r) => r.oracle)) / mean(rows.map((r) => r.natOracle));
  console.log(`${label}: with known curves the panel's oracle error is ${(100 * gain).toFixed(0)}% below the national sum's; the rest of any gain comes from identifying the curves`);
}
const t1 = performance.now();
const sized = await sizeBasisComparison(pool, [{ label: 'noise 10%', noise: 0.1 }, { label: 'noise 0.5%', noise: 0.005 }],
  Array.from({ length: sizeSeeds }, (_, i) => 1 + i), { nGeos: 10, weeks: 104, perCapitaSpread: 0.5 });
console.log('\nSize basis summary (spend-weighted mean absolute relative ROI error)');
for (const r of sized) console.log(`${r.label.padEnd(12)} n=${r.n}  population basis ${(100 * r.size).toFixed(1)}%  KPI shares ${(100 * r.kpi).toFixed(1)}%  (population basis better on ${r.wins}/${r.n})  [${((performance.now() - t1) / 1000).toFixed(0)} s so far]`);
console.log(`\nTime ${((performance.now() - t0) / 1000).toFixed(0)} s`);
