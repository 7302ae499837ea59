/**
 * Private addresses never leave the tool as an exact point. The feed layer already drops the venue, street and
 * coordinates of a private address; here every event whose place is known only by its town or ZIP (private
 * addresses, and places given only as a town) gets its locality's centre from the geo layer, or no point at all
 * when no centre is known.
 */
import type { TurnoutEvent } from '../feed/types.js';
import type { LngLat } from '../geo/types.js';
import { isAreaOnly } from './native.js';

export type CentreLookup = (location: TurnoutEvent['location']) => Promise<LngLat | null>;

export interface SnapResult {
  centres: Map<TurnoutEvent, LngLat | null>;
  /** Events placed at their locality's centre. */
  moved: number;
  /** Events left without a point (no centre known for their locality). */
  dropped: number;
  /** Why the lookup failed as a whole, when it did (each event then has no point). */
  lookupError?: string;
}

export async function snapToLocality(events: readonly TurnoutEvent[], lookup?: CentreLookup): Promise<SnapResult> {
  const centres = new Map<TurnoutEvent, LngLat | null>();
  const byPlace = new Map<string, Promise<LngLat | null>>();
  let lookupError: string | undefined;
  let find = lookup;
  if (!find) {
    try {
      find = (await import('../geo/locality.js')).localityCentre;
    } catch (e) {
      lookupError = `the locality table could not be loaded (${e instanceof Error ? e.message : String(e)})`;
    }
  }
  for (const event of events) {
    const l = event.location;
    if (!isAreaOnly(l)) continue;
    const key = [l.locality, l.region, l.postalCode, l.country].map((s) => (s ?? '').toLowerCase()).join('|');
    let centre = byPlace.get(key);
    if (!centre) {
      centre = find
        ? find(l).then(validCentre, (e: unknown) => {
            lookupError ??= e instanceof Error ? e.message : String(e);
            return null;
          })
        : Promise.resolve(null);
      byPlace.set(key, centre);
    }
    centres.set(event, await centre);
  }
  let moved = 0;
  for (const c of centres.values()) if (c) moved++;
  const result: SnapResult = { centres, moved, dropped: centres.size - moved };
  if (lookupError) result.lookupError = lookupError;
  return result;
}

function validCentre(c: LngLat | null): LngLat | null {
  if (!Array.isArray(c) || c.length !== 2) return null;
  const [lng, lat] = c;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  // Five decimals (about a metre) is more than a town's centre needs; rounding keeps files stable.
  return [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}
