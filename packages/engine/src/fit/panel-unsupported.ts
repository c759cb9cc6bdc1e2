// What a geo-level model does not take yet (stage 1: the ridge method on spend), as data: checkPanelSupport
// refuses a fit with them, and the API names them before a run starts; the rules live here only.

/** A feature the geo-level model does not support yet. */
export type PanelUnsupportedFeature = 'bayes' | 'organic' | 'exposure';

/** One unsupported feature a fit asks for, with the names it concerns (channels; none for the method or a run-wide setting). */
export interface PanelUnsupported {
  readonly feature: PanelUnsupportedFeature;
  readonly names: readonly string[];
}

/** What a geo-level fit is asked for, as far as the rules need it. */
export interface PanelFitAsked {
  /** The fitting method ('ridge', 'bayes', …). */
  readonly method?: string;
  /** The organic media given. */
  readonly organic?: readonly string[];
  /** The channels modelled on exposure, or true for every channel (a run-wide setting). */
  readonly exposure?: readonly string[] | boolean;
}

/**
 * The features a geo-level fit is asked for that it does not support yet, in a fixed order (the
 * Bayesian method, organic media, media on exposure), each with the names it concerns. Empty when the
 * fit can go ahead (lift tests are supported: a test may name the geos it ran in).
 * @param asked the method, organic media and exposure channels asked for
 * @example panelUnsupported({ method: 'bayes', organic: ['newsletter'] }) // [{ feature: 'bayes', names: [] }, { feature: 'organic', names: ['newsletter'] }]
 */
export function panelUnsupported(asked: PanelFitAsked): PanelUnsupported[] {
  const out: PanelUnsupported[] = [];
  if (asked.method === 'bayes') out.push({ feature: 'bayes', names: [] });
  const organic = asked.organic ?? [];
  if (organic.length > 0) out.push({ feature: 'organic', names: [...organic] });
  const exposure = asked.exposure ?? [];
  if (exposure === true || (Array.isArray(exposure) && exposure.length > 0)) out.push({ feature: 'exposure', names: exposure === true ? [] : [...exposure] });
  return out;
}
