import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overallProgress } from './overall-progress.ts';

test('overallProgress: phases follow each other on one bar that only moves forward', () => {
  assert.equal(overallProgress('search', 0, 100), 0);
  assert.equal(overallProgress('starting', 0, 0), 0, 'a fit starting (before the search knows its size) is at 0');
  assert.equal(overallProgress('search', 50, 100), 0.35);
  assert.ok(Math.abs(overallProgress('posterior', 50, 100) - 0.775) < 1e-12);
  // The sequence the server sends for a fit (each phase restarts its own count) never goes back.
  const events: [string, number, number][] = [['search', 10, 20], ['search', 20, 20], ['posterior', 1, 10], ['posterior', 10, 10],
    ['refit', 1, 1], ['bootstrap', 0, 100], ['bootstrap', 100, 100], ['writing', 0, 1], ['writing', 1, 1]];
  const values = events.map(([p, d, t]) => overallProgress(p, d, t));
  for (let i = 1; i < values.length; i++) assert.ok(values[i] >= values[i - 1], `${events[i].join(' ')}: ${values[i]} < ${values[i - 1]}`);
  assert.ok(Math.abs(values[values.length - 1] - 1) < 1e-12);
  assert.equal(overallProgress('bootstrap', 5, 0), 0.86, 'unknown total: the start of the phase');
});

test('overallProgress: a Bayesian fit has no bootstrap, and its sampling fills most of the bar', () => {
  const events: [string, number, number][] = [['search', 20, 20], ['posterior', 10, 10], ['refit', 1, 1],
    ['sample', 0, 4000], ['sample', 2000, 4000], ['sample', 4000, 4000], ['writing', 1, 1]];
  const values = events.map(([p, d, t]) => overallProgress(p, d, t, 'bayes'));
  for (let i = 1; i < values.length; i++) assert.ok(values[i] >= values[i - 1], `${events[i].join(' ')}: ${values[i]} < ${values[i - 1]}`);
  assert.ok(values[4] - values[3] > 0.4, 'half the sampling moves the bar by almost half');
  assert.ok(Math.abs(values[values.length - 1] - 1) < 1e-12);
  // A ridge fit never reports 'sample': it counts as past every phase there.
  assert.equal(overallProgress('sample', 0, 10), 1);
});

test('overallProgress: a queued fit (or one reading its data) is at 0, never a full bar; done is 1', () => {
  for (const method of ['ridge', 'bayes'] as const) {
    assert.equal(overallProgress('queued', 0, 0, method), 0);
    assert.equal(overallProgress('reading', 0, 0, method), 0);
    assert.equal(overallProgress('done', 1, 1, method), 1);
  }
});
