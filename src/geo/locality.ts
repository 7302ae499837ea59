/**
 * Where to show an event whose address is private: the centre of its ZIP code or town from Turnout's own tables,
 * never its real coordinates moved a little (rounding or jitter would still point near the home). Works in
 * browsers and in Node (the feed tool uses it to snap private addresses); the tables load on first use.
 */
import type { EventLocation } from '../feed/types.js';
import { countryCode } from './regions.js';
import type { LngLat } from './types.js';

const US_ZIP = /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/;

/**
 * The public centre for a location: the centroid of its US ZIP code (postalCode, when the country is the US or
 * not given), else the centre of its town (locality + region + country) from the bundled US/UK list, else null.
 * The location's own lat/lng are never read.
 */
export async function localityCentre(location: EventLocation): Promise<LngLat | null> {
  if (!location) return null;
  const country = countryCode(location.country);
  const usLike = !country || country === 'US';
  const zip = usLike && typeof location.postalCode === 'string' ? US_ZIP.exec(location.postalCode) : null;
  if (zip) {
    const { lookupZip } = await import('./zip.js');
    const centre = await lookupZip(zip[1]);
    if (centre) return centre;
  }
  if (typeof location.locality === 'string' && location.locality.trim()) {
    const { findPlace } = await import('./places.js');
    const place = await findPlace(
      location.locality,
      typeof location.region === 'string' ? location.region : undefined,
      typeof location.country === 'string' ? location.country : undefined,
    );
    if (place) return place.center;
  }
  return null;
}
