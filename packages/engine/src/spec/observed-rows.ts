/**
 * Periods whose KPI is not known. A KPI value of NaN marks a period inside the data whose KPI is
 * missing (a tracking outage, a CRM export gap) and that the user chose to leave out of the fit
 * (the data layer's skip_missing_kpi cleaning step): its spend still carries over into later periods
 * and the model still estimates its contributions, but no objective, likelihood, metric or test
 * uses its KPI. Every consumer of the KPI goes through these helpers so the rule lives in one place.
 */

/** Whether a KPI value is observed (finite); NaN, and null from a model.json, are not. */
export function isObserved(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The rows of [start, end) whose value is observed, in increasing order.
 * @example Array.from(observedRows([1, NaN, 3, 4], 0, 3)) // [0, 2]
 */
export function observedRows(values: ArrayLike<number>, start: number, end: number): Int32Array {
  let n = 0;
  for (let t = start; t < end; t++) if (isObserved(values[t])) n++;
  const rows = new Int32Array(n);
  let k = 0;
  for (let t = start; t < end; t++) if (isObserved(values[t])) rows[k++] = t;
  return rows;
}

/**
 * The rows of [start, end) whose value is not observed, in increasing order.
 * @example missingRows([1, NaN, 3, NaN], 0, 4) // [1, 3]
 */
export function missingRows(values: ArrayLike<number>, start: number, end: number): number[] {
  const rows: number[] = [];
  for (let t = start; t < end; t++) if (!isObserved(values[t])) rows.push(t);
  return rows;
}

/**
 * A model's KPI series as read from JSON, where NaN (a period left out of the fit) was written as
 * null: null becomes NaN again. Without this, Float64Array.from would turn null into 0, a KPI of zero.
 * @example reviveActual([1, null, 3]) // [1, NaN, 3]
 */
export function reviveActual(values: readonly (number | null)[]): number[] {
  return values.map((v) => (v === null ? NaN : v));
}
