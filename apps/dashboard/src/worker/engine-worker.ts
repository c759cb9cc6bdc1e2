/// <reference lib="webworker" />
// The engine in a Web Worker: what-if and optimisation run off the page's main thread.
import { createEngineHandler } from './engine-handler.ts';
import type { EngineMessage, EngineReply } from './protocol.ts';

const handler = createEngineHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EngineMessage>) => {
  const { id, ...request } = event.data;
  const t0 = performance.now();
  let reply: EngineReply;
  try {
    const result = handler.handle(request);
    reply = { id, ok: true, result, ms: performance.now() - t0 };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err), ms: performance.now() - t0 };
  }
  scope.postMessage(reply);
};
