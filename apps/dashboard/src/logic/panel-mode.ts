import type { CleaningChoice, RolesInput } from '@mixwise/contracts';

/** What a fit does with the Panel column: add the geos up into one national series, or fit the geo-level model. */
export type PanelMode = 'sum' | 'geo';

/**
 * The default: add the geos up. It is what a panel file always got, works with every option (Bayesian
 * method, organic media, every cleaning tick) and with a panel by product as
 * well as by geo; the geo-level model (stage 1: ridge, on spend or exposure) is the user's informed choice.
 */
export const DEFAULT_PANEL_MODE: PanelMode = 'sum';

/** The two choices as the form words them. */
export const PANEL_MODE_LABELS: Readonly<Record<PanelMode, { label: string; detail: string }>> = {
  sum: { label: 'Add the geos up (one national model)', detail: 'the rows of each date are summed into one national series; every option works' },
  geo: {
    label: 'Model each geo (geo-level model)',
    detail: 'fits every geo\'s series at once with shared media curves, which usually pins media effects down better; every geo needs a row for every date; '
      + 'ridge only for now (no Bayesian method or organic media), on spend or exposure; lift tests may name their geos; slower',
  },
};

/** Cleaning ticks the geo-level model takes: only sorting, which reorders rows; the others change values of the geos' sum, not of each geo. */
const GEO_CLEANING: ReadonlySet<CleaningChoice> = new Set(['sort_dates']);

/**
 * The roles with the panel mode: `panelMode` only when a column has the Panel role (the API refuses 'geo' without one).
 * @example withPanelMode({ ...roles, panel: 'region' }, 'geo').panelMode // 'geo'
 */
export function withPanelMode(roles: RolesInput, mode: PanelMode): RolesInput {
  const { panelMode: _drop, ...rest } = roles;
  return rest.panel === undefined ? rest : { ...rest, panelMode: mode };
}

/** Whether a cleaning tick can go with this panel mode (the geo-level model takes sorting only). */
export function cleaningAllowed(choice: CleaningChoice, mode: PanelMode | null): boolean {
  return mode !== 'geo' || GEO_CLEANING.has(choice);
}

/**
 * The cleaning ticks kept when the mode changes: those the new mode cannot take are unticked (the form
 * says why), so switching to the geo-level model never leaves a tick the server would refuse.
 * @example keptCleaning(['sort_dates', 'fill_gaps'], 'geo') // ['sort_dates']
 */
export function keptCleaning(cleaning: readonly CleaningChoice[], mode: PanelMode | null): CleaningChoice[] {
  return cleaning.filter((c) => cleaningAllowed(c, mode));
}

/**
 * What the Train form must not offer with the geo-level model, in plain words (empty otherwise): the
 * options stage 1 refuses, so the user changes them before Train rather than after a refusal.
 * @param mode the panel mode (null without a Panel column)
 * @param options the form's method and organic columns (media on exposure is fitted per geo; lift tests may name their geos)
 * @example geoModeConflicts('geo', { method: 'bayes', organic: [] }) // ['The geo-level model fits with the ridge method only: choose "Ridge search" or add the geos up.']
 */
export function geoModeConflicts(mode: PanelMode | null, options: { method: 'ridge' | 'bayes'; organic: readonly string[] }): string[] {
  if (mode !== 'geo') return [];
  const out: string[] = [];
  if (options.method === 'bayes') out.push('The geo-level model fits with the ridge method only: choose "Ridge search" or add the geos up.');
  if (options.organic.length > 0) out.push(`The geo-level model does not take organic media yet (${options.organic.join(', ')}): set them to Ignore or add the geos up.`);
  return out;
}
