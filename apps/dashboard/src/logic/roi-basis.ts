import type { RoiLabel } from '@mixwise/charts';

/**
 * Why the executive page's blended return and the simulator's Media ROI differ at current spend: the
 * first is historical (media-attributed KPI over the modelling window ÷ the spend over it, every
 * period's own spend and carryover); the second is the steady-state return of one period's spend held
 * level, read off the response curves. One sentence for each place, naming the other.
 */

/**
 * The hint under the executive page's Blended ROAS (or Blended CPA) card.
 * @param label the card's label ('Blended ROAS' or 'Blended CPA')
 * @param period the word for one period, e.g. 'week'
 * @param roiName what the simulator calls KPI ÷ spend (roiLabel: 'ROI', or 'KPI per spend' for a count KPI)
 * @example blendedNote('Blended ROAS', 'week') // 'historical: attributed over the modelling window ÷ its spend. The simulator\'s Media ROI is the steady-state return of current weekly spend on the response curves, so it differs.'
 */
export function blendedNote(label: string, period: string, roiName: RoiLabel = 'ROI'): string {
  const what = label === 'Blended CPA' ? 'spend over the modelling window ÷ the KPI media drove in it' : 'attributed over the modelling window ÷ its spend';
  return `historical: ${what}. The simulator's Media ${roiName} is the steady-state return of current ${periodly(period)} spend on the response curves, so it differs.`;
}

/**
 * The hint under the simulator's Media ROI (for a count KPI, Media KPI per spend) card.
 * @param kpi the KPI's name
 * @param period the word for one period, e.g. 'week'
 * @param blendedLabel the executive page's card for the same run ('Blended ROAS' or 'Blended CPA')
 * @example mediaRoiNote('revenue', 'week', 'Blended ROAS') // 'steady state: media revenue per unit of this weekly spend held level, on the response curves; the executive Blended ROAS is historical (over the modelling window), so it differs.'
 */
export function mediaRoiNote(kpi: string, period: string, blendedLabel: string): string {
  return `steady state: media ${kpi} per unit of this ${periodly(period)} spend held level, on the response curves; the executive ${blendedLabel} is historical (over the modelling window), so it differs.`;
}

/** 'week' → 'weekly', 'day' → 'daily', 'month' → 'monthly'; other words as '<word>ly'. */
function periodly(period: string): string {
  return period === 'day' ? 'daily' : `${period}ly`;
}
