/**
 * The bundled place list: US cities and towns (with Puerto Rico) and UK cities, from the city-timezones package
 * (see NOTICE). About 12 KB gzip, so it is loaded with `import()` only when a search is not answered by the feed's
 * own places or when a private address needs its town's centre.
 */
import { PLACE_STEP, UK_PLACES, US_PLACES } from './data/places.js';
import { countryCode, isRegionName, normalizeName, qualifierMatches, usStateCode } from './regions.js';
import type { LngLat, PlaceResult } from './types.js';

interface Place {
  name: string;
  region: string;
  country: 'US' | 'GB';
  center: LngLat;
  population: number;
}

let index: Map<string, Place[]> | undefined;

function read(text: string, country: 'US' | 'GB', into: Map<string, Place[]>): void {
  for (const line of text.split('\n')) {
    const [name, region, lat, lng, population] = line.split('\t');
    if (!name) continue;
    const center: LngLat = [Number(lng) / PLACE_STEP, Number(lat) / PLACE_STEP];
    const place: Place = { name, region, country, center, population: Number(population) };
    const key = normalizeName(name);
    const list = into.get(key);
    if (list) list.push(place);
    else into.set(key, [place]);
  }
}

function places(): Map<string, Place[]> {
  if (!index) {
    index = new Map();
    read(US_PLACES, 'US', index);
    read(UK_PLACES, 'GB', index);
    for (const list of index.values()) list.sort((a, b) => b.population - a.population);
  }
  return index;
}

function label(p: Place): string {
  return p.country === 'US' ? `${p.name}, ${p.region}` : `${p.name}, UK`;
}

/**
 * Finds a place by name (case, accents and "St."/"Saint" do not matter), optionally narrowed by a region (US state
 * code or name, UK county; also accepts a country name such as "UK") and a country (code or name). When several
 * places share the name, the most populous wins. Null when the list has no such place.
 */
export function findPlaceSync(name: string, region?: string, country?: string): PlaceResult | null {
  const list = places().get(normalizeName(name));
  if (!list) return null;
  const cc = countryCode(country);
  // A US state code as region implies the US, whatever country text came with it.
  const state = usStateCode(region);
  const fits = (p: Place) => !cc || cc === p.country || (!!state && p.country === 'US');
  let found = list.find((p) => fits(p) && (!region || qualifierMatches(region, p.region, p.country)));
  // UK counties are named many ways ("Greater Manchester", "Manchester"): for a place said to be in the UK, a
  // region the list does not know does not rule it out.
  if (!found && region && cc === 'GB' && !isRegionName(region)) found = list.find(fits);
  return found ? { label: label(found), center: [...found.center], kind: 'place' } : null;
}

/** Async form of findPlaceSync, for callers that load this module lazily. */
export async function findPlace(name: string, region?: string, country?: string): Promise<PlaceResult | null> {
  return findPlaceSync(name, region, country);
}
