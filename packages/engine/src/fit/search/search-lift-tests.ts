import type { ModelingTable } from '../../spec/modeling-table.ts';
import type { ModelSpec } from '../../spec/model-spec.ts';
import { liftTestSeProblem, liftTestStandardError } from '../../spec/model-spec.ts';
import { EngineError } from '../../errors.ts';
import { liftTestRows } from '../../spec/lift-test-rows.ts';
import { liftTestDateProblems } from '../../spec/lift-test-date-problems.ts';
import { liftTestSpendProblem } from '../../spec/lift-test-spend-problem.ts';
import { liftTestGeoProblem } from '../../spec/lift-test-geo-problem.ts';
import { liftTestGeoSpend } from '../../spec/lift-test-geo-spend.ts';

/** A lift test as the search sees it (SearchProblem.liftTests). */
export interface SearchLiftTest {
  /** Index of the tested channel in problem.channels (a paid channel). */
  readonly channel: number;
  /** Test rows [startRow, endRow) and measured rows [startRow, measureEndRow). */
  readonly startRow: number;
  readonly endRow: number;
  readonly measureEndRow: number;
  readonly lift: number;
  readonly se: number;
  /** Geo-level fits: indices into panel.geos of the geos the test ran in; absent for every geo (a national test). */
  readonly geos?: readonly number[];
}

/**
 * The spec's lift tests as rows and indices, each checked the way the data layer checks them (paid
 * channel, finite lift, standard error, dates, spend in the window, geos): buildSearchProblem's part.
 * A geo test's spend is looked for in its own geos.
 * @param table the modeling table (its panel gives the geos)
 * @param spec the model spec
 * @param channels the problem's channel names and spend, paid channels first ([nChannels])
 * @param fitted the fitted rows [start, end)
 * @throws EngineError INVALID_ARGUMENT naming the test and what is wrong with it
 */
export function searchLiftTests(
  table: ModelingTable, spec: ModelSpec, channels: readonly { readonly name: string; readonly spend: ArrayLike<number>; readonly organic?: boolean }[],
  fitted: { readonly start: number; readonly end: number },
): SearchLiftTest[] {
  const organic = table.organic ?? [];
  const panel = table.panel;
  return spec.liftTests.map((t) => {
    const channel = channels.findIndex((c) => c.name === t.channel && c.organic !== true);
    if (channel < 0 && organic.some((o) => o.name === t.channel)) {
      throw new EngineError('INVALID_ARGUMENT', `lift test names organic media "${t.channel}": lift tests calibrate paid channels only (an organic series has no spend to switch off); remove the test, or model "${t.channel}" as a channel with its spend`);
    }
    if (channel < 0) throw new EngineError('INVALID_ARGUMENT', `lift test names unknown channel "${t.channel}"`);
    const which = `lift test for "${t.channel}" (${t.start} … ${t.end}${t.geos === undefined ? '' : `, geos ${t.geos.join(', ')}`})`;
    if (!Number.isFinite(t.lift)) throw new EngineError('INVALID_ARGUMENT', `${which} needs a finite lift, got ${t.lift}`);
    const seProblem = liftTestSeProblem(t);
    if (seProblem !== undefined) throw new EngineError('INVALID_ARGUMENT', `${which}: ${seProblem}`);
    const se = liftTestStandardError(t);
    if (!(se > 0) || !Number.isFinite(se)) throw new EngineError('INVALID_ARGUMENT', `${which} needs a positive, finite standard error, got ${se}`);
    const geoProblem = liftTestGeoProblem(t, panel?.geos);
    if (geoProblem !== undefined) throw new EngineError('INVALID_ARGUMENT', `${geoProblem.message}; ${geoProblem.hint}`);
    const dateProblems = liftTestDateProblems(t, table.dates, fitted);
    if (dateProblems.length > 0) {
      throw new EngineError('INVALID_ARGUMENT', `${which}: ${dateProblems.map((p) => `${p.message}; ${p.hint}`).join('. ')}`);
    }
    const geos = t.geos === undefined || panel === undefined ? undefined : t.geos.map((g) => panel.geos.indexOf(g));
    const spendProblem = liftTestSpendProblem(t, table.dates, geos === undefined ? channels[channel].spend : liftTestGeoSpend(panel!.spend[channel], geos));
    if (spendProblem !== undefined) {
      throw new EngineError('INVALID_ARGUMENT', `${which}: ${spendProblem.message}${geos === undefined ? '' : ' in its geos'}; ${spendProblem.hint}`);
    }
    return { channel, ...liftTestRows(table.dates, t), lift: t.lift, se, ...(geos === undefined ? {} : { geos }) };
  });
}
