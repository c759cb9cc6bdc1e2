import type { SearchProblem } from '../search/search-problem.ts';
import type { CandidateFit } from '../search/candidate-evaluator.ts';

/**
 * Log likelihood of the lift tests given a candidate fit: each measured lift is the true effect of
 * the tested channel's spend in the test rows over the measured rows (model/lift-effect.ts) plus
 * Gaussian error with the test's standard error,
 *   log p(lifts | fit) = −½ Σ_k ((pred_k − lift_k) / se_k)²  (+ const),
 * with pred_k the fit's prediction of that effect (fit.liftPredictions). This is how
 * experiments calibrate a Bayesian MMM (e.g. Meridian's ROI calibration and PyMC-Marketing's
 * `add_lift_test_measurements`, which likewise treat a test as a noisy observation of the model's
 * incremental effect); here it multiplies the hyperparameter posterior, so samples whose curves
 * contradict an experiment lose weight in proportion to how many standard errors they miss by.
 * @param problem the search problem (its liftTests with standard errors)
 * @returns fit ↦ log likelihood (0 when there are no lift tests)
 * @example liftLogLikelihood(problem)(fit) // −0.5 when the only test is missed by one standard error
 */
export function liftLogLikelihood(problem: Pick<SearchProblem, 'liftTests'>): (fit: Pick<CandidateFit, 'liftPredictions'>) => number {
  const tests = problem.liftTests;
  return (fit) => {
    let ll = 0;
    for (let k = 0; k < tests.length; k++) {
      const z = (fit.liftPredictions[k] - tests[k].lift) / tests[k].se;
      ll -= 0.5 * z * z;
    }
    return ll;
  };
}
