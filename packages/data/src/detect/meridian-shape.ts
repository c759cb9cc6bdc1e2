import { basename } from 'node:path';

/**
 * Whether a header has Google Meridian's geo layout, the one `sources: { meridian: … }` reads
 * (readMeridianGeo): columns geo, time, population and conversions, and at least one channel with both
 * `<Channel>_impression` and `<Channel>_spend` (revenue_per_conversion is optional there, as in
 * Meridian). Such a file can be given to a config as a source instead of as `data:` plus sum_panel.
 * @param header the file's column names
 * @example isMeridianShaped(['geo', 'time', 'TV_impression', 'TV_spend', 'conversions', 'revenue_per_conversion', 'population']) // true
 */
export function isMeridianShaped(header: readonly string[]): boolean {
  const has = new Set(header);
  return ['geo', 'time', 'population', 'conversions'].every((c) => has.has(c))
    && header.some((h) => h.endsWith('_spend') && has.has(`${h.slice(0, -'_spend'.length)}_impression`));
}

/**
 * The sentence that names the `sources: { meridian: … }` path for a file in Meridian's geo layout,
 * for the PANEL_DATA hint and `mixwise init`: that config reads the file as it is and rolls it up
 * itself, and also gives the per-geo breakdown (geo.json).
 * @param file the file as the user named it (its base name is shown)
 * @example meridianSourcesText('data/geo_media.csv') // 'the file has Google Meridian\'s geo layout: "sources: { meridian: geo_media.csv }" in mixwise.yaml …'
 */
export function meridianSourcesText(file: string): string {
  return `the file has Google Meridian's geo layout (geo, time, population, <Channel>_impression and _spend, conversions[, revenue_per_conversion]): `
    + `"sources: { meridian: ${basename(file)} }" in mixwise.yaml, in place of data:, reads it as it is, rolls it up to national `
    + '(controls weighted by population, revenue = conversions × revenue_per_conversion) and adds the KPI by geo to the run (docs/config.md, sources)';
}
