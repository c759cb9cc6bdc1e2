/** The dashboard's pages, in navigation order. */
export const PAGES = ['executive', 'simulator', 'explorer', 'data', 'about'] as const;
export type Page = (typeof PAGES)[number];

/** Human labels of the pages for the navigation bar. */
export const PAGE_LABELS: Readonly<Record<Page, string>> = {
  executive: 'Executive',
  simulator: 'Budget simulator',
  explorer: 'Model explorer',
  data: 'Data',
  about: 'About',
};

/** Where the app is: a page and, optionally, the run it shows. */
export interface Route {
  readonly page: Page;
  readonly runId: string | null;
}

const isPage = (s: string): s is Page => (PAGES as readonly string[]).includes(s);

/**
 * Read a route from a location hash such as `#/simulator?run=abc`. Unknown or empty pages fall back
 * to the executive page, so a bad link still opens the app.
 * @param hash `location.hash`, with or without the leading '#'
 * @example parseHash('#/explorer?run=r1') // { page: 'explorer', runId: 'r1' }
 */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '').replace(/^\/+/, '');
  const q = body.indexOf('?');
  const path = (q >= 0 ? body.slice(0, q) : body).replace(/\/+$/, '');
  const params = new URLSearchParams(q >= 0 ? body.slice(q + 1) : '');
  const run = params.get('run');
  return { page: isPage(path) ? path : 'executive', runId: run !== null && run !== '' ? run : null };
}

/**
 * Write a route as a location hash; the inverse of `parseHash`.
 * @example formatHash({ page: 'data', runId: 'a b' }) // '#/data?run=a+b'
 */
export function formatHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.runId !== null) params.set('run', route.runId);
  const qs = params.toString();
  return `#/${route.page}${qs ? `?${qs}` : ''}`;
}

/**
 * The document title of a page: its navigation label, then the app's name.
 * @example pageTitle('simulator') // 'Budget simulator – Mixwise'
 */
export function pageTitle(page: Page): string {
  return `${PAGE_LABELS[page]} – Mixwise`;
}
