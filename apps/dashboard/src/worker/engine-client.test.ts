import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngineClient, type EnginePort } from './engine-client.ts';
import { createEngineHandler } from './engine-handler.ts';
import type { EngineMessage, EngineReply } from './protocol.ts';
import { testModel } from './test-model.ts';

/** An in-process port that answers like the worker, replying asynchronously (out of order when asked). */
function fakePort(reverse = false): EnginePort & { sent: EngineMessage[]; flush(): void } {
  const handler = createEngineHandler();
  let listener: ((e: MessageEvent<EngineReply>) => void) | null = null;
  const sent: EngineMessage[] = [];
  const answer = (m: EngineMessage): void => {
    const { id, ...req } = m;
    let reply: EngineReply;
    try { reply = { id, ok: true, result: handler.handle(req), ms: 0.5 }; } catch (e) { reply = { id, ok: false, error: (e as Error).message, ms: 0.1 }; }
    listener?.({ data: reply } as MessageEvent<EngineReply>);
  };
  return {
    sent,
    postMessage(m) { sent.push(m); if (!reverse) queueMicrotask(() => answer(m)); },
    addEventListener(_t, l) { listener = l; },
    flush() { for (const m of [...sent].reverse()) answer(m); },
  };
}

test('requests resolve with their own results and timings', async () => {
  let clock = 0;
  const client = createEngineClient(fakePort(), () => (clock += 2));
  await client.request({ type: 'load', model: testModel() });
  const r = await client.request({ type: 'whatIf', spend: [10, 5] });
  assert.ok(Math.abs(r.result.kpi - 139) < 1e-9);
  assert.equal(r.ms, 2);
  assert.equal(r.workerMs, 0.5);
});

test('out-of-order replies reach the right promise; errors reject', async () => {
  const port = fakePort(true);
  const client = createEngineClient(port);
  const p1 = client.request({ type: 'load', model: testModel() });
  const p2 = client.request({ type: 'whatIf', spend: [1, 1] });
  port.flush(); // answers id 2 first, before the model is loaded
  await assert.rejects(p2, /no model loaded/);
  assert.equal((await p1).result.channels.length, 2);
  assert.deepEqual(port.sent.map((m) => m.id), [1, 2]);
});
