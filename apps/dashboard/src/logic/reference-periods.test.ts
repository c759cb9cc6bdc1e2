import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineClient } from '../worker/engine-client.ts';
import type { EngineRequest } from '../worker/protocol.ts';
import { idleBounds } from '@mixwise/engine';
import { currentMeaning, idleDefaults, readReferencePeriods, referenceChoiceOf, referenceChoices, withReference } from './reference-periods.ts';
import { buildConstraints, DEFAULT_CONTROL } from './constraints.ts';

test('choices: the whole window, the last 52 and 13 periods in the model\'s own word, and a typed N; those the window cannot hold are disabled', () => {
  assert.deepEqual(referenceChoices(156, 'week').map((c) => [c.value, c.label, c.disabled]), [
    ['window', 'the whole window (156 weeks)', false], ['52', 'the last 52 weeks', false], ['13', 'the last 13 weeks', false], ['custom', 'the last N weeks…', false],
  ]);
  assert.deepEqual(referenceChoices(40, 'day').map((c) => [c.label, c.disabled]), [['the whole window (40 days)', false], ['the last 52 days', true], ['the last 13 days', false], ['the last N days…', false]]);
  assert.equal(referenceChoiceOf('13'), '13');
  assert.equal(referenceChoiceOf('anything'), 'window');
});

test('the reference the requests carry: none for the whole window (or N = the window), N for the last N; a bad N says what to type', () => {
  assert.deepEqual(readReferencePeriods('window', '', 156, 'week'), { referencePeriods: undefined });
  assert.deepEqual(readReferencePeriods('52', '', 156, 'week'), { referencePeriods: 52 });
  assert.deepEqual(readReferencePeriods('13', 'ignored', 156, 'week'), { referencePeriods: 13 });
  assert.deepEqual(readReferencePeriods('custom', ' 26 ', 156, 'week'), { referencePeriods: 26 });
  assert.deepEqual(readReferencePeriods('custom', '156', 156, 'week'), { referencePeriods: undefined });
  for (const bad of ['0', '157', '2.5', 'ten', '-3']) {
    assert.deepEqual(readReferencePeriods('custom', bad, 156, 'week'), { problem: 'Type a whole number of weeks from 1 to 156 (the modeled weeks).' }, bad);
  }
  assert.deepEqual(readReferencePeriods('custom', '', 90, 'day'), { problem: 'Type how many of the last days current spend is measured over (1 to 90).' });
});

test('what "current" means, with the first date measured', () => {
  const dates = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29'];
  const window = { start: 1, end: 5 };
  assert.equal(currentMeaning(undefined, dates, window, 'week'), 'Current spend is the mean spend per week over all 4 modeled weeks (from 2024-01-08).');
  assert.equal(currentMeaning(2, dates, window, 'week'), 'Current spend is the mean spend per week over the last 2 of the 4 modeled weeks (from 2024-01-22).');
});

test('withReference adds referencePeriods to every request but load; the whole window leaves the client as it is', async () => {
  const sent: EngineRequest[] = [];
  const client: EngineClient = {
    request: (r) => { sent.push(r); return Promise.resolve({ result: null as never, ms: 0, workerMs: 0 }); },
    dispose: () => undefined,
  };
  assert.equal(withReference(client, undefined), client);
  const c = withReference(client, 13);
  await c.request({ type: 'whatIf', spend: [1, 2] });
  await c.request({ type: 'optimize', budget: 3 });
  await c.request({ type: 'plan', periods: 4, total: 12, afterPlan: 'dark' });
  await c.request({ type: 'load', model: {} as never });
  assert.deepEqual(sent.map((r) => ('referencePeriods' in r ? r.referencePeriods : 'none')), [13, 13, 13, 'none']);
  assert.deepEqual(sent[2], { type: 'plan', periods: 4, total: 12, afterPlan: 'dark', referencePeriods: 13 });
});

test('a channel idle over the last N periods with the default limits may spend 0 to 2× its window mean, as the CLI and the API; typed limits are kept', () => {
  const names = ['tv', 'search', 'radio'];
  const typed = { min: 0.5, max: 3, locked: false };
  const controls = [DEFAULT_CONTROL, DEFAULT_CONTROL, typed];
  const c = buildConstraints(names, controls);
  const out = idleDefaults(c, names, controls, [0, 5, 0], [40, 6, 10]);
  assert.deepEqual(out.channels?.tv, { min: { type: 'absolute', value: 0 }, max: { type: 'absolute', value: 80 } });
  assert.deepEqual(out.channels?.search, c.channels.search);
  assert.deepEqual(out.channels?.radio, c.channels.radio);
  // Nothing idle (or idle over the window too): the constraints as they were.
  assert.equal(idleDefaults(c, names, controls, [1, 5, 2], [40, 6, 10]), c);
  assert.equal(idleDefaults(c, names, controls, [0, 5, 2], [0, 6, 10]), c);
  // The engine's rule (the CLI's and the API's), not a copy: the same bounds for the same spends.
  const engine = idleBounds(names.map((name, i) => ({ name, current: [0, 5, 0][i], windowMean: [40, 6, 10][i], ownBounds: controls[i] === typed })));
  assert.deepEqual(Object.fromEntries(Object.keys(engine).map((n) => [n, out.channels?.[n]])), engine);
});
