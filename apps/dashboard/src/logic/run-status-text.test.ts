import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPhaseText, runStatusText } from './run-status-text.ts';

const ev = (status: string, phase: string, done = 0, total = 0) => ({ status, progress: { phase, done, total } });

test('runStatusText: a queued fit says how many fits are ahead when known, never "queued · queued"', () => {
  assert.equal(runStatusText(ev('queued', 'queued'), null), 'queued');
  assert.equal(runStatusText(ev('queued', 'queued'), 2), 'queued (2 ahead)');
  assert.equal(runStatusText(ev('queued', 'queued'), 0), 'queued (next)');
  assert.equal(runStatusText(null, 1), 'queued (1 ahead)', 'before the first event');
});

test('runStatusText: a running fit shows its phase and count; an ended one its status', () => {
  assert.equal(runStatusText(ev('running', 'search', 1200, 20000), null), 'running · search 1,200 / 20,000');
  assert.equal(runStatusText(ev('running', 'writing'), null), 'running · writing');
  assert.equal(runStatusText(ev('done', 'done', 1, 1), null), 'done');
  assert.equal(runStatusText(ev('cancelled', 'queued'), null), 'cancelled');
  assert.equal(runStatusText(ev('failed', 'search', 3, 10), null), 'failed · search 3 / 10');
});

test('runPhaseText says the phase without counts, and Fit finished at the end', () => {
  assert.equal(runPhaseText(null), 'Fit queued');
  assert.equal(runPhaseText({ status: 'running', progress: { phase: 'search', done: 120, total: 300 } }), 'Fit running: search');
  assert.equal(runPhaseText({ status: 'running', progress: { phase: 'search', done: 121, total: 300 } }), 'Fit running: search');
  assert.equal(runPhaseText({ status: 'done', progress: { phase: 'done', done: 1, total: 1 } }), 'Fit finished');
  assert.equal(runPhaseText({ status: 'failed', progress: { phase: 'search', done: 1, total: 3 } }), 'Fit failed');
});
