import type { Issue } from '@mixwise/contracts';

/** The Train form's label of each fit option (FitOptions field, under "options." in the request). */
export const TRAIN_FIELD_LABELS: Readonly<Record<string, string>> = {
  iterations: 'Search iterations',
  holdout: 'Holdout periods',
  seed: 'Seed',
  method: 'Method',
  media: 'Media',
  'bayes.chains': 'Chains',
  'bayes.warmup': 'Warm-up per chain',
  'bayes.draws': 'Draws per chain',
  'bayes.targetAccept': 'Target acceptance',
};

/** The form label of a request field such as "options.iterations", or undefined for a field the form does not have. */
export function trainFieldLabel(column: string | undefined): string | undefined {
  if (column === undefined || !column.startsWith('options.')) return undefined;
  return TRAIN_FIELD_LABELS[column.slice('options.'.length)];
}

/** The request's words for a field ("check "options.iterations" in the request body"), which the form does not use. */
const REQUEST_HINT = /^check ".*" in the request \w+$/;

/**
 * A refused Train request as the Data page shows it: an issue about a fit option names the field by its
 * label on the form ("Search iterations") instead of the request field ("options.iterations"), with a
 * hint to change it there; the banner lists those fields and what each takes. Other refusals (roles,
 * lift tests, the data) are kept as the server words them.
 * @param message the server's message
 * @param issues the server's issues
 * @example trainRefusal('invalid request body: options.iterations: search iterations must be …', [{ at: { column: 'options.iterations' }, … }]).message
 * // 'Search iterations: search iterations must be a whole number from 1 to 1,000,000'
 */
export function trainRefusal(message: string, issues: readonly Issue[]): { message: string; issues: Issue[] } {
  const mapped = issues.map((i) => {
    const label = trainFieldLabel(i.at.column);
    if (label === undefined) return { issue: i, label };
    const hint = REQUEST_HINT.test(i.hint) ? `change "${label}" above and train again` : i.hint;
    return { issue: { ...i, hint, at: { ...i.at, column: label } }, label };
  });
  const fields = mapped.filter((m) => m.label !== undefined);
  if (fields.length === 0 || fields.length < mapped.length) return { message, issues: mapped.map((m) => m.issue) };
  return { message: fields.map((m) => `${m.label}: ${m.issue.message}`).join('; '), issues: mapped.map((m) => m.issue) };
}
