import { EngineError } from '../errors.ts';

/**
 * Check one kernel parameter: it must be a finite number inside an interval whose ends are open or
 * closed. Used by every kernel's `validate`, so messages read the same everywhere.
 * @param kernel the kernel's label for the message, e.g. 'geometric adstock'
 * @param name the parameter's name, e.g. 'alpha'
 * @param value the value to check (anything: specs may come from JSON)
 * @param lower lowest allowed value (-Infinity for none)
 * @param upper highest allowed value (Infinity for none)
 * @param lowerOpen true when `lower` itself is not allowed
 * @param upperOpen true when `upper` itself is not allowed
 * @throws EngineError('INVALID_ARGUMENT') when the value is not a finite number in the interval
 * @example checkParam('geometric adstock', 'alpha', 1.2, 0, 1, false, true)
 * // throws "geometric adstock: alpha must be a finite number in [0, 1), got 1.2"
 */
export function checkParam(
  kernel: string,
  name: string,
  value: unknown,
  lower: number,
  upper: number,
  lowerOpen: boolean,
  upperOpen: boolean,
): void {
  if (
    typeof value === 'number' && Number.isFinite(value) &&
    (lowerOpen ? value > lower : value >= lower) &&
    (upperOpen ? value < upper : value <= upper)
  ) return;
  const lo = lower === -Infinity ? '(-∞' : `${lowerOpen ? '(' : '['}${lower}`;
  const hi = upper === Infinity ? '∞)' : `${upper}${upperOpen ? ')' : ']'}`;
  const got = typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
  throw new EngineError('INVALID_ARGUMENT', `${kernel}: ${name} must be a finite number in ${lo}, ${hi}, got ${got}`);
}
