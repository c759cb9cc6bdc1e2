import type { HolidayCalendar } from '../calendar/holiday-calendar.ts';
import type { PanelColumns } from './panel.ts';

/**
 * The clean, aligned input every model is fitted on: one row per period, columns by role.
 * All series have length nTimes and are in the data's own units. Producing it (reading files,
 * validating, cleaning, reshaping) is the data layer's job; the engine only consumes it.
 */
export interface ModelingTable {
  /** ISO dates (yyyy-mm-dd), strictly increasing, one per period; shape [nTimes]. */
  readonly dates: readonly string[];
  readonly frequency: Frequency;
  /** The KPI being explained (revenue, pipeline, orders…). */
  readonly target: TargetColumn;
  /** Paid media: spend per period, optionally an exposure series (impressions, clicks). */
  readonly channels: readonly ChannelColumn[];
  /** Continuous or binary context variables with an expected sign (price, competitor sales…). */
  readonly controls: readonly ControlColumn[];
  /** 0/1 (or 0..1) dummies for holidays, promotions and one-off events; sign free. */
  readonly events: readonly EventColumn[];
  /**
   * Organic media: exposure without spend (newsletter sends, organic impressions, PR mentions). They
   * carry over and saturate like paid media and are measured against zero exposure, but have no ROI.
   */
  readonly organic?: readonly OrganicColumn[];
  /** The built-in holidays added to `events` and the week label they were placed with; absent without them. */
  readonly holidayCalendar?: HolidayCalendar;
  /**
   * Set for a geo panel (spec/panel.ts): the per-geo series whose aggregates are this table's target,
   * spend and controls. The fit then models every geo (a geo-level model); absent: one national series.
   */
  readonly panel?: PanelColumns;
}

export type Frequency = 'weekly' | 'daily';

export interface TargetColumn {
  readonly name: string;
  /** 'revenue' gives ROI in KPI per unit of spend; 'count' (orders, leads) also reports CPA. */
  readonly kind: 'revenue' | 'count';
  readonly values: Float64Array;
}

export interface ChannelColumn {
  /** Channel name: the spend column without its `_spend` suffix. */
  readonly name: string;
  /** The source column, for messages and exports. */
  readonly column: string;
  readonly spend: Float64Array;
  /** Exposure per period (impressions, clicks, GRPs), ≥ 0; what the model uses with ChannelSpec.media 'exposure'. */
  readonly exposure?: Float64Array;
  /** The exposure's source column, for messages and model.json. */
  readonly exposureColumn?: string;
}

/** An organic media series: exposure per period, ≥ 0, in its own units. */
export interface OrganicColumn {
  readonly name: string;
  /** The source column, for messages and exports. */
  readonly column: string;
  readonly values: Float64Array;
}

export type Sign = 'positive' | 'negative' | 'free';

export interface ControlColumn {
  readonly name: string;
  /**
   * The data column when it differs from the name (a config's `controls: - { name, column }`); absent:
   * the name is the column. Recorded in model.json so that a refresh finds the column again.
   */
  readonly column?: string;
  readonly values: Float64Array;
  readonly sign: Sign;
}

export interface EventColumn {
  readonly name: string;
  readonly values: Float64Array;
  /**
   * Ids of the built-in holidays the event marks (holidayEvents: one holiday, the holidays merged into
   * it, a holiday set, or holidays that fell on a file's own event column); absent for other events.
   */
  readonly holidays?: readonly string[];
}
