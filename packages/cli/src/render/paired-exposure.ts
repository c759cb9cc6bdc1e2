import type { ChannelColumn } from '@mixwise/engine';
import { exposureColumns } from '@mixwise/data';

/**
 * The note `fit --media exposure` prints without a config: which exposure column each channel was
 * paired with (found by name, as `mixwise init` pairs them), and which channels found none and stay
 * on spend (one whose exposure column is used as a control is said so). Empty when none was paired: the fit then refuses with the fix.
 * @example pairedExposureNote([{ name: 'tv', exposureColumn: 'tv_impressions', … }, { name: 'search', … }])
 * // 'media exposure: tv ← tv_impressions; on spend (no exposure column named for it, e.g. search_impressions; or map one in a config): search\n'
 */
export function pairedExposureNote(channels: readonly (Pick<ChannelColumn, 'name' | 'exposureColumn'> & { column?: string })[], controls: readonly string[] = []): string {
  const paired = channels.filter((c) => c.exposureColumn !== undefined);
  if (paired.length === 0) return '';
  const onSpend = channels.filter((c) => c.exposureColumn === undefined);
  // A column named for the channel but given as a control is not free to pair: say so rather than suggest its name.
  const control = (c: { name: string; column?: string }): string | undefined => exposureColumns(controls, c.name, c.column ?? `${c.name}_spend`)[0];
  const asControl = onSpend.filter((c) => control(c) !== undefined);
  const unnamed = onSpend.filter((c) => control(c) === undefined).map((c) => c.name);
  const parts = [
    ...asControl.map((c) => `${c.name} on spend (${control(c) ?? ''} is used as a control)`),
    ...(unnamed.length === 0 ? [] : [`on spend (no exposure column named for ${unnamed.length === 1 ? 'it' : 'them'}, e.g. ${unnamed[0]}_impressions; or map one in a config): ${unnamed.join(', ')}`]),
  ];
  return `media exposure: ${paired.map((c) => `${c.name} ← ${c.exposureColumn ?? ''}`).join(', ')}${parts.map((p) => `; ${p}`).join('')}\n`;
}
