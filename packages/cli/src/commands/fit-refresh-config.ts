import type { ChannelSpec, ModelingTable, ModelSpec } from '@mixwise/engine';
import { configSpec, type ConfigRun, type TableRoles } from '@mixwise/data';

// `fit --refresh PREV_RUN --config FILE`: precedence flag > config > previous run > default. The
// functions here put the config over what the refresh inherits; flags go over both in fit.ts and runFit.

/**
 * The inherited roles with those the config gives in their place: its target, date, channels (when
 * listed), controls (when it lists any: a config without `controls:` reads as none given, so the
 * previous run's are kept; --no-auto-controls drops them) with their signs, events, organic media,
 * target kind and holidays. What it leaves out stays inherited.
 * @param inherited refreshRoles' roles of the previous run
 * @param config the config's roles (configToRun)
 * @example configOverInherited({ target: 'revenue', controls: ['price'] }, { target: 'revenue', controls: [] }).controls // ['price']
 */
export function configOverInherited(inherited: TableRoles, config: TableRoles): TableRoles {
  const controls = (config.controls?.length ?? 0) > 0;
  const given = Object.entries(config).filter(([key, value]) => value !== undefined && key !== 'controls' && key !== 'controlSigns');
  return {
    ...inherited,
    ...Object.fromEntries(given),
    ...(controls ? { controls: config.controls, controlSigns: config.controlSigns } : {}),
  } as TableRoles;
}

/**
 * The spec of a refresh with a config: configSpec's settings where the config gives them, the
 * refresh's elsewhere. Per channel: the config's adstock family (the channel's, else model.adstock) with
 * its own adstock bounds, else the inherited family with its narrowed bounds; the same for saturation;
 * max lag and media likewise. Seasonality, trend changepoints and ROI prior: the config's when given,
 * else inherited. Window, holdout, lift tests, search settings and method are the config's (a refresh
 * inherits none of them).
 * @param run the config (configToRun)
 * @param table the new modeling table
 * @param refreshed refreshSpec's spec (inherited, narrowed)
 * @returns the Partial<ModelSpec> runFit takes as configSpec (flags still override it)
 * @example configOverRefresh(run, table, refreshed).seasonalityOrder // the config's model.seasonality, else the previous run's
 */
export function configOverRefresh(run: ConfigRun, table: ModelingTable, refreshed: Partial<ModelSpec>): Partial<ModelSpec> {
  const base = configSpec(run, table);
  const m = run.model;
  const channels = (base.channels ?? []).map((c): ChannelSpec => {
    const r = refreshed.channels?.find((x) => x.name === c.name);
    if (r === undefined) return c;
    const own = run.channels.find((x) => x.name === c.name);
    const adstock = own?.adstock !== undefined || m.adstock !== undefined || own?.bounds?.adstock !== undefined;
    const saturation = own?.saturation !== undefined || m.saturation !== undefined || own?.bounds?.saturation !== undefined;
    const bounds = { ...pick(adstock ? c.bounds : r.bounds, 'adstock'), ...pick(saturation ? c.bounds : r.bounds, 'saturation') };
    const media = own?.media !== undefined || m.media !== undefined ? c.media : r.media;
    return {
      name: c.name,
      adstock: adstock ? c.adstock : r.adstock,
      maxLag: own?.maxLag !== undefined || m.maxLag !== undefined ? c.maxLag : r.maxLag,
      saturation: saturation ? c.saturation : r.saturation,
      ...(media === undefined ? {} : { media }),
      ...(Object.keys(bounds).length > 0 ? { bounds } : {}),
    };
  });
  const roiPrior = m.roiPrior !== undefined ? m.roiPrior : refreshed.search?.roiPrior;
  return {
    ...base,
    channels,
    ...(refreshed.organic === undefined ? {} : { organic: refreshed.organic }),
    ...(m.seasonality === undefined && refreshed.seasonalityOrder !== undefined ? { seasonalityOrder: refreshed.seasonalityOrder } : {}),
    ...(m.changepoints === undefined && refreshed.trend !== undefined ? { trend: refreshed.trend } : {}),
    search: { ...base.search, ...(roiPrior === undefined ? {} : { roiPrior }) } as ModelSpec['search'],
  };
}

/** The part of a channel's bounds for one family, if any. */
function pick(bounds: ChannelSpec['bounds'], part: 'adstock' | 'saturation'): ChannelSpec['bounds'] {
  const b = bounds?.[part];
  return b === undefined ? {} : { [part]: b };
}
