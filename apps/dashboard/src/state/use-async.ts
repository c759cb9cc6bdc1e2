import { useEffect, useState } from 'react';

/** The state of an async load. */
export type AsyncState<T> = { readonly status: 'idle' | 'loading' } | { readonly status: 'ok'; readonly value: T } | { readonly status: 'error'; readonly error: string };

/** Run `load` whenever `key` changes (null = nothing to load); stale answers are dropped. */
export function useAsync<T>(key: string | null, load: (key: string) => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<{ key: string | null; s: AsyncState<T> }>({ key: null, s: { status: 'idle' } });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ key, s: { status: 'loading' } });
    load(key).then(
      (value) => { if (live) setState({ key, s: { status: 'ok', value } }); },
      (err: unknown) => { if (live) setState({ key, s: { status: 'error', error: err instanceof Error ? err.message : String(err) } }); },
    );
    return () => { live = false; };
  }, [key]);
  if (key === null) return { status: 'idle' };
  return state.key === key ? state.s : { status: 'loading' };
}
