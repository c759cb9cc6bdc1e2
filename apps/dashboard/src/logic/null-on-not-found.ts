/**
 * A request's result, or null when the server answered 404 (the file does not exist, e.g. a run
 * written before summary.json or diagnostics.json were). Any other failure (the server down, a 500,
 * a malformed file) is rethrown, so the page shows it instead of quietly recomputing.
 * @param request the pending API call (its errors carry the HTTP `status`, as ApiRequestError does)
 * @returns the value, or null on 404
 * @example await nullOnNotFound(api.getSummary(id)) // null for a run without summary.json
 */
export async function nullOnNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { status?: unknown }).status === 404) return null;
    throw err;
  }
}
