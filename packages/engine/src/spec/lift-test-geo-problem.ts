import type { LiftTest } from './model-spec.ts';

/**
 * Why a lift test's geos cannot be used, or undefined when they can: a test may name geos only on a
 * geo-level fit, and only geos of its panel, each once. The engine (buildSearchProblem), the lift-test
 * CSV reader and the server share this rule, so a file, a request and an API call are judged alike.
 * @param test the test's channel and optional geos
 * @param panelGeos the panel's geos [nGeos], or undefined for a national fit
 * @returns the message and hint, or undefined
 * @example liftTestGeoProblem({ channel: 'tv', geos: ['north'] }, undefined)?.message // 'lift test on tv names geos (north), but the fit is national'
 * @example liftTestGeoProblem({ channel: 'tv', geos: ['west'] }, ['north', 'south'])?.message // 'lift test on tv names unknown geo "west"'
 */
export function liftTestGeoProblem(test: Pick<LiftTest, 'channel' | 'geos'>, panelGeos: readonly string[] | undefined): { message: string; hint: string } | undefined {
  const geos = test.geos;
  if (geos === undefined) return undefined;
  if (geos.length === 0) return { message: `lift test on ${test.channel} names an empty list of geos`, hint: 'name the geos the test ran in, or leave them out for a test in every geo' };
  if (panelGeos === undefined) {
    return {
      message: `lift test on ${test.channel} names geos (${geos.join(', ')}), but the fit is national`,
      hint: 'fit the geo panel (--geo COLUMN, or geo: in the config) to calibrate with geo tests, or leave the geos out for a test of the national market',
    };
  }
  const unknown = geos.find((g) => !panelGeos.includes(g));
  if (unknown !== undefined) return { message: `lift test on ${test.channel} names unknown geo "${unknown}"`, hint: `use the panel's geos: ${panelGeos.join(', ')}` };
  const twice = geos.find((g, i) => geos.indexOf(g) !== i);
  if (twice !== undefined) return { message: `lift test on ${test.channel} names geo "${twice}" twice`, hint: 'name each geo the test ran in once' };
  return undefined;
}
