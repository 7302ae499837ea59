/**
 * Distances for "events near me": great-circle distance, the unit a visitor expects, and its display.
 * Tiny and free of data on purpose: it sits in the map's entry.
 */
import type { Bounds, LngLat } from './types.js';

const EARTH_RADIUS_KM = 6371.0088; // mean radius
const KM_PER_MILE = 1.609344;

/** Great-circle distance in kilometres (haversine formula). */
export function distanceKm(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Where road signs and everyday talk use miles: the US and its territories, the UK and its Crown Dependencies,
// Liberia and Myanmar. Everywhere else: kilometres.
const MILE_REGIONS = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'GB', 'IM', 'JE', 'GG', 'LR', 'MM']);

function regionOf(locale: string | undefined): string | undefined {
  try {
    const tag = locale?.trim().replace(/_/g, '-') || new Intl.NumberFormat().resolvedOptions().locale;
    // A bare language takes its most likely region: "en" -> US, "fr" -> FR, "es" -> ES.
    return new Intl.Locale(tag).maximize().region;
  } catch {
    return undefined;
  }
}

/**
 * 'mile' or 'kilometer' for a locale, decided by its region (the region the language implies when none is given):
 * miles for the US (and its territories), the UK (and Crown Dependencies), Liberia and Myanmar; kilometres
 * elsewhere and for a locale that cannot be read. No locale: the runtime's default locale.
 */
export function preferredDistanceUnit(locale?: string): 'mile' | 'kilometer' {
  const region = regionOf(locale);
  return region && MILE_REGIONS.has(region) ? 'mile' : 'kilometer';
}

/**
 * "3.2 mi", "12 km", "1,250 km": one decimal under 10, whole numbers above, in the locale's format. Empty for a
 * distance that is not a number.
 */
export function formatDistance(
  km: number,
  unit: 'mile' | 'kilometer',
  locale?: string,
  /** Makes the number format; elements pass the one from shared/locale.ts, which knows Somali and Haitian Creole. */
  make: (locale: string | undefined, options: Intl.NumberFormatOptions) => { format(n: number): string } = (l, o) =>
    new Intl.NumberFormat(l, o),
): string {
  if (!Number.isFinite(km)) return '';
  const value = unit === 'mile' ? km / KM_PER_MILE : km;
  const options: Intl.NumberFormatOptions = {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0,
  };
  try {
    return make(locale, options).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, options).format(value);
  }
}

/** The smallest box holding every point (no antimeridian handling), or null for no points. */
export function boundsOf(points: LngLat[]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng, lat] of points) {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return west <= east ? [west, south, east, north] : null;
}
