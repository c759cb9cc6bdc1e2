import {
  BUDGET_TOLERANCE, listText, DEFAULT_BOUNDS, DEFAULT_BOUNDS_TEXT, defaultBoundsNote, heldByDefaultBounds, proseAmount,
  type AllocationConstraints, type BoundedChannel, type Infeasible,
} from '@mixwise/engine';

/**
 * What the HTTP API says where the engine's and the CLI's words name things the API does not have
 * (an "up to" budget for /plan and /scenarios, --bound flags) or speak per period where the request
 * spoke in totals: the default-bounds sentence of a recommendation and the text of an infeasible answer.
 */

/** A channel's current spend per period, by name. */
export interface CurrentSpend {
  readonly name: string;
  readonly current: number;
}

/**
 * The channels the default bounds (0.5×–2× current spend) apply to: neither locked nor given bounds
 * of their own in the request.
 * @example defaultedChannels([{ name: 'tv', current: 10 }, { name: 'radio', current: 5 }], { radio: {} }, []) // [{ name: 'tv', current: 10 }]
 */
export function defaultedChannels(channels: readonly CurrentSpend[], bounds: Readonly<Record<string, unknown>>, locks: readonly string[]): CurrentSpend[] {
  return channels.filter((c) => !Object.hasOwn(bounds, c.name) && !locks.includes(c.name));
}

/**
 * The sentence a recommendation gets when the default bounds hold channels ('' when none do): the
 * engine's defaultBoundsNote, with how to lift them in the request's terms.
 * @param channels the result's channels: current spend and the limits per period, and the bound status
 * @param constraints the constraints solved (constraintsOf), to tell a channel's own range from the defaults
 * @example defaultBoundsSentence([{ channel: 'tv', current: 100, lower: 50, upper: 200, status: 'at-upper' }], { defaults: DEFAULT_BOUNDS }) // ' tv is held by the default bounds … e.g. "bounds": { "tv": {} } for none.'
 */
export function defaultBoundsSentence(channels: readonly BoundedChannel[], constraints: AllocationConstraints): string {
  const held = heldByDefaultBounds(channels, constraints);
  if (held.length === 0) return '';
  const whom = held.length === 1 ? `${held[0]} bounds of its own` : 'those channels bounds of their own';
  return defaultBoundsNote(held, `give ${whom} in the request (amounts per period), e.g. "bounds": { ${JSON.stringify(held[0])}: {} } for none`);
}

/**
 * A limit rounded to six significant digits away from the infeasible side ('up' for a minimum,
 * 'down' for a maximum), so that the amount the message advises is itself feasible. A limit within
 * half the engine's budget tolerance of a round number is that number: the engine takes it, and
 * 1,110,000.0007 (current spend with cents, times 2.92) reads 1,110,000, not 1,110,010. From 1e15 up,
 * 1.23e+18 (engine proseAmount).
 * @example limit(190000.5, 'up') // '190,001' ; limit(1234567.2, 'down') // '1,234,560' ; limit(1110000.0007, 'up') // '1,110,000'
 */
export function limit(v: number, side: 'up' | 'down'): string {
  if (!Number.isFinite(v) || v === 0) return proseAmount(v);
  const step = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 5);
  const q = v / step;
  // In grid steps: the engine's slack (relative to v), and never less than division round-off.
  const slack = Math.max(1e-9, (Math.abs(v) * BUDGET_TOLERANCE) / 2 / step);
  const r = (side === 'up' ? Math.ceil(q - slack) : Math.floor(q + slack)) * step;
  const rounded = Number(r.toPrecision(12));
  return Math.abs(rounded) >= 1e15 ? proseAmount(rounded) : rounded.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const num = (v: number | string | undefined): number => (typeof v === 'number' ? v : NaN);

/** The request an infeasible answer speaks of. */
export type InfeasibleRequest =
  /**
   * /optimize (a sustained level: the engine's amounts are per period, `periods` × them the request's)
   * or /plan (the engine's amounts are totals over the plan already).
   */
  | {
    readonly route: 'optimize' | 'plan'; readonly budget: number; readonly periods: number; readonly defaulted: readonly CurrentSpend[];
    /** False when the request left the budget out (it is then current spend): default true. */
    readonly budgetSent?: boolean;
  }
  /** One level of /scenarios: amounts per period, the level a multiple of `currentBudget`. */
  | { readonly route: 'scenarios'; readonly level: number; readonly currentBudget: number; readonly defaulted: readonly CurrentSpend[] };

/**
 * The text of an infeasible answer in the request's terms: the budget as the client sent it (a total
 * over the periods for /optimize and /plan, a level for /scenarios; amounts rounded for prose, engine
 * proseAmount), or, when none was sent, that the budget was current spend; the least or most the bounds
 * allow in the same terms (and per period), advice the route can follow ("upTo": true only where the
 * route takes it), and, when channels without bounds in the request took part, that the default
 * bounds applied to them and how to change them. Reasons these routes cannot meet keep the engine's text.
 * @param r the engine's Infeasible (its `details` carry the amounts)
 * @param request the route, the budget or level, the periods, and the channels under the default bounds
 * @example infeasibleMessage({ feasible: false, reason: 'BUDGET_BELOW_MINIMUM', message: '…', details: { budget: 76.9, minimumBudget: 190000 } }, { route: 'optimize', budget: 1000, periods: 13, defaulted: [] })
 *   // 'The budget 1,000 over 13 periods is below the 2,470,000 that the lower bounds and locks require over those periods (190,000 per period): raise …'
 */
export function infeasibleMessage(r: Infeasible, request: InfeasibleRequest): string {
  if (r.reason === 'TARGET_UNREACHABLE' && request.route !== 'scenarios') return targetUnreachable(r, request);
  if (r.reason !== 'BUDGET_BELOW_MINIMUM' && r.reason !== 'BUDGET_ABOVE_MAXIMUM') return r.message;
  const below = r.reason === 'BUDGET_BELOW_MINIMUM';
  const side = below ? 'up' : 'down';
  const engineAmount = num(below ? r.details.minimumBudget : r.details.maximumBudget);
  if (request.route === 'scenarios') {
    const { level, currentBudget } = request;
    const levelLimit = currentBudget > 0 ? ` (${below ? 'at least' : 'at most'} ${limitLevel(engineAmount / currentBudget, side)})` : '';
    const head = `The level ${level} (a budget of ${proseAmount(level * currentBudget)} per period) `;
    return (below
      ? `${head}is below the ${limit(engineAmount, side)} per period that the lower bounds and locks require: choose a higher level${levelLimit}, or lower the lower bounds or unlock channels.`
      : `${head}cannot be spent: the upper bounds and locks allow at most ${limit(engineAmount, side)} per period; choose a lower level${levelLimit}, or raise the upper bounds.`)
      + defaultsSentence(below, request.defaulted, 1, ' per period');
  }
  const { route, budget, periods } = request;
  const sent = request.budgetSent ?? true;
  const total = route === 'optimize' ? engineAmount * periods : engineAmount;
  const over = periods > 1 ? ` over ${periods} periods` : '';
  const split = periods > 1 ? ` over those periods (${limit(total / periods, side)} per period)` : '';
  // A budget the client did not send is not "the budget X" it would not recognise: say where it came from.
  const head = sent ? `The budget ${proseAmount(budget)}${over} ` : `No budget was sent, so the budget is current spend: ${proseAmount(budget)}${over}, which `;
  const advise = (to: 'least' | 'most'): string => (sent ? `${to === 'least' ? 'raise' : 'lower'} the budget to at ${to}` : `send a budget of at ${to}`);
  const text = below
    ? `${head}is below the ${limit(total, side)} that the lower bounds and locks require${split}: ${advise('least')} ${limit(total, side)}, or lower the lower bounds or unlock channels.`
    : `${head}cannot be spent: the upper bounds and locks allow at most ${limit(total, side)}${split}; ${advise('most')} ${limit(total, side)}, or raise the upper bounds`
      + (route === 'optimize' ? ', or send "upTo": true to spend at most the budget.' : ' (a plan spends its whole budget).');
  return text + defaultsSentence(below, request.defaulted, periods, periods > 1 ? ` over the ${periods} periods` : '');
}

/**
 * A KPI target no budget reaches (/optimize's targetKpi per period, /plan's inside the plan's
 * periods): the engine's sentence (the most that can be reached, and at what budget), then the advice
 * in the request's terms (`lower --target-kpi …` in the CLI): lower targetKpi to at most that KPI,
 * rounded down, or, when the upper bounds are what stop it, raise them, and when channels without
 * bounds in the request took part, what the default bounds let them take.
 */
function targetUnreachable(r: Infeasible, request: Extract<InfeasibleRequest, { route: 'optimize' | 'plan' }>): string {
  const plan = request.route === 'plan';
  const most = `lower targetKpi to at most ${limit(num(r.details.maximumKpi), 'down')}${plan ? ' over the plan' : ' per period'}`;
  if (r.details.limitedBy === 'curves') return `${r.message} ${plan ? 'To get a plan' : 'To get an allocation'}, ${most}: without upper bounds no budget reaches more.`;
  const periods = plan ? request.periods : 1;
  return `${r.message} ${plan ? 'To get a plan' : 'To get an allocation'}, ${most}, or raise the upper bounds.`
    + defaultsSentence(false, request.defaulted, periods, plan && periods > 1 ? ` over the ${periods} periods` : ' per period');
}

/** A level rounded to three decimals away from the infeasible side, as "0.953× current spend". */
function limitLevel(v: number, side: 'up' | 'down'): string {
  const r = side === 'up' ? Math.ceil(v * 1000 - 1e-6) / 1000 : Math.floor(v * 1000 + 1e-6) / 1000;
  return `${r}× current spend`;
}

/**
 * The sentence on the default bounds when channels without bounds in the request took part: how much
 * of the minimum their default lower bounds take (channels with no current spend take none), or how
 * much their default upper bounds allow at most.
 */
function defaultsSentence(below: boolean, defaulted: readonly CurrentSpend[], periods: number, unit: string): string {
  const part = below ? defaulted.filter((c) => c.current > 0) : defaulted;
  if (part.length === 0) return '';
  const current = part.reduce((s, c) => s + c.current, 0) * periods;
  const names = listText(part.map((c) => c.name));
  const one = part.length === 1;
  const what = below
    ? `require at least ${limit(DEFAULT_BOUNDS.min.value * current, 'down')}${unit} for ${one ? 'it' : 'them'}`
    : `let ${one ? 'it' : 'them'} take at most ${limit(DEFAULT_BOUNDS.max.value * current, 'up')}${unit}`;
  return ` ${names} ${one ? 'has' : 'have'} no bounds in the request, so the default bounds (${DEFAULT_BOUNDS_TEXT} current spend) ${what}.`
    + ` Send "bounds" for a channel to replace them (amounts per period; "bounds": { ${JSON.stringify(part[0].name)}: {} } removes its limits).`;
}
