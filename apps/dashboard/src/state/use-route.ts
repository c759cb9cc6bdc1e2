import { useCallback, useEffect, useState } from 'react';
import { formatHash, parseHash, type Route } from '../router.ts';

/** The current route from `location.hash`, and a navigate function that writes it. */
export function useRoute(): [Route, (route: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route, replace = false) => {
    const hash = formatHash(next);
    if (replace) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    else location.hash = hash;
    setRoute(next);
  }, []);
  return [route, navigate];
}
