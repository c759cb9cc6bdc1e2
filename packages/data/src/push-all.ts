/**
 * Appends every item to `target` in place. `target.push(...items)` passes each item as a call
 * argument, which throws "Maximum call stack size exceeded" past ~100k items (e.g. one issue per bad
 * cell of a 180,000-row file), so lists whose size follows the data are appended with this loop.
 * @param target the array to extend
 * @param items the items to append, in order
 * @returns target
 * @example pushAll([1], [2, 3]) // [1, 2, 3]
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
