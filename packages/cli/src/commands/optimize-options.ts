import { InvalidArgumentError } from 'commander';
import type { AllocationConstraints, ChannelBounds, MaxChange, SpendBound } from '@mixwise/engine';
import { CLASSIC_SCENARIOS, DEFAULT_BOUNDS, DEFAULT_FRONTIER_LEVELS } from '@mixwise/engine';
import { dotThousandsProblem, parseAmount as readAmount } from '@mixwise/charts';
import { UsageError } from '../usage-error.ts';

/**
 * Value parsers and checks for `mixwise optimize` (see docs/optimize.md). Parsers throw commander's
 * InvalidArgumentError (a usage error, exit 2, naming the option); cross-option checks throw UsageError.
 *
 * Bound units: a plain number or one ending in `x` is a multiple of the channel's current spend per
 * period; `abs` an amount per period (per plan period with --periods); `%` a share of the total budget
 * per period. A unit written on one side of a range only applies to both (`tv=5000:20000abs`).
 */

const NUMBER = /^(\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * An amount ≥ 0 (--budget, --target-kpi, an `abs` bound) in the forms the dashboard's fields accept
 * (readAmount in @mixwise/charts): 25000, 25,000 or 25 000 (thousands in groups of three), 25k, 1.2M,
 * 2.5e4. A comma that does not group thousands ("2,5") is refused, not guessed at.
 * @throws InvalidArgumentError otherwise
 * @example parseAmount('25k') // 25000
 * @example parseAmount('19,500') // 19500
 */
export function parseAmount(value: string): number {
  const n = readAmount(value);
  const dots = dotThousandsProblem(value);
  if (n === null && dots !== null) throw new InvalidArgumentError(dots);
  if (n === null) throw new InvalidArgumentError(`"${value}" is not an amount: write a number ≥ 0 such as 25000, 25,000, 25k or 1.2M.`);
  return n;
}

/**
 * A plain number ≥ 0 (--target-roi, --target-mroi: a ratio, so no thousands or k/M suffix).
 * @throws InvalidArgumentError otherwise
 * @example parseRatio('1.5') // 1.5
 */
export function parseRatio(value: string): number {
  const v = value.trim();
  const n = Number(v);
  if (!NUMBER.test(v) || !Number.isFinite(n)) throw new InvalidArgumentError(`"${value}" is not a ratio: write a number ≥ 0 such as 1.5.`);
  return n;
}

/**
 * A ratio > 0 (--margin: the value of one unit of KPI).
 * @throws InvalidArgumentError otherwise
 * @example parsePositiveRatio('0.3') // 0.3
 */
export function parsePositiveRatio(value: string): number {
  const n = parseRatio(value);
  if (!(n > 0)) throw new InvalidArgumentError(`"${value}" must be greater than 0: write what one unit of KPI is worth, such as 0.3.`);
  return n;
}

/**
 * One bound with its unit: `1.2` or `1.2x` (multiple of current), `5000abs` (amount), `20%` (share of the budget).
 * @returns the bound, or `{ unit: null }` when no unit was written (a multiple unless the other side of the range says otherwise)
 * @throws InvalidArgumentError for anything else
 * @example parseBoundValue('20%') // { bound: { type: 'share', value: 0.2 }, explicit: true }
 */
export function parseBoundValue(text: string): { bound: SpendBound; explicit: boolean } {
  const m = /^(.*?)(x|abs|%)?$/i.exec(text.trim());
  const num = m?.[1].trim() ?? '';
  const unit = m?.[2]?.toLowerCase();
  const amount = unit === 'abs' ? readAmount(num) : null;
  if (amount !== null) return { bound: { type: 'absolute', value: amount }, explicit: true };
  // An amount refused as dot thousands (150.000abs) must not fall through to the plain-number read
  // below, which would take it as 150: refused with why, as --budget refuses it.
  const dots = unit === 'abs' ? dotThousandsProblem(num) : null;
  if (dots !== null) throw new InvalidArgumentError(dots);
  if (!NUMBER.test(num)) throw new InvalidArgumentError(`"${text}" is not a bound: write a multiple of current spend (1.2), an amount (5000abs) or a share of the budget (20%).`);
  const n = Number(num);
  if (unit === 'abs') return { bound: { type: 'absolute', value: n }, explicit: true };
  if (unit === '%') return { bound: { type: 'share', value: n / 100 }, explicit: true };
  return { bound: { type: 'multiple', value: n }, explicit: unit === 'x' };
}

/**
 * A range LO<sep>HI of bounds; either side may be empty (no bound on that side), not both. A unit on
 * one side only applies to the other side too; LO ≤ HI is checked when both have the same unit.
 * @throws InvalidArgumentError for a malformed range or LO > HI
 * @example parseBoundRange('0.5,1.5', ',') // { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } }
 * @example parseBoundRange('5000:20000abs', ':') // { min: { type: 'absolute', value: 5000 }, max: { type: 'absolute', value: 20000 } }
 */
export function parseBoundRange(text: string, sep: ',' | ':'): ChannelBounds {
  const parts = text.split(sep);
  if (parts.length !== 2 || (parts[0].trim() === '' && parts[1].trim() === '')) {
    throw new InvalidArgumentError(`"${text}" should be LO${sep}HI (e.g. 0.5${sep}1.5; leave a side empty for no bound there).`);
  }
  // An amount's unit written on one side only (5k:20kabs) applies to both, so both read as amounts.
  const abs = parts.map((p) => /abs\s*$/i.test(p));
  if (abs[0] !== abs[1] && parts.every((p) => !/(x|%)\s*$/i.test(p.trim()))) parts.forEach((p, k) => { if (!abs[k] && p.trim() !== '') parts[k] = `${p.trim()}abs`; });
  const lo = parts[0].trim() === '' ? null : parseBoundValue(parts[0]);
  const hi = parts[1].trim() === '' ? null : parseBoundValue(parts[1]);
  if (lo && hi) {
    if (lo.explicit && !hi.explicit) hi.bound = { type: lo.bound.type, value: rescale(parts[1], lo.bound.type) };
    if (hi.explicit && !lo.explicit) lo.bound = { type: hi.bound.type, value: rescale(parts[0], hi.bound.type) };
    if (lo.bound.type === hi.bound.type && lo.bound.value > hi.bound.value) {
      throw new InvalidArgumentError(`"${text}": the lower bound is above the upper bound.`);
    }
  }
  return { ...(lo ? { min: lo.bound } : {}), ...(hi ? { max: hi.bound } : {}) };
}

function rescale(text: string, type: SpendBound['type']): number {
  const n = Number(text.trim());
  return type === 'share' ? n / 100 : n;
}

/**
 * `--bounds LO,HI` for every channel, or `none` for no bounds at all (the built-in default,
 * DEFAULT_BOUNDS, applies when the flag is left out). `none` stays a string: commander turns a
 * parser's null into ''.
 * @returns the range, or 'none'
 * @throws InvalidArgumentError for a malformed range
 * @example parseBoundsFlag('None') // 'none'
 */
export function parseBoundsFlag(text: string): ChannelBounds | 'none' {
  return text.trim().toLowerCase() === 'none' ? 'none' : parseBoundRange(text, ',');
}

/** Where the bounds for every channel came from: the built-in default, --bounds LO,HI, or --bounds none. */
export type BoundsSource = 'default' | 'given' | 'none';

/** @example boundsSource({}) // 'default'; boundsSource({ bounds: 'none' }) // 'none' */
export function boundsSource(flags: { bounds?: ChannelBounds | 'none' }): BoundsSource {
  return flags.bounds === undefined ? 'default' : flags.bounds === 'none' ? 'none' : 'given';
}

/** One --bound flag: a channel and its range. */
export interface ChannelBoundFlag {
  readonly channel: string;
  readonly bounds: ChannelBounds;
}

/**
 * `--bound CH=LO:HI` (several may be given, also comma-separated in one flag) collected into a list.
 * @throws InvalidArgumentError for a missing `=`, an empty channel name or a bad range
 * @example parseChannelBounds('tv=0.8:1.2', []) // [{ channel: 'tv', bounds: { min: { type: 'multiple', value: 0.8 }, max: { type: 'multiple', value: 1.2 } } }]
 */
export function parseChannelBounds(value: string, previous: readonly ChannelBoundFlag[] = []): ChannelBoundFlag[] {
  const out = [...previous];
  for (const entry of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const eq = entry.indexOf('=');
    const channel = eq < 0 ? '' : entry.slice(0, eq).trim();
    if (channel === '') throw new InvalidArgumentError(`"${entry}" should look like CHANNEL=LO:HI (e.g. tv=0.8:1.2, search=:20000abs).`);
    out.push({ channel, bounds: parseBoundRange(entry.slice(eq + 1), ':') });
  }
  if (out.length === previous.length) throw new InvalidArgumentError('give CHANNEL=LO:HI (e.g. tv=0.8:1.2).');
  return out;
}

/**
 * `--current CH=X` (repeatable, also comma-separated in one flag): a channel's current spend per
 * period, replacing its mean over the reference periods (a channel launched late: its run-rate).
 * Amounts as parseAmount takes them (10900, 10,900, 10.9k): a comma splits entries only before the next CHANNEL=.
 * @throws InvalidArgumentError for a missing `=`, an empty channel name, a bad amount or a channel given twice
 * @example parseCurrent('tiktok=10.9k', {}) // { tiktok: 10900 }
 */
export function parseCurrent(value: string, previous: Readonly<Record<string, number>> = {}): Record<string, number> {
  const out: Record<string, number> = { ...previous };
  const entries = value.split(/,(?=[^,=]*=)/).map((s) => s.trim()).filter((s) => s !== '');
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const channel = eq < 0 ? '' : entry.slice(0, eq).trim();
    if (channel === '') throw new InvalidArgumentError(`"${entry}" should look like CHANNEL=AMOUNT (e.g. tiktok=10900 or tiktok=10.9k).`);
    if (Object.hasOwn(out, channel)) throw new InvalidArgumentError(`--current is given twice for ${channel}; give one amount per channel.`);
    out[channel] = parseAmount(entry.slice(eq + 1).trim());
  }
  if (entries.length === 0) throw new InvalidArgumentError('give CHANNEL=AMOUNT (e.g. tiktok=10900).');
  return out;
}

/**
 * `--lock CH` (repeatable, comma-separated lists allowed) collected into a list of channel names.
 * @throws InvalidArgumentError for an empty value
 * @example parseLocks('tv,ooh', ['search']) // ['search', 'tv', 'ooh']
 */
export function parseLocks(value: string, previous: readonly string[] = []): string[] {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new InvalidArgumentError('give a channel name (e.g. --lock tv).');
  return [...previous, ...names];
}

/**
 * `--max-change R`: the largest move per channel, a fraction of current spend (0.3 = ±30 %, also `30%`)
 * or an amount per period (`5000abs`).
 * @throws InvalidArgumentError otherwise
 * @example parseMaxChange('30%') // { type: 'relative', value: 0.3 }
 */
export function parseMaxChange(value: string): MaxChange {
  const { bound } = parseBoundValue(value);
  if (bound.type === 'absolute') return { type: 'absolute', value: bound.value };
  return { type: 'relative', value: bound.value };
}

/**
 * `--scenarios [LEVELS]`: budget levels as multiples of the current total (`0.9,1,1.1` or `90%,110%`);
 * `sweep` for 50 %–200 % in steps of 10 %; no value for the classic 90/100/110/120/150 %.
 * @throws InvalidArgumentError for a non-positive or malformed level
 * @example parseScenarios('0.9, 110%') // [0.9, 1.1]
 */
export function parseScenarios(value: string | true): number[] {
  if (value === true) return [...CLASSIC_SCENARIOS];
  if (value.trim().toLowerCase() === 'sweep') return [...DEFAULT_FRONTIER_LEVELS];
  const levels = value.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    const pct = s.endsWith('%');
    const num = pct ? s.slice(0, -1).trim() : s;
    const n = Number(num);
    if (!NUMBER.test(num) || !(n > 0)) throw new InvalidArgumentError(`"${s}" is not a budget level: write multiples of the current budget (0.9,1,1.1), percentages (90%) or "sweep".`);
    return pct ? n / 100 : n;
  });
  if (levels.length === 0) throw new InvalidArgumentError('give at least one budget level (e.g. 0.9,1,1.1).');
  return levels;
}

/** What to optimise, from the objective flags. */
export type OptimizeObjective =
  | { readonly type: 'budget'; readonly value: number | null }
  | { readonly type: 'target-kpi'; readonly value: number }
  | { readonly type: 'target-roi'; readonly value: number }
  | { readonly type: 'target-mroi'; readonly value: number };

/**
 * The objective: at most one of --budget, --target-kpi, --target-roi, --target-mroi; none means the
 * current total budget (value null). With --periods, --target-kpi is the KPI to reach inside the plan
 * (in total over its periods); the ROI targets are steady-state problems and cannot be combined with
 * it; --up-to only applies to a steady-state budget.
 * @throws UsageError for two objectives at once, an ROI target with --periods, or --up-to with a target or with --periods
 * @example chooseObjective({ targetRoi: 2 }) // { type: 'target-roi', value: 2 }
 */
export function chooseObjective(flags: { budget?: number; targetKpi?: number; targetRoi?: number; targetMroi?: number; periods?: number; upTo?: boolean }): OptimizeObjective {
  const given = ([['--budget', flags.budget], ['--target-kpi', flags.targetKpi], ['--target-roi', flags.targetRoi], ['--target-mroi', flags.targetMroi]] as const)
    .filter(([, v]) => v !== undefined);
  if (given.length > 1) {
    throw new UsageError(`give one objective, not ${given.map(([k]) => k).join(' and ')}: a budget to spend best, or one target (KPI, ROI or marginal ROI)`, 'optimize');
  }
  if (flags.upTo === true && flags.periods !== undefined) {
    throw new UsageError('--up-to is for steady-state budgets; a --periods plan spends its budget exactly: give the smaller --budget you mean to spend, or leave --periods out', 'optimize');
  }
  if (flags.targetKpi !== undefined) return target('target-kpi', '--target-kpi', flags.targetKpi, flags);
  if (flags.targetRoi !== undefined) return target('target-roi', '--target-roi', flags.targetRoi, flags);
  if (flags.targetMroi !== undefined) return target('target-mroi', '--target-mroi', flags.targetMroi, flags);
  return { type: 'budget', value: flags.budget ?? null };
}

function target<T extends 'target-kpi' | 'target-roi' | 'target-mroi'>(type: T, flag: string, value: number, flags: { periods?: number; upTo?: boolean }): { type: T; value: number } {
  if (flags.periods !== undefined && type !== 'target-kpi') throw new UsageError(`${flag} is a steady-state target and cannot be combined with --periods; plan a budget with --periods (e.g. the budget that ${flag} finds)`, 'optimize');
  if (flags.upTo === true) throw new UsageError(`--up-to applies to --budget, not to ${flag}`, 'optimize');
  return { type, value };
}

/**
 * Assemble the engine's constraints from --bounds, --bound, --lock and --max-change, checking every
 * channel name against the model's. Without --bounds every channel gets DEFAULT_BOUNDS (0.5×–2× its
 * current spend); `--bounds none` gives none. A channel's --bound replaces the range for it.
 * @param channels the model's channel names
 * @throws UsageError for an unknown channel or a channel given two --bound flags
 * @example buildConstraints({ bounds: { min: { type: 'multiple', value: 0.5 } }, lock: ['tv'] }, ['tv', 'search']) // { defaults: …, locks: { tv: true } }
 */
export function buildConstraints(flags: { bounds?: ChannelBounds | 'none'; bound?: readonly ChannelBoundFlag[]; lock?: readonly string[]; maxChange?: MaxChange }, channels: readonly string[]): AllocationConstraints {
  const known = (name: string, flag: string): void => {
    if (!channels.includes(name)) throw new UsageError(`${flag} names the channel "${name}", which is not in the model; channels are ${channels.join(', ')}`, 'optimize');
  };
  const perChannel: Record<string, ChannelBounds> = {};
  for (const b of flags.bound ?? []) {
    known(b.channel, '--bound');
    if (b.channel in perChannel) throw new UsageError(`--bound is given twice for ${b.channel}; give one range per channel`, 'optimize');
    perChannel[b.channel] = b.bounds;
  }
  const locks: Record<string, true> = {};
  for (const name of flags.lock ?? []) { known(name, '--lock'); locks[name] = true; }
  const defaults = flags.bounds === undefined ? DEFAULT_BOUNDS : flags.bounds === 'none' ? null : flags.bounds;
  return {
    ...(defaults ? { defaults } : {}),
    ...(Object.keys(perChannel).length > 0 ? { channels: perChannel } : {}),
    ...(Object.keys(locks).length > 0 ? { locks } : {}),
    ...(flags.maxChange ? { maxChange: flags.maxChange } : {}),
  };
}
