import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestOnly } from './latest-only.ts';

test('latestOnly runs the first call and then only the newest pending one', async () => {
  const ran: number[] = [];
  const gates: (() => void)[] = [];
  const submit = latestOnly((x: number) => new Promise<void>((resolve) => { ran.push(x); gates.push(resolve); }));
  submit(1); submit(2); submit(3);
  assert.deepEqual(ran, [1]);
  gates[0]();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(ran, [1, 3]);
  gates[1]();
  await new Promise((r) => setTimeout(r, 0));
  submit(4);
  assert.deepEqual(ran, [1, 3, 4]);
});

test('latestOnly keeps going after a failed task', async () => {
  const ran: number[] = [];
  const submit = latestOnly(async (x: number) => { ran.push(x); if (x === 1) throw new Error('boom'); });
  submit(1); submit(2);
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(ran, [1, 2]);
});
