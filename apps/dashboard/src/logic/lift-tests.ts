// What the Data page's lift-test list shows and sends; the server reads and checks the file.
import type { LiftTest } from '@mixwise/contracts';
import { DEFAULT_LIFT_TEST_RELATIVE_SE } from '@mixwise/engine';
import { liftTestDates } from '@mixwise/charts';
import { formatAmount } from './format.ts';

/** One row of the lift-test table, as text. */
export interface LiftTestRow {
  readonly key: string;
  readonly channel: string;
  /** The geos a geo test ran in ("north, south"), or null for a test in every geo. */
  readonly geos: string | null;
  readonly dates: string;
  readonly lift: string;
  /** The stated standard error, or the engine's default share of the lift, marked as such. */
  readonly standardError: string;
  /** Why the fit would refuse this test with the current roles (its channel is gone), else null. */
  readonly problem: string | null;
}

/**
 * The lift tests as table rows: channel, its geos (geo tests), dates, lift and standard error ("20% (default)" when the file
 * gave none), and a note for a test whose channel the current roles no longer have.
 * @param tests the tests the server read
 * @param channels the channels of the current roles (null while they are being checked: no notes)
 * @example liftTestRows([{ channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000 }], ['tv'])[0].standardError // '20% (default)'
 */
export function liftTestRows(tests: readonly LiftTest[], channels: readonly string[] | null): LiftTestRow[] {
  return tests.map((t, k) => ({
    key: `${k}:${t.channel}:${t.start}:${t.end}`,
    channel: t.channel,
    geos: t.geos === undefined ? null : t.geos.join(', '),
    dates: liftTestDates(t),
    lift: formatAmount(t.lift),
    standardError: t.standardError === undefined ? `${Math.round(DEFAULT_LIFT_TEST_RELATIVE_SE * 100)}% (default)` : formatAmount(t.standardError),
    problem: channels !== null && !channels.includes(t.channel) ? `"${t.channel}" is not a channel with the current roles: remove the test or make its spend column a channel` : null,
  }));
}

/**
 * The list without the test at `index` (a new array; the others keep their order).
 * @example withoutLiftTest([a, b, c], 1) // [a, c]
 */
export function withoutLiftTest<T>(tests: readonly T[], index: number): T[] {
  return tests.filter((_, k) => k !== index);
}

/**
 * The `liftTests` member of a fit request's options: left out when there are none, so a fit without
 * tests sends the same request as before lift tests existed.
 * @example liftTestOptions([]) // {}
 */
export function liftTestOptions(tests: readonly LiftTest[]): { liftTests?: LiftTest[] } {
  return tests.length > 0 ? { liftTests: [...tests] } : {};
}

/**
 * The channel and spend column the lift-test help names as its example: the first channel of the
 * current roles (the server's channel name when the roles were checked, else the column without its
 * `_spend` marker), so the help speaks of this file's channels; tv and tv_spend before any role is set.
 * @param spendColumns the channel columns of the current roles (null while roles are unusable)
 * @param channels the channel names the role check gave (null while unchecked)
 * @example liftTestExample(['TV_Spend'], null) // { channel: 'TV', column: 'TV_Spend' }
 */
export function liftTestExample(spendColumns: readonly string[] | null, channels: readonly string[] | null): { channel: string; column: string } {
  const column = spendColumns?.[0];
  if (column === undefined) return { channel: 'tv', column: 'tv_spend' };
  return { channel: channels?.[0] ?? column.replace(/_spend$/i, ''), column };
}
