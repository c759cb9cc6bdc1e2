import { useEffect, useState } from 'react';
import { NARROW_VIEWPORT } from '../logic/narrow-chart.ts';

/** Whether the viewport is phone-narrow (below NARROW_VIEWPORT px), kept up to date as it changes. */
export function useNarrow(): boolean {
  const query = `(max-width: ${NARROW_VIEWPORT - 1}px)`;
  const [narrow, setNarrow] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const m = matchMedia(query);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    on();
    return () => m.removeEventListener('change', on);
  }, [query]);
  return narrow;
}
