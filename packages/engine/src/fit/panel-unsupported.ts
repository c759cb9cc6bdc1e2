// What a geo-level model does not take yet (stage 1: the ridge method, media on spend or exposure), as data: checkPanelSupport
// refuses a fit with them, and the API names them before a run starts; the rules live here only.

/** A feature the geo-level model does not support yet. */
export type PanelUnsupportedFeature = 'bayes' | 'organic';

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
}

/**
 * The features a geo-level fit is asked for that it does not support yet, in a fixed order (the
 * Bayesian method, organic media), each with the names it concerns. Empty when the fit can go ahead
 * (lift tests are supported: a test may name the geos it ran in; media on exposure are fitted per geo).
 * @param asked the method and organic media asked for
 * @example panelUnsupported({ method: 'bayes', organic: ['newsletter'] }) // [{ feature: 'bayes', names: [] }, { feature: 'organic', names: ['newsletter'] }]
 */
export function panelUnsupported(asked: PanelFitAsked): PanelUnsupported[] {
  const out: PanelUnsupported[] = [];
  if (asked.method === 'bayes') out.push({ feature: 'bayes', names: [] });
  const organic = asked.organic ?? [];
  if (organic.length > 0) out.push({ feature: 'organic', names: [...organic] });
  return out;
}
