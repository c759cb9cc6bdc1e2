/** Notes attached to a thrown error, printed by reportError after the error itself. */
const NOTES = new WeakMap<object, string[]>();

/**
 * Attaches a note to an error (once: the same note twice is kept once), for reportError to print
 * after the error, e.g. that an earlier run's files were left as they were.
 * @param err what was thrown (a note on a non-object is dropped)
 * @param note one line, without the `note: ` prefix
 * @example addErrorNote(err, 'the previous results in out/run were left unchanged')
 */
export function addErrorNote(err: unknown, note: string): void {
  if (typeof err !== 'object' || err === null) return;
  const notes = NOTES.get(err) ?? [];
  if (!notes.includes(note)) NOTES.set(err, [...notes, note]);
}

/**
 * The notes attached to an error, in the order they were added.
 * @example errorNotes(new Error('x')) // []
 */
export function errorNotes(err: unknown): readonly string[] {
  return typeof err === 'object' && err !== null ? NOTES.get(err) ?? [] : [];
}
