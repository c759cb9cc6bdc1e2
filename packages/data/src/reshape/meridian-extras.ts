import type { Issue } from '../issue.ts';
import { queryModel, runModel, type Datamart } from '../datamart/datamart.ts';

/** A column of a Meridian geo file kept beyond paid media, controls and the KPI, and its national name. */
export interface MeridianExtraColumn {
  /** The column in the geo file. */
  column: string;
  /** The column of the national table. */
  name: string;
  /** Organic media (impressions without spend, summed over geos) or a non-media treatment (weighted mean). */
  kind: 'organic' | 'treatment';
}

/** The extra columns of a Meridian geo file: those kept, their national values, and those left out. */
export interface MeridianExtras {
  kept: MeridianExtraColumn[];
  /** National value per `date|name`. */
  values: Map<string, number>;
  /** One SOURCE_COLUMN_LEFT_OUT warning per column left out, saying why. */
  issues: Issue[];
}

/** Columns readMeridianGeo reads itself: the layout's fixed names, paid media spend, controls. */
const KNOWN = new Set(['_line', 'geo', 'time', 'population', 'conversions', 'revenue_per_conversion']);

/**
 * Sorts the columns of a Meridian geo file that the paid-media roll-up does not read (Meridian's
 * organic media, non-media treatments and reach & frequency; docs/datamart.md) and stages those that
 * can be kept: an `<X>_impression` column without `<X>_spend` is organic media, kept as national
 * impressions (summed over geos) named `<X>` (`organic_<X>` unless X already says organic); any other
 * column whose every cell is a finite number (Promo) is a non-media treatment, kept under its name as
 * the population-weighted mean over geos. Reach and frequency columns and columns with text or empty
 * cells are left out, each with a warning naming it and why. Runs after stageMeridianGeo.
 * @param dm the datamart holding stg_meridian_geo_raw
 * @param header the geo file's columns (as DuckDB read them)
 * @param file the file name for the warnings
 * @returns the kept columns, their national values and the warnings
 * @example (await stageMeridianExtras(dm, header, 'geo_all_channels.csv')).kept.map((k) => k.name) // ['Organic_channel0', 'Promo']
 */
export async function stageMeridianExtras(dm: Datamart, header: readonly string[], file: string): Promise<MeridianExtras> {
  const issues: Issue[] = [];
  const leftOut = (column: string, why: string, hint: string): void => {
    issues.push({ code: 'SOURCE_COLUMN_LEFT_OUT', severity: 'warning', message: `left out of the modeling table: ${why}`, hint, at: { file, column } });
  };
  const kept: MeridianExtraColumn[] = [];
  const candidates: string[] = [];
  for (const column of header) {
    // DuckDB names an unnamed header cell column0…: the row index pandas writes, not data.
    if (KNOWN.has(column) || /^column\d+$/.test(column) || /_(spend|control)$/.test(column)) continue;
    const base = column.replace(/_impression$/, '');
    if (base !== column) {
      if (!header.includes(`${base}_spend`)) kept.push({ column, name: /organic/i.test(base) ? base : `organic_${base}`, kind: 'organic' });
      continue;
    }
    if (/_(reach|frequency)$/.test(column)) {
      leftOut(column, 'reach and frequency are not modeled; the channel enters through its spend (and impressions when the file has them)',
        'nothing to do; to model the channel on exposure, give it an <Channel>_impression column (reach × frequency)');
      continue;
    }
    candidates.push(column);
  }
  if (candidates.length > 0) {
    const bad = await queryModel(dm, 'stg_meridian_geo_extras_check', { columns: namesRegex(candidates) });
    for (const column of candidates) {
      const b = bad.find((r) => r.column_name === column);
      if (b === undefined) {
        kept.push({ column, name: column, kind: 'treatment' });
        continue;
      }
      leftOut(column, `${Number(b.bad)} cell${Number(b.bad) === 1 ? ' is' : 's are'} empty or not a number (first on line ${Number(b.line)}: "${String(b.value)}"), so it cannot be a non-media treatment`,
        'fill in every cell with a number to keep it as a control (population-weighted mean over geos), or remove the column');
    }
  }
  const values = new Map<string, number>();
  if (kept.length > 0) {
    await runModel(dm, 'int_meridian_geo_extras', { columns: namesRegex(kept.map((k) => k.column)) });
    const organic = kept.filter((k) => k.kind === 'organic').map((k) => k.column);
    const rows = await queryModel(dm, 'mart_meridian_extras_select', { summed: organic.length === 0 ? '^$' : namesRegex(organic) });
    const nameOf = new Map(kept.map((k) => [k.column, k.name]));
    for (const r of rows) values.set(`${String(r.date)}|${nameOf.get(String(r.name)) ?? String(r.name)}`, Number(r.value));
  }
  return { kept, values, issues };
}

/** A regular expression matching exactly these column names. */
function namesRegex(names: readonly string[]): string {
  return `^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}
