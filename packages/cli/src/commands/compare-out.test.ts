// `mixwise compare RUN_A RUN_B --out DIR` on two stored runs (the report's fixture model, no fit):
// comparison.json is the --json object, comparison.svg the ROI chart, both written atomically.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeModel, type SummaryResult } from '@mixwise/engine';
import { readModel } from '@mixwise/data';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-compare-out-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const fixture = fileURLToPath(new URL('../../../report/test/fixtures/report-hash/national', import.meta.url));

/** A run folder: the fixture's model.json and the given summary.json. */
function runFolder(name: string, summary: SummaryResult): void {
  mkdirSync(join(dir, name));
  cpSync(join(fixture, 'model.json'), join(dir, name, 'model.json'));
  writeFileSync(join(dir, name, 'summary.json'), JSON.stringify(summary));
}

const fitted = summarizeModel(readModel(fixture));
// B: ±10% intervals; A: the first channel's ROI half of B's with an interval ending below B's (intervals apart), the others as B.
const b: SummaryResult = { ...fitted, channels: fitted.channels.map((c) => ({ ...c, roi_interval: [c.roi * 0.9, c.roi * 1.1] as [number, number] })) };
const a: SummaryResult = { ...b, channels: b.channels.map((c, i) => (i === 0 ? { ...c, roi: c.roi / 2, roi_interval: [c.roi * 0.4, c.roi * 0.6] as [number, number] } : c)) };
runFolder('a', a);
runFolder('b', b);

async function mixwise(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cap = captureIo(dir);
  const code = await runCli(args, cap.io);
  return { code, stdout: cap.stdout(), stderr: cap.stderr() };
}

test('compare --out writes comparison.json (the --json object) and comparison.svg (the ROI chart)', async () => {
  const r = await mixwise(['compare', 'a', 'b', '--json', '--out', 'cmp/new']);
  assert.equal(r.code, 0, r.stderr);
  const printed = JSON.parse(r.stdout);
  const stored = JSON.parse(readFileSync(join(dir, 'cmp/new/comparison.json'), 'utf8'));
  assert.deepEqual(stored, printed);
  const [first] = b.channels;
  assert.equal(stored.channels[0].roi_a, first.roi / 2);
  assert.equal(stored.channels[0].roi_change, first.roi - first.roi / 2);
  assert.equal(stored.channels[0].verdict, 'intervals do not overlap');
  // With --json, the "wrote" lines go to stderr.
  assert.match(r.stderr, /wrote cmp\/new\/comparison\.json\nwrote cmp\/new\/comparison\.svg\n/);
  const svg = readFileSync(join(dir, 'cmp/new/comparison.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svg.includes(`>${first.name} (intervals apart)<`), "the channel whose intervals do not overlap is labelled");
  for (const c of b.channels.slice(1)) assert.ok(svg.includes(`>${c.name}<`), c.name);
  // No temporary file left beside them.
  assert.deepEqual(readdirSync(join(dir, 'cmp/new')).sort(), ['comparison.json', 'comparison.svg']);
  // Text mode prints the table, then the files on stdout.
  const t = await mixwise(['compare', 'a', 'b', '--out', 'cmp/new']);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /^Comparing A \(a\) with B \(b\)[\s\S]*wrote cmp\/new\/comparison\.svg\n$/);
});

test('compare --out: runs sharing no channel write no chart (and drop an earlier one); a file as --out is a usage error', async () => {
  runFolder('renamed', { ...b, channels: b.channels.map((c) => ({ ...c, name: `${c.name}_new` })) });
  const r = await mixwise(['compare', 'a', 'renamed', '--out', 'cmp/new']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(join(dir, 'cmp/new/comparison.svg')), false);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'cmp/new/comparison.json'), 'utf8')).channels, []);
  const f = await mixwise(['compare', 'a', 'b', '--out', 'a/summary.json']);
  assert.equal(f.code, 2);
  assert.match(f.stderr, /--out .*summary\.json is a file, not a folder/);
});
