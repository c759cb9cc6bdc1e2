import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { collinearChannels } from './collinear-channels.ts';

test('collinearChannels: a channel spending a fixed ratio of another is a warning naming both, with r', () => {
  // search_spend = 2 × tv_spend (tv 100 + 5i): r = 1 exactly; one unreadable cell is left out of r.
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], String(2 * Number(r[2])), ...r.slice(4)]));
  cells[5][3] = 'n/a';
  const { csv, roles } = ruleCase(cells);
  const issues = collinearChannels(csv, roles);
  assert.deepEqual(located(issues), [['COLLINEAR_CHANNELS', undefined, 'search_spend']]);
  assert.equal(issues[0].severity, 'warning');
  assert.match(issues[0].message, /^channels "tv" and "search" spend in lockstep \(correlation 1\.000 between tv_spend and search_spend\)/);
  assert.match(issues[0].hint ?? '', /add them into one channel/);
});

test('collinearChannels: silent for channels that move separately, and just below the threshold', () => {
  // Base: tv 100 + 5i, search 50 + 10·(i mod 3): r ≈ 0.0.
  const base = ruleCase(baseCells());
  assert.deepEqual(collinearChannels(base.csv, base.roles), []);
  // search = tv + a wobble of ±20: numpy r = 0.9121 < 0.99.
  const wobble = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], String(Number(r[2]) + (i % 2 === 0 ? 20 : -20)), ...r.slice(4)]));
  const w = ruleCase(wobble);
  assert.deepEqual(collinearChannels(w.csv, w.roles), []);
});
