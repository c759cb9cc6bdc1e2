import type { DecodedCandidate, SearchProblem } from './search-problem.ts';
import { adstockWeights, applyAdstock } from '../../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../../transforms/saturation/registry.ts';
import { liftPerUnitCoef } from '../../model/lift-per-unit-coef.ts';

/** The lift tests' saturated effects of a panel candidate (createPanelLift). */
export interface PanelLift {
  /** Per lift test, its lift per unit coefficient [nLiftTests], written by compute. */
  readonly perUnit: Float64Array;
  /** Fill perUnit for a candidate's curves and its channels' scales [nChannels]. */
  compute(hyper: DecodedCandidate, scales: ArrayLike<number>): void;
}

/**
 * The lift of each test per unit media coefficient on a geo panel: the national definition
 * (liftPerUnitCoef: the test rows' spend switched off, summed over the measured rows) in each geo the
 * test ran in, on that geo's spend per unit of size and the shared curve, weighted by the geo's share:
 *   S_k = Σ_{g ∈ geos_k} s_g · Σ_{t=start}^{measureEnd−1} f(A_g(t)/scale) − f(max(0, A_g(t) − W_g(t))/scale),
 * with A_g = adstock of x_g / s_g, W_g that of its test rows alone (geos_k = every geo for a national
 * test). The model's lift is β_c · S_k, what liftEffect gives for the model's channel (model/lift-effect.ts).
 * @param problem the panel's search problem (problem.panel set)
 * @param perSize each channel's spend per unit of size, geo after geo [nG × nTimes] (panelFixed)
 * @example createPanelLift(problem, fixed.perSize).compute(hyper, scales) // then perUnit[k] * β_c is test k's lift
 */
export function createPanelLift(problem: SearchProblem, perSize: readonly Float64Array[]): PanelLift {
  const tests = problem.liftTests;
  const panel = problem.panel!;
  const { nTimes, channels } = problem;
  const nG = panel.shares.length;
  const allGeos = Array.from({ length: nG }, (_, g) => g);
  const tested = [...new Set(tests.map((t) => t.channel))];
  // Every geo's adstocked spend per unit of size for the tested channels [nG × nTimes] each.
  const adstocked = new Map(tested.map((c) => [c, new Float64Array(nG * nTimes)]));
  const perUnit = new Float64Array(tests.length);
  return {
    perUnit,
    compute(hyper, scales) {
      for (const c of tested) {
        const a = adstocked.get(c)!, x = perSize[c];
        for (let g = 0; g < nG; g++) {
          applyAdstock(x.subarray(g * nTimes, (g + 1) * nTimes), hyper.channels[c].adstock, { maxLag: channels[c].maxLag, normalised: true }, a.subarray(g * nTimes, (g + 1) * nTimes));
        }
      }
      tests.forEach((lt, k) => {
        const c = lt.channel, ch = channels[c];
        const w = adstockWeights(hyper.channels[c].adstock, ch.maxLag, true);
        const sp = hyper.channels[c].saturation;
        const kernel = getSaturationKernel(sp.type);
        const a = adstocked.get(c)!, x = perSize[c];
        let s = 0;
        for (const g of lt.geos ?? allGeos) {
          const o = g * nTimes;
          s += panel.shares[g] * liftPerUnitCoef(kernel, sp, a.subarray(o, o + nTimes), x.subarray(o, o + nTimes), w, ch.maxLag, scales[c], lt);
        }
        perUnit[k] = s;
      });
    },
  };
}
