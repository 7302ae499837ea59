/**
 * The offline basemap: land, country borders and US states as GeoJSON, decoded from the compact tables that
 * scripts/make-basemap.mjs writes to src/geo/data/basemap.ts (Natural Earth 1:50m and US Census 1:10m, simplified:
 * about 18 KB gzip). The table is a separate chunk, loaded by the first loadBasemap() call.
 *
 * Known simplification: outside the US, Natural Earth's land has no lakes, so the Canadian halves of the Great
 * Lakes are drawn as land (the US halves and Lake Michigan come from the Census data and are water).
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { numberReader } from './codec.js';

/**
 * Credit for the basemap's data, as its publishers ask (both are public domain; Natural Earth asks for
 * "Made with Natural Earth", the Census Bureau for its name as the source). Plain text.
 */
export const BASEMAP_ATTRIBUTION = 'Made with Natural Earth · U.S. Census Bureau';

export interface Basemap {
  /** One MultiPolygon feature: all land (`properties.kind` 'land'). Fill it. */
  land: FeatureCollection<MultiPolygon>;
  /** One MultiLineString feature: borders between countries, on land (`kind` 'country-border'). */
  countries: FeatureCollection<MultiLineString>;
  /**
   * One feature per US state, DC, Puerto Rico and the US Virgin Islands (53; the Pacific territories are too small
   * to keep at this scale), `properties.name` (e.g. "Minnesota"), `properties.fips` (e.g. "27"), numeric `id` (the
   * FIPS code). Outlines include coasts.
   */
  states: FeatureCollection<Polygon | MultiPolygon>;
  /** One MultiLineString feature: only the borders between states (`kind` 'state-border'). Nicer to stroke. */
  stateBorders: FeatureCollection<MultiLineString>;
}

type Reader = ReturnType<typeof numberReader>;

let loading: Promise<Basemap> | undefined;

/**
 * Loads and decodes the basemap (once per page; later calls get the same objects: treat them as read-only).
 */
export function loadBasemap(): Promise<Basemap> {
  loading ??= import('./data/basemap.js').then(decodeBasemap);
  // A failed load (a chunk that did not arrive) may be retried by a later call.
  loading.catch(() => (loading = undefined));
  return loading;
}

function decodeBasemap(data: typeof import('./data/basemap.js')): Basemap {
  const { STEP, GRIDS } = data;
  // Arcs: per arc a header (point count * GRIDS.length + grid number), then each point as the change from the
  // previous one, in 1/STEP degree at the arc's ends and in grid units for the points in between.
  const r = numberReader(data.ARCS);
  const arcs: Position[][] = [];
  let x = 0;
  let y = 0;
  for (let n = r.u(), i = 0; i < n; i++) {
    const header = r.u();
    const count = Math.floor(header / GRIDS.length);
    const grid = GRIDS[header % GRIDS.length];
    const arc: Position[] = [];
    for (let k = 0; k < count; k++) {
      const unit = k > 0 && k < count - 1 ? grid : 1;
      x += r.s() * unit;
      y += r.s() * unit;
      arc.push([x / STEP, y / STEP]);
    }
    arcs.push(arc);
  }

  // A line or ring: its arcs end to end (backwards for negative numbers), each junction once. Longitudes are kept
  // continuous, so a shape that crosses the antimeridian goes past ±180 instead of across the whole world.
  const line = (refs: number[]): Position[] => {
    const out: Position[] = [];
    for (const ref of refs) {
      const arc = ref < 0 ? arcs[~ref].slice().reverse() : arcs[ref];
      for (let k = out.length ? 1 : 0; k < arc.length; k++) {
        let [lng, lat] = arc[k];
        const before = out.length ? out[out.length - 1][0] : lng;
        while (lng - before > 180) lng -= 360;
        while (before - lng > 180) lng += 360;
        out.push([lng, lat]);
      }
    }
    return out;
  };
  const refs = (rd: Reader, state: { last: number }): number[] => {
    const list: number[] = [];
    for (let n = rd.u(); n > 0; n--) {
      const v = rd.u();
      const z = Math.floor(v / 2);
      state.last += z % 2 ? -(z + 1) / 2 : z / 2;
      list.push(v % 2 ? ~state.last : state.last);
    }
    return list;
  };
  // Polygons, with outer rings counter-clockwise and holes clockwise as RFC 7946 says.
  const polygons = (rd: Reader, state: { last: number }): Position[][][] => {
    const out: Position[][][] = [];
    for (let n = rd.u(); n > 0; n--) {
      const rings: Position[][] = [];
      for (let k = rd.u(); k > 0; k--) {
        const ring = line(refs(rd, state));
        if (ring.length < 4) continue;
        if (signedArea(ring) > 0 !== (rings.length === 0)) ring.reverse();
        rings.push(ring);
      }
      if (rings.length) out.push(rings);
    }
    return out;
  };
  const lines = (text: string): Position[][] => {
    const rd = numberReader(text);
    const state = { last: 0 };
    const out: Position[][] = [];
    for (let n = rd.u(); n > 0; n--) out.push(line(refs(rd, state)));
    return out;
  };

  const land = polygons(numberReader(data.LAND), { last: 0 });
  const names = data.STATE_NAMES.split('|');
  const fips = data.STATE_IDS.split('|');
  const rd = numberReader(data.STATES);
  const stateState = { last: 0 };
  const states: Feature<Polygon | MultiPolygon>[] = [];
  for (let n = rd.u(), i = 0; i < n; i++) {
    const polys = polygons(rd, stateState);
    if (!polys.length) continue;
    states.push({
      type: 'Feature',
      id: Number(fips[i]),
      properties: { name: names[i], fips: fips[i] },
      geometry:
        polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
    });
  }
  const collection = <G extends MultiPolygon | MultiLineString>(kind: string, geometry: G): FeatureCollection<G> => ({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { kind }, geometry }],
  });
  return {
    land: collection('land', { type: 'MultiPolygon', coordinates: land }),
    countries: collection('country-border', { type: 'MultiLineString', coordinates: lines(data.COUNTRY_LINES) }),
    states: { type: 'FeatureCollection', features: states },
    stateBorders: collection('state-border', { type: 'MultiLineString', coordinates: lines(data.STATE_LINES) }),
  };
}

/** Twice the signed area of a ring in degrees; positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}
