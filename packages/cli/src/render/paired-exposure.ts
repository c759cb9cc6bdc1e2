import type { ChannelColumn } from '@mixwise/engine';

/**
 * The note `fit --media exposure` prints without a config: which exposure column each channel was
 * paired with (found by name, as `mixwise init` pairs them), and which channels found none and stay
 * on spend. Empty when none was paired: the fit then refuses with the fix.
 * @example pairedExposureNote([{ name: 'tv', exposureColumn: 'tv_impressions', … }, { name: 'search', … }])
 * // 'media exposure: tv ← tv_impressions; on spend (no exposure column named for it, e.g. search_impressions; or map one in a config): search\n'
 */
export function pairedExposureNote(channels: readonly Pick<ChannelColumn, 'name' | 'exposureColumn'>[]): string {
  const paired = channels.filter((c) => c.exposureColumn !== undefined);
  if (paired.length === 0) return '';
  const spend = channels.filter((c) => c.exposureColumn === undefined).map((c) => c.name);
  const rest = spend.length === 0 ? '' : `; on spend (no exposure column named for ${spend.length === 1 ? 'it' : 'them'}, e.g. ${spend[0]}_impressions; or map one in a config): ${spend.join(', ')}`;
  return `media exposure: ${paired.map((c) => `${c.name} ← ${c.exposureColumn ?? ''}`).join(', ')}${rest}\n`;
}
