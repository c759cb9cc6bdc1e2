import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INPUT } from './bound-fields.ts';
import { clearScenario, loadScenario, resetScenario, saveScenario, scenarioKey, type SessionStore } from './simulator-session.ts';

function memory(): SessionStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => { map.set(k, v); }, removeItem: (k) => { map.delete(k); } };
}
const names = ['tv', 'search'], current = [160_000, 50_000];
const locked = { ...DEFAULT_INPUT, locked: true };

test('a run\'s scenario comes back as it was kept, for that run only', () => {
  const store = memory();
  saveScenario(store, 'demo', names, current, { spend: [300_000, 50_000], inputs: [locked, DEFAULT_INPUT] });
  assert.deepEqual(loadScenario(store, 'demo', names, current), { spend: [300_000, 50_000], inputs: [locked, DEFAULT_INPUT] });
  assert.equal(loadScenario(store, 'other', names, current), null);
  clearScenario(store, 'demo');
  assert.equal(loadScenario(store, 'demo', names, current), null, 'Reset forgets it');
});

test('current spend with the default fields is nothing to keep, and replaces what was kept', () => {
  const store = memory();
  saveScenario(store, 'demo', names, current, { spend: [300_000, 50_000], inputs: [DEFAULT_INPUT, DEFAULT_INPUT] });
  saveScenario(store, 'demo', names, current, { spend: current, inputs: [DEFAULT_INPUT, DEFAULT_INPUT] });
  assert.equal(store.map.size, 0);
  saveScenario(store, 'demo', names, current, { spend: current, inputs: [locked, DEFAULT_INPUT] });
  assert.equal(store.map.size, 1, 'a lock alone is kept');
});

test('a scenario of another model, or damaged text, is not restored; storage that refuses is no error', () => {
  const store = memory();
  saveScenario(store, 'demo', names, current, { spend: [300_000, 50_000], inputs: [DEFAULT_INPUT, DEFAULT_INPUT] });
  assert.equal(loadScenario(store, 'demo', ['tv', 'social'], current), null, 'other channels');
  assert.equal(loadScenario(store, 'demo', names, [170_000, 50_000]), null, 'the run was refitted: other current spend');
  store.setItem(scenarioKey('demo'), '{not json');
  assert.equal(loadScenario(store, 'demo', names, current), null);
  store.setItem(scenarioKey('demo'), JSON.stringify({ v: 1, channels: names, current, spend: [-1, 2], inputs: [DEFAULT_INPUT, DEFAULT_INPUT] }));
  assert.equal(loadScenario(store, 'demo', names, current), null, 'negative spend');
  const refusing: SessionStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('denied'); } };
  assert.doesNotThrow(() => saveScenario(refusing, 'demo', names, current, { spend: [1, 2], inputs: [DEFAULT_INPUT, DEFAULT_INPUT] }));
  assert.equal(loadScenario(refusing, 'demo', names, current), null);
  assert.equal(loadScenario(null, 'demo', names, current), null);
});

test('Reset forgets spend, limits and locks: the page saves what it returns, and nothing stays kept', () => {
  const store = memory();
  const limited = { minText: '', maxText: '1.2', locked: false };
  saveScenario(store, 'demo', names, current, { spend: [300_000, 50_000], inputs: [limited, locked] });
  const fresh = resetScenario(store, 'demo', names, current);
  assert.deepEqual(fresh, { spend: current, inputs: [DEFAULT_INPUT, DEFAULT_INPUT] });
  // The page saves its state after every change: what Reset gives must not write the limits back.
  saveScenario(store, 'demo', names, current, fresh);
  assert.equal(store.map.size, 0);
  assert.equal(loadScenario(store, 'demo', names, current), null);
});
