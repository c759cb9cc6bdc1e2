import type { LiftTest } from '@mixwise/engine';

/** A lift test as mixwise.yaml writes it (calibration.lift_tests[k], snake_case). */
export interface ConfigLiftTest {
  readonly channel: string;
  readonly start: string;
  readonly end: string;
  readonly measured_through?: string | undefined;
  readonly lift: number;
  readonly standard_error?: number | undefined;
  readonly geos?: readonly string[] | undefined;
}

/**
 * The engine's LiftTest for a config entry: measured_through → measuredThrough and standard_error →
 * standardError, each only when given (so an omitted value keeps the engine's default).
 * @example liftTestFromConfig({ channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 1, standard_error: 0.2 }).standardError // 0.2
 */
export function liftTestFromConfig({ measured_through: through, standard_error: se, geos, ...t }: ConfigLiftTest): LiftTest {
  return { ...t, ...(through !== undefined ? { measuredThrough: through } : {}), ...(se !== undefined ? { standardError: se } : {}), ...(geos !== undefined ? { geos: [...geos] } : {}) };
}
