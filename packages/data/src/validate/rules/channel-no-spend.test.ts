import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { BASE_ROLES, located, ruleCase } from '../../../test/rule-case.ts';
import { channelNoSpend } from './channel-no-spend.ts';

test('channelNoSpend: a channel at 0 in every period is an error on its column', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], '0', r[4], r[5]]));
  const { csv, roles } = ruleCase(cells);
  const issues = channelNoSpend(csv, roles);
  assert.deepEqual(located(issues), [['CHANNEL_NEVER_SPENDS', undefined, 'search_spend']]);
  assert.equal(issues[0].severity, 'error');
  assert.match(issues[0].hint, /--channels/);
  // Where the roles are set in the config (mixwise prepare), the hint names only the config key.
  const [own] = channelNoSpend(csv, roles, { rolesIn: 'config' });
  assert.equal(own.hint, 'leave it out: list the other channels under columns.channels in mixwise.yaml, or remove it from there');
});

test('channelNoSpend: silent when every channel spends at least once', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], i === 7 ? '3' : '0', r[4], r[5]]));
  const { csv, roles } = ruleCase(cells);
  assert.deepEqual(channelNoSpend(csv, roles), []);
});

test('channelNoSpend: an organic column at 0 in every period is an ORGANIC_ALL_ZERO error naming it', () => {
  const cells = baseCells().map((r, i) => [...r, i === 0 ? 'newsletter' : '0']);
  const { csv, roles } = ruleCase(cells, { ...BASE_ROLES, organic: ['newsletter'] });
  const issues = channelNoSpend(csv, roles);
  assert.deepEqual(located(issues), [['ORGANIC_ALL_ZERO', undefined, 'newsletter']]);
  assert.equal(issues[0].severity, 'error');
  assert.equal(issues[0].at.file, 'd.csv');
  assert.match(issues[0].hint, /leave it out.*--organic/);
  assert.match(channelNoSpend(csv, roles, { rolesIn: 'config' })[0].hint, /columns\.organic/);
  // One non-zero period is enough to pass this rule (the engine warns about sparse series).
  const sparse = baseCells().map((r, i) => [...r, i === 0 ? 'newsletter' : i === 5 ? '500' : '0']);
  const one = ruleCase(sparse, { ...BASE_ROLES, organic: ['newsletter'] });
  assert.deepEqual(channelNoSpend(one.csv, one.roles), []);
});
