import { EngineError } from '../errors.ts';

/**
 * Largest budget per period the planner accepts: 1e15, the HTTP API's cap. Far above any media
 * budget; beyond it the curves sit flat and round-off decides the split (a budget of 1e300 put
 * 3.3e299 on every channel), so such input is a mistake to report, not to solve.
 */
export const MAX_BUDGET = 1e15;

const OPTION_KEYS = ['budget', 'mode', 'constraints', 'gridSteps'];
const CONSTRAINT_KEYS = ['defaults', 'channels', 'locks', 'maxChange'];

function unknownKeys(value: unknown, valid: readonly string[], where: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EngineError('INVALID_ARGUMENT', `allocateBudget: ${where} must be an object with keys ${valid.join(', ')}`, { series: where });
  }
  for (const key of Object.keys(value)) {
    if (valid.includes(key)) continue;
    // `bounds` and `locks` at the top are the HTTP API's names; the JS API nests them in `constraints`.
    const hint = where === 'options' && CONSTRAINT_KEYS.includes(key) ? ` (did you mean constraints.${key}?)`
      : where === 'options' && key === 'bounds' ? ' (per-channel bounds go in constraints.channels, e.g. { tv: { max: { type: \'absolute\', value: 1000 } } })' : '';
    throw new EngineError('INVALID_ARGUMENT', `allocateBudget: unknown ${where} key "${key}"${hint}; valid keys: ${valid.join(', ')}`, { series: where === 'options' ? key : `constraints.${key}` });
  }
}

/**
 * Check allocateBudget's options before solving: unknown keys would otherwise be ignored silently
 * (a `bounds` meant as constraints gave an unconstrained plan), and a budget must be a finite number
 * from 0 to MAX_BUDGET.
 * @param options the options as given
 * @throws EngineError INVALID_ARGUMENT naming the key or the budget
 * @example checkAllocateOptions({ budget: 100, bounds: {} }) // throws: unknown options key "bounds" …
 */
export function checkAllocateOptions(options: unknown): void {
  unknownKeys(options, OPTION_KEYS, 'options');
  const o = options as { budget?: unknown; mode?: unknown; constraints?: unknown };
  if (typeof o.budget !== 'number' || !Number.isFinite(o.budget) || o.budget < 0 || o.budget > MAX_BUDGET) {
    throw new EngineError('INVALID_ARGUMENT', `optimize: budget must be a finite number from 0 to ${MAX_BUDGET} (1e15) per period, got ${typeof o.budget === 'string' ? JSON.stringify(o.budget) : String(o.budget)}`, { series: 'budget' });
  }
  if (o.mode !== undefined && o.mode !== 'exact' && o.mode !== 'up-to') {
    throw new EngineError('INVALID_ARGUMENT', `allocateBudget: mode must be 'exact' or 'up-to', got ${JSON.stringify(o.mode)}`, { series: 'mode' });
  }
  if (o.constraints !== undefined) unknownKeys(o.constraints, CONSTRAINT_KEYS, 'constraints');
}
