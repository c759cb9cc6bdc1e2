/**
 * The spend each locked channel is held at, as a key: the same text for as long as no lock changes
 * and no locked channel's spend changes, so that the simulator builds its constraints (and re-runs
 * the scenarios, the plan and the goal on them) only when the locks do, not on every slider move of
 * an unlocked channel. Read it back with lockedSpendOf.
 * @param spend [nChannels] spend per period now set
 * @param locked [nChannels] true for locked channels
 * @example lockedSpendKey([300000, 50], [true, false]) // '[300000,null]'
 */
export function lockedSpendKey(spend: readonly number[], locked: readonly boolean[]): string {
  return JSON.stringify(spend.map((v, i) => (locked[i] ? v : null)));
}

/**
 * The spend per channel a lockedSpendKey holds: the locked channels' spend, null for the others.
 * @example lockedSpendOf('[300000,null]') // [300000, null]
 */
export function lockedSpendOf(key: string): (number | null)[] {
  return JSON.parse(key) as (number | null)[];
}
