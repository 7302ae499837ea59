/**
 * "Search near me" without a third-party service: a US ZIP code (offline table, loaded only for ZIP queries), a
 * place named in the feed itself, a place from the bundled list (lazy), and only then the embedder's geocoder.
 * This module makes no network request of its own; the only loads are the bundle's own lazy chunks.
 */
import type { TurnoutEvent } from '../feed/types.js';
import { boundsOf } from './distance.js';
import { qualifierMatches, normalizeName, readPlaceQuery, usStateCode } from './regions.js';
import type { Bounds, Geocoder, LngLat, PlaceResult } from './types.js';

export interface ResolvePlaceOptions {
  /** The feed's events: places they name are found first, at the middle of those events. */
  events?: readonly TurnoutEvent[];
  locale?: string;
  /** Embedder-supplied geocoder, asked last. */
  geocoder?: Geocoder;
  signal?: AbortSignal;
}

const ZIP = /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/;

/** True for a US ZIP code: five digits, or ZIP+4 ("60614-1234"). */
export function isZipQuery(q: string): boolean {
  return ZIP.test(q);
}

interface Group {
  label: string;
  region?: string;
  country?: string;
  points: LngLat[];
  count: number;
}

/** The feed's own locality that the query names, or null. */
function fromFeed(events: readonly TurnoutEvent[], name: string, qualifiers: string[]): Group | null {
  const key = normalizeName(name);
  if (!key) return null;
  const groups = new Map<string, Group>();
  for (const event of events) {
    const loc = event?.location;
    if (typeof loc?.locality !== 'string' || normalizeName(loc.locality) !== key) continue;
    if (!qualifiers.every((q) => qualifierMatches(q, loc.region, loc.country))) continue;
    const id = `${usStateCode(loc.region) ?? normalizeName(loc.region ?? '')}|${normalizeName(loc.country ?? '')}`;
    let group = groups.get(id);
    if (!group) {
      const region = typeof loc.region === 'string' ? loc.region.trim() : '';
      const label = region ? `${loc.locality.trim()}, ${region}` : loc.locality.trim();
      group = { label, region: loc.region, country: loc.country, points: [], count: 0 };
      groups.set(id, group);
    }
    group.count++;
    // Only public venues count: an approximate position may be a feed's rounding of a private address.
    const { lat, lng } = loc;
    if (loc.precision === 'exact' && Number.isFinite(lat) && Number.isFinite(lng)) group.points.push([lng!, lat!]);
  }
  // Same-named places: the one with public venues, then the one with more events.
  let best: Group | null = null;
  for (const g of groups.values()) {
    const placed = g.points.length > 0;
    const bestPlaced = !!best && best.points.length > 0;
    if (!best || (placed && !bestPlaced) || (placed === bestPlaced && g.count > best.count)) best = g;
  }
  return best;
}

/** A copy of a [lng, lat] pair from outside code when it is a real position, else null. */
function validPoint(p: unknown): LngLat | null {
  if (!Array.isArray(p)) return null;
  const [lng, lat] = p;
  return typeof lng === 'number' && typeof lat === 'number' && Math.abs(lng) <= 180 && Math.abs(lat) <= 90
    ? [lng, lat]
    : null;
}

function centroid(points: LngLat[]): LngLat {
  let x = 0;
  let y = 0;
  for (const [lng, lat] of points) {
    x += lng;
    y += lat;
  }
  return [x / points.length, y / points.length];
}

/**
 * Turns what a visitor typed into a place: ZIP code -> offline centroid table; place name -> the feed's own
 * localities (middle of their public venues; a place with only private addresses gets its centre from the list),
 * then the bundled US/UK place list; then the embedder's geocoder when given;
 * else null. Rejects with the signal's reason when aborted.
 */
export async function resolvePlace(query: string, options: ResolvePlaceOptions = {}): Promise<PlaceResult | null> {
  const { events = [], locale, geocoder, signal } = options;
  const text = String(query ?? '').trim();
  signal?.throwIfAborted();
  if (!text) return null;

  const zip = ZIP.exec(text);
  if (zip) {
    const { lookupZip } = await import('./zip.js');
    signal?.throwIfAborted();
    const center = await lookupZip(zip[1]);
    if (center) return { label: zip[1], center, kind: 'zip' };
  } else {
    const readings = readPlaceQuery(text);
    for (const { name, qualifiers } of readings) {
      const group = fromFeed(events, name, qualifiers);
      if (!group) continue;
      if (group.points.length) {
        const bounds = group.points.length > 1 ? boundsOf(group.points) : null;
        return { label: group.label, center: centroid(group.points), kind: 'place', ...(bounds ? { bounds } : {}) };
      }
      // The feed names the place but has no public venue there: the town's centre from the list.
      const { findPlace } = await import('./places.js');
      signal?.throwIfAborted();
      const place = await findPlace(name, group.region, group.country);
      if (place) return { ...place, label: group.label };
    }
    const { findPlace } = await import('./places.js');
    signal?.throwIfAborted();
    for (const { name, qualifiers } of readings) {
      const place = await findPlace(name, qualifiers[0], qualifiers[1]);
      if (place) return place;
    }
  }

  if (geocoder) {
    const found = await geocoder(text, { locale, signal });
    signal?.throwIfAborted();
    const center = found && validPoint(found.center);
    if (center) {
      const b = found.bounds;
      const bounds =
        Array.isArray(b) && validPoint([b[0], b[1]]) && validPoint([b[2], b[3]]) && b[0] <= b[2] && b[1] <= b[3]
          ? ([b[0], b[1], b[2], b[3]] as Bounds)
          : undefined;
      return { label: String(found.label ?? text), center, kind: 'geocoder', ...(bounds ? { bounds } : {}) };
    }
  }
  return null;
}
