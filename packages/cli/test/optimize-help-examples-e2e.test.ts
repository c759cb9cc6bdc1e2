// End-to-end: every example of `mixwise optimize --help` runs (exit 0) on the demo model it names
// (out/demo, from `mixwise demo`), so the help never shows a command that fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-optimize-help-');
const demo = join(dir, 'demo');

before(() => {
  const r = mixwise(['demo', '--out', demo, '--iterations', '600', '--workers', '2', '--json']);
  assert.equal(r.status, 0, r.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** The lines under "Examples:" of `mixwise optimize --help`, as argument lists after `mixwise`. */
function helpExamples(): string[][] {
  const help = mixwise(['optimize', '--help']);
  assert.equal(help.status, 0, help.stderr);
  const lines = help.stdout.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Examples:');
  assert.ok(start >= 0, 'optimize --help has an Examples: section');
  const examples: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim().startsWith('mixwise ')) break;
    examples.push(line.trim().split(/\s+/).slice(1));
  }
  return examples;
}

test('every optimize --help example runs on the demo model (out/demo replaced by a fresh demo run)', () => {
  const examples = helpExamples();
  assert.ok(examples.length >= 4, `found ${examples.length} examples`);
  for (const args of examples) {
    assert.ok(args.includes('out/demo'), `example names the demo model: ${args.join(' ')}`);
    const r = mixwise([...args.map((a) => (a === 'out/demo' ? demo : a)), '--json']);
    assert.equal(r.status, 0, `mixwise ${args.join(' ')}: ${r.stderr}`);
    assert.equal((JSON.parse(r.stdout) as { feasible: boolean }).feasible, true, `mixwise ${args.join(' ')} is feasible`);
  }
});
