// End-to-end: simulate → init → prepare → fit --config with the real launcher.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, STACK_LINE, tempDir } from './run-mixwise.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

test('init → edit → prepare → fit --config: exit 0 and model.json reflects the config', () => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '6', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
  const config = join(dir, 'mixwise.yaml');
  const init = mixwise(['init', join(dir, 'sim', 'data.csv'), '--out', config]);
  assert.equal(init.status, 0, init.stderr);
  const edited = readFileSync(config, 'utf8')
    .replace(/^ {2}iterations: \d+$/m, '  iterations: 1500')
    .replace(/^holdout: 0$/m, 'holdout: 8')
    .replace(/^ {2}adstock: auto$/m, '  adstock: geometric')
    .replace(/^ {2}# max_lag: 52$/m, '  max_lag: 8');
  assert.notEqual(edited, readFileSync(config, 'utf8'));
  writeFileSync(config, edited);

  const prepare = mixwise(['prepare', '--config', config, '--out', join(dir, 'prepared')]);
  assert.equal(prepare.status, 0, prepare.stderr);
  assert.equal(readFileSync(join(dir, 'prepared', 'modeling_table.csv'), 'utf8').split('\n').length, 156 + 2);

  const fit = mixwise(['fit', '--config', config, '--workers', '1', '--out', join(dir, 'fit')]);
  assert.equal(fit.status, 0, fit.stderr);
  const model = JSON.parse(readFileSync(join(dir, 'fit', 'model.json'), 'utf8'));
  assert.equal(model.spec.holdout, 8);
  assert.equal(model.spec.search.iterations, 1500);
  for (const ch of model.channels) {
    assert.equal(ch.adstock.type, 'geometric');
    assert.equal(ch.maxLag, 8);
  }
  assert.deepEqual(model.spec.channels.map((c: { name: string }) => c.name), ['tv', 'ooh', 'search', 'social', 'display']);
});

test('fit --config with a bad key: exit 1, the config line and key, no stack trace', () => {
  const config = join(dir, 'bad.yaml');
  writeFileSync(config, 'version: 1\ndata: { path: sim/data.csv }\ncolumns:\n  target: revenue\n  controls:\n    - { name: price, sign: minus }\n');
  const r = mixwise(['fit', '--config', config, '--out', join(dir, 'bad')]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /bad\.yaml:6: columns\.controls\[0\]\.sign: "minus" is not allowed/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
});
