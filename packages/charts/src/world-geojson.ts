import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import type { registerMap } from 'echarts';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import { ISO_3166_ALPHA2_TO_NUMERIC } from './iso-3166-1.ts';

export { ISO_3166_ALPHA2_TO_NUMERIC };

/** Name under which the world shapes are registered with ECharts (series `map: 'world'`). */
export const WORLD_MAP = 'world';

/** Properties of a world-atlas country: its Natural Earth name (`id` is the ISO 3166-1 numeric code). */
export interface CountryProperties {
  name: string;
}

/** ISO 3166-1 numeric code of Antarctica: left off the map (it would take a fifth of the height and has no customers). */
const ANTARCTICA = '010';

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;

/**
 * The world's countries as GeoJSON (Natural Earth 1:110m via the world-atlas package's TopoJSON,
 * converted with topojson-client `feature`), Antarctica left out. Each feature's `id` is the ISO 3166-1
 * numeric code (text, e.g. '840') and `properties.name` the country's name, which ECharts matches
 * against a map series' data names. Bundled: nothing is fetched at run time.
 */
export const WORLD_GEOJSON: FeatureCollection<Geometry, CountryProperties> = (() => {
  const all = feature(topology, topology.objects.countries);
  return { type: 'FeatureCollection', features: all.features.filter((f) => f.id !== ANTARCTICA).map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })) };
})();

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji: a step of more than 180° of longitude
 * between two points) are drawn on a flat map as a stripe across the whole world. In such a ring,
 * longitudes below 0 are moved east by 360°, so the shape continues past 180° instead.
 */
function unwrapGeometry(g: Geometry): Geometry {
  const ring = (r: number[][]): number[][] => {
    const crosses = r.some((p, i) => i > 0 && Math.abs(p[0] - r[i - 1][0]) > 180);
    return crosses ? r.map((p) => (p[0] < 0 ? [p[0] + 360, ...p.slice(1)] : p)) : r;
  };
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(ring) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((poly) => poly.map(ring)) };
  return g;
}

/** Country name on the map by ISO 3166-1 numeric code (only countries that have a shape). */
const NAME_BY_NUMERIC: ReadonlyMap<string, string> = new Map(
  WORLD_GEOJSON.features.filter((f) => f.id !== undefined).map((f) => [String(f.id), f.properties.name]),
);

/**
 * The map name of a country given by its ISO 3166-1 alpha-2 code, or undefined when the code is not
 * an ISO code or the country has no shape at 1:110m (small states such as Singapore).
 * @param code alpha-2 code, any case (surrounding spaces ignored)
 * @example worldMapName('US') // 'United States of America'
 * @example worldMapName('SG') // undefined (no shape at this scale)
 */
export function worldMapName(code: string): string | undefined {
  const numeric = ISO_3166_ALPHA2_TO_NUMERIC[code.trim().toUpperCase()];
  return numeric === undefined ? undefined : NAME_BY_NUMERIC.get(numeric);
}

/**
 * Registers the world shapes with an ECharts module (the full `echarts` or `echarts/core`) under the
 * name 'world', so geoMap's country choropleth can draw. Call it once per ECharts module (dashboard
 * and report); registering again replaces the same shapes.
 * @param echarts the module, or anything with its registerMap
 * @example registerWorldMap(echarts); echarts.getMap('world') !== undefined // true
 */
export function registerWorldMap(echarts: { registerMap: typeof registerMap }): void {
  echarts.registerMap(WORLD_MAP, WORLD_GEOJSON as unknown as Parameters<typeof registerMap>[1]);
}
