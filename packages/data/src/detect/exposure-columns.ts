import { EXPOSURE_PREFIX_OF, spendMarker } from './spend-naming.ts';
import { EXPOSURE_SUFFIXES } from './candidate-controls.ts';

/**
 * Exposure columns of a channel, best first: `<name>_<suffix>` and `<suffix>_<name>` for each of
 * EXPOSURE_SUFFIXES, the impressions prefix that pairs with the spend column's prefix (`mdsp_tv` ↔
 * `mdip_tv`), and Robyn's `<name>_I` or `<name>_clicks_P` (any suffix + `_P`) beside `<name>_S`. Shared by `init` (detectConfig) and
 * `fit --media exposure` without a config (pairedExposure), so both pair the same columns.
 * @example exposureColumns(['Channel0_spend', 'Channel0_impression'], 'Channel0', 'Channel0_spend') // ['Channel0_impression']
 */
export function exposureColumns(header: readonly string[], name: string, spendColumn: string): string[] {
  const key = name.toLowerCase();
  const marker = spendMarker(spendColumn);
  const paired = marker?.at === 'start' ? EXPOSURE_PREFIX_OF[marker.marker.toLowerCase()] : undefined;
  const wanted = [
    ...EXPOSURE_SUFFIXES.flatMap((s) => [`${key}_${s}`, `${s}_${key}`]),
    ...(paired === undefined ? [] : [`${paired}_${key}`]),
  ];
  const found = wanted.flatMap((w) => header.filter((h) => h.toLowerCase() === w));
  if (marker?.marker === 'S') {
    // Robyn names spend `<ch>_S`, impressions `<ch>_I` and other exposure `<ch>_<kind>_P` (search_clicks_P).
    const robyn = [`${key}_i`, ...EXPOSURE_SUFFIXES.map((s) => `${key}_${s}_p`)];
    found.push(...robyn.flatMap((w) => header.filter((h) => h.toLowerCase() === w)));
  }
  return [...new Set(found)].filter((h) => h !== spendColumn);
}
