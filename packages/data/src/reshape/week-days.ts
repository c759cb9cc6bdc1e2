/** Day names accepted as week start, in DuckDB's dayofweek order (Sunday = 0). */
export const WEEK_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** A week start day. */
export type WeekDay = (typeof WEEK_DAYS)[number];
