import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insideIntervals, nearestInsideSample } from './interval-guard.ts';

test('insideIntervals checks every channel that has an interval and a finite ROI', () => {
  assert.equal(insideIntervals([1, 5], [[0, 2], [4, 6]]), true);
  assert.equal(insideIntervals([1, 6.01], [[0, 2], [4, 6]]), false);
  assert.equal(insideIntervals([1, 100], [[0, 2], null]), true);
  assert.equal(insideIntervals([NaN, 5], [[0, 2], [4, 6]]), true);
});

test('nearestInsideSample picks, among samples inside every interval, the one nearest the reference by spend-weighted relative distance', () => {
  const intervals: [number, number][] = [[1, 3], [4, 8]];
  const samples = [
    [2.9, 9], // outside channel 2
    [1.1, 7.9], // inside, far on the big channel
    [2.8, 5], // inside, near on the big channel
  ];
  // Channel 1 carries 90% of the spend: being near it matters most.
  assert.equal(nearestInsideSample(samples, [2.9, 8.4], intervals, [0.9, 0.1]), 2);
  // With the weight on channel 2 instead, sample 1 (7.9 vs 8.4) is nearer than sample 2 (5 vs 8.4).
  assert.equal(nearestInsideSample(samples, [2.9, 8.4], intervals, [0.1, 0.9]), 1);
  assert.equal(nearestInsideSample([[0, 0]], [2.9, 8.4], intervals, [0.5, 0.5]), -1);
});
