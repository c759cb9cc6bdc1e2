/**
 * A transform spec (adstock or saturation) as short text: the type, then its numeric parameters
 * with 3 significant digits, in the spec's own key order.
 * @param spec e.g. { type: 'hill', halfSaturation: 0.86, shape: 3 }
 * @example specText({ type: 'geometric', alpha: 0.5 }) // 'geometric (alpha 0.500)'
 */
export function specText<S extends { readonly type: string }>(spec: S): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(spec) as [string, unknown][]) if (k !== 'type' && typeof v === 'number') parts.push(`${k} ${v.toPrecision(3)}`);
  return parts.length > 0 ? `${spec.type} (${parts.join(', ')})` : spec.type;
}
