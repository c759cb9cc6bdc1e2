/** Largest R-hat that counts as converged (Vehtari et al. 2021 recommend 1.01). */
export const RHAT_LIMIT = 1.01;

/** Most decimals an R-hat is shown with: beyond, a figure this close to the limit reads as the limit itself. */
const MAX_DECIMALS = 6;

/**
 * An R-hat as shown beside its limit (RHAT_LIMIT): 3 decimals, or more when 3 would round it onto
 * the other side of the limit or onto the limit itself, so that the figure and the verdict agree
 * ('1.0104', which fails, not '1.010'; '1.0096', which passes, not '1.010'). 'not finite' for a
 * non-finite R-hat (chains stuck apart, or a parameter that never moved).
 * @example rhatText(1.0042) // '1.004' ; rhatText(1.0104) // '1.0104' ; rhatText(1.00996) // '1.00996' ; rhatText(Infinity) // 'not finite'
 */
export function rhatText(rhat: number): string {
  if (!Number.isFinite(rhat)) return 'not finite';
  let decimals = 3;
  while (decimals < MAX_DECIMALS && misleads(rhat.toFixed(decimals), rhat)) decimals++;
  return rhat.toFixed(decimals);
}

/** Whether a rounded R-hat reads as the limit while it is not, or lands on the other side of it. */
function misleads(text: string, rhat: number): boolean {
  const shown = Number(text);
  if (shown === RHAT_LIMIT) return rhat !== RHAT_LIMIT;
  return (shown >= RHAT_LIMIT) !== (rhat >= RHAT_LIMIT);
}
