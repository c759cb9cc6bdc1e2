import type { DiagnosticsResult, GeoSplitNow, MmmModel, MoneyFormat, SummaryResult } from '@mixwise/engine';

/**
 * The parts of optimization.json (written by `mixwise optimize`) the report reads. Declared here
 * structurally, because the report sits below the CLI and cannot import its types.
 */
export interface ReportOptimization {
  readonly kpi?: string;
  readonly mode?: 'steady-state' | 'plan';
  /** Recommended total spend: per period (steady state) or over `periods` periods (plan). */
  readonly budget: number;
  readonly current_budget: number;
  readonly periods?: number;
  readonly allocation: readonly {
    readonly channel: string;
    readonly current: number;
    readonly recommended: number;
    readonly change?: number;
    readonly change_share?: number | null;
    /** The bound that holds the channel (steady state; absent in older files: read off `binding`). */
    readonly bound?: 'free' | 'at-lower' | 'at-upper' | 'locked';
    /** The planner's marginal ROI at current spend, steady state on its curves (absent in older files and plans). */
    readonly mroi_current?: number | null;
    /** The sustained spend levels the fitted data cover [low, high] per period (a sparse channel's: its bursts' levels). */
    readonly data_range?: readonly [number, number];
    /** Set for a channel that spent in too few fitted periods: how many, of how many, and why it counts. */
    readonly sparse_data?: { readonly periods_with_spend: number; readonly fitted_periods: number; readonly reason: 'few' | 'launched' };
  }[];
  readonly expected: {
    readonly current: number;
    readonly recommended: number;
    readonly lift: number;
    readonly lift_share?: number | null;
    readonly lift_interval?: readonly [number, number];
    /** A plan's KPI inside its periods and the carry-out after them (their sum is the expected KPI); absent in older files. */
    readonly window?: { readonly current: number; readonly recommended: number; readonly lift: number };
    readonly carry_out?: { readonly current: number; readonly recommended: number; readonly lift: number };
  };
  /** What binds ('budget', then 'tv: locked', 'search: upper bound', …), as mixwise optimize writes it. */
  readonly binding?: readonly string[];
  /** The optimizer's own sentence, if it wrote one. */
  readonly recommendation?: string;
  /**
   * How many bootstrap replicates (or posterior draws) the lift interval covers, and whether the
   * figures are on their mean curves ('expected') or the point estimate (optimization.json's `uncertainty`).
   */
  readonly uncertainty?: { readonly replicates: number; readonly objective?: 'point' | 'expected'; readonly source?: 'bootstrap' | 'posterior' } | null;
  /** Where the averaged curves and the point curves disagree materially at current spend: both figures and why (absent otherwise and in older files). */
  readonly basis_note?: string;
  /** The last periods of the modeling window whose mean spend is "current" (--reference-periods; absent in older files). */
  readonly reference_periods?: number;
  /** Periods of the modeling window the optimization saw (absent in older files: the model's window). */
  readonly window_periods?: number;
  /** A plan's assumption about spend after it. */
  readonly plan?: { readonly after_plan?: 'current' | 'dark' };
  /** What was asked: a budget (null: the current one) or a target (optimization.json's `objective`). */
  readonly objective?: { readonly type: 'budget' | 'target-kpi' | 'target-roi' | 'target-mroi'; readonly value: number | null };
  /** 'up-to' when the budget was a ceiling (--up-to). */
  readonly budget_mode?: 'exact' | 'up-to';
  /**
   * A geo-level model's current spend at today's split across geos against the split by KPI share, or by
   * the size column's share `size_column` (engine GeoSplitNow, whose `sizeColumn` the file writes
   * `size_column`; absent for a national model and in older files).
   */
  readonly geo_split_now?: Omit<GeoSplitNow, 'sizeColumn'> & { readonly size_column?: string };
}

/** geo.json of a run built from sources with geos (the @mixwise/contracts GeoBreakdown, declared structurally). */
export interface ReportGeo {
  readonly level: 'country' | 'geo';
  readonly kpi: string;
  readonly window?: { readonly start: string; readonly end: string };
  readonly rows: readonly {
    readonly geo: string;
    readonly region?: string;
    readonly kpi: number;
    readonly pipeline?: number;
    readonly spend?: number;
  }[];
}

/** Everything a report is made from: a fitted run. diagnostics are recomputed from the model when absent. */
export interface ReportRun {
  readonly model: MmmModel;
  readonly summary: SummaryResult;
  readonly diagnostics?: DiagnosticsResult;
  readonly optimization?: ReportOptimization;
  /** KPI by geography (geo.json): adds the geography section. */
  readonly geo?: ReportGeo;
}

/** Knobs of renderReport. */
export interface ReportOptions {
  /** Page title (default "Mixwise report — <KPI>"). */
  readonly title?: string;
  /** A line shown under the title, e.g. runSubtitle's run name, day and data file (default none). Not a local path: reports are shared. */
  readonly subtitle?: string;
  /** Chart size in px (default 760 × 340). */
  readonly chartWidth?: number;
  readonly chartHeight?: number;
  /** Currency and/or locale of the amounts (report --currency/--locale), each replacing the model's (MmmModel.money); default the model's. */
  readonly money?: MoneyFormat;
}
