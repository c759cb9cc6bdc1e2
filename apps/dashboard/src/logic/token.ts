/**
 * The access token from a page URL's query (`?token=…`), or null.
 * @param search `location.search`
 * @example tokenFromSearch('?token=abc&x=1') // 'abc'
 */
export function tokenFromSearch(search: string): string | null {
  const t = new URLSearchParams(search).get('token');
  return t !== null && t !== '' ? t : null;
}

/**
 * Append `token=…` to a URL path for requests that cannot carry a header (EventSource, download links).
 * @param url a path, with or without a query
 * @param token the token, or null to leave the URL as is
 * @example withToken('/api/runs/a/events', 't 1') // '/api/runs/a/events?token=t%201'
 */
export function withToken(url: string, token: string | null): string {
  if (token === null) return url;
  return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}
