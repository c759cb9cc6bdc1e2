import type { FitWarning } from '../analysis/fit-warnings.ts';

/**
 * A fit warning's headline for a reader who is not a modeller: what it means for the figures, in
 * plain words, before the message with its technical detail and what to do (FitWarning.message).
 * Keyed by code, so every code has one (a new code without a headline is a compile error).
 */
const HEADLINES: Readonly<Record<FitWarning['code'], (channel: string) => string>> = {
  PARAMETER_AT_BOUND: (ch) => `${ch}: the data cannot say how it responds to more spend than it has had, so a plan that raises it well past that is a guess`,
  SPARSE_SPEND: (ch) => `${ch}: too few periods with spend to measure its return reliably`,
  SPARSE_ORGANIC: () => 'An organic series has too few periods of data to measure',
  UNOBSERVED_LOW_SPEND: (ch) => `${ch} never spent little or nothing, so part of the return credited to it is assumed, not measured`,
  WRONG_SIGN_CONTROL: () => 'A constraint on a control variable removes it from the model, and its effect may be credited to media',
  POOR_FIT: () => 'The model reproduces the KPI poorly, so treat every figure with care',
  LIFT_TEST_CONFLICT: (ch) => `${ch}: the model disagrees with a lift test`,
  SEASONALITY_SHORT_DATA: () => 'Less than a year of data: seasonal swings may be credited to trend or media',
  MAPE_SKIPS_ZERO_KPI: () => 'Some periods have a KPI of 0, which one error measure (MAPE) skips',
  KPI_NOT_OBSERVED: () => 'Some periods have no KPI and were left out of the fit',
  EVENT_NOT_FITTED: () => 'An event could not be measured, so the model predicts no effect for it',
  NOT_CONVERGED: () => 'The Bayesian sampler did not settle, so its ranges are not reliable yet',
  TREE_DEPTH_LIMIT: () => 'The Bayesian sampler struggled, so its ranges may be off',
  EXPOSURE_GAPS: (ch) => `${ch}: spend and exposure data do not line up in some periods`,
  REFRESH_WINDOW: () => 'The refresh adds no new periods, or drops earlier history',
  LONG_DELAY: (ch) => `${ch}: the model puts its effect months after the spend, which fits a long sales cycle (B2B) but is rarely true otherwise`,
  ROI_OUTSIDE_INTERVAL: (ch) => `${ch}: the headline ROI lies outside its own 90% range, so read the range, not the single figure`,
};

/**
 * A fit warning's plain-language headline (HEADLINES): what it means for the figures, naming the channel.
 * @param w a fit warning (summary.json `warnings`)
 * @example fitWarningHeadline({ code: 'LONG_DELAY', channel: 'search' }) // 'search: the model puts its effect months after the spend, which fits a long sales cycle (B2B) but is rarely true otherwise'
 */
export function fitWarningHeadline(w: Pick<FitWarning, 'code' | 'channel'>): string {
  const h = HEADLINES[w.code] as ((channel: string) => string) | undefined;
  // A code written by a newer version than this one: no headline, the message says it all.
  return h === undefined ? 'Check before trusting the figures' : h(w.channel ?? 'a channel');
}
