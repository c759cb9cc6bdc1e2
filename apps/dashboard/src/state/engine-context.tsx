import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MmmModel, ResponseModel } from '@mixwise/engine';
import { startEngineWorker, type EngineClient } from '../worker/engine-client.ts';

/** The engine worker and the response model of the run it has loaded. */
export interface EngineState {
  readonly client: EngineClient | null;
  /** Set once the worker has loaded the model of `runId`. */
  readonly loaded: { readonly runId: string; readonly responseModel: ResponseModel; readonly loadMs: number } | null;
  readonly error: string | null;
}

const EngineContext = createContext<EngineState>({ client: null, loaded: null, error: null });

/** Start one engine worker for the app and load the current run's model into it. */
export function EngineProvider({ runId, model, children }: { runId: string | null; model: MmmModel | null; children: ReactNode }) {
  const clientRef = useRef<EngineClient | null>(null);
  const [client, setClient] = useState<EngineClient | null>(null);
  const [loaded, setLoaded] = useState<EngineState['loaded']>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const c = startEngineWorker();
    clientRef.current = c;
    setClient(c);
    return () => { c.dispose(); clientRef.current = null; };
  }, []);

  useEffect(() => {
    if (!client || !model || runId === null) return;
    let live = true;
    client.request({ type: 'load', model }).then(
      (r) => { if (live) { setLoaded({ runId, responseModel: r.result, loadMs: r.ms }); setError(null); } },
      (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [client, model, runId]);

  const value: EngineState = { client, loaded: loaded !== null && loaded.runId === runId ? loaded : null, error };
  return <EngineContext.Provider value={value}>{children}</EngineContext.Provider>;
}

/** The engine worker state (see EngineProvider). */
export function useEngine(): EngineState {
  return useContext(EngineContext);
}
