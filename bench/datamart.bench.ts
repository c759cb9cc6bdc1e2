/**
 * Datamart scale (issue 3): a generated 10-million-row long daily campaign file (3 years × 9,125
 * campaign × country × ad-set series, written by DuckDB's own range()/COPY into a temp folder) →
 * weekly wide modeling table through longToWide (staging with per-cell validation, weekly roll-up,
 * gap filling, pivot). Prints wall time and peak memory (process RSS sampled every 20 ms; DuckDB runs
 * in-process, so its memory is inside the RSS). Target: ≤ 20 s and ≤ 2 GB.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatamart, sqlString } from '../packages/data/src/datamart/datamart.ts';
import { longToWide } from '../packages/data/src/reshape/long-to-wide.ts';

const SERIES = 9125;
const DAYS = 1096;
const dir = mkdtempSync(join(tmpdir(), 'mixwise-datamart-bench-'));
const spendPath = join(dir, 'spend_long.csv');
const kpiPath = join(dir, 'kpi.csv');
try {
  const t0 = performance.now();
  const dm = await openDatamart();
  try {
    const sql = readFileSync(new URL('./datamart-generate.sql', import.meta.url), 'utf8')
      .replaceAll('{{series}}', String(SERIES)).replaceAll('{{days}}', String(DAYS))
      .replaceAll('{{spend_path}}', sqlString(spendPath)).replaceAll('{{kpi_path}}', sqlString(kpiPath));
    await dm.connection.run(sql);
  } finally {
    dm.close();
  }
  const rows = SERIES * DAYS;
  console.log(`generated ${rows.toLocaleString('en')} rows (${(statSync(spendPath).size / 2 ** 20).toFixed(0)} MiB CSV) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let peak = process.memoryUsage().rss;
  const base = peak;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const t1 = performance.now();
  const result = await longToWide({ spend: spendPath, kpi: kpiPath, granularity: 'weekly', weekStart: 'monday' });
  const seconds = (performance.now() - t1) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`long → weekly wide: ${result.rows.length} weeks × ${result.columns.length} columns (${result.channels.length} channels), ${result.filled.length} filled gaps`);
  console.log(`wall time ${seconds.toFixed(1)} s (target ≤ 20 s) · peak RSS ${(peak / 2 ** 30).toFixed(2)} GiB (baseline ${(base / 2 ** 20).toFixed(0)} MiB; target ≤ 2 GB)`);
  console.log(`throughput ${(rows / seconds / 1e6).toFixed(2)} M rows/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
