/** Shared types of the geographic layer (no DOM, no runtime code). */

/** A position as GeoJSON orders it: longitude first. */
export type LngLat = [lng: number, lat: number];

/** A box as GeoJSON and MapLibre order it. */
export type Bounds = [west: number, south: number, east: number, north: number];

/** What a search for a place found. */
export interface PlaceResult {
  /** Human-readable name of what was found, e.g. "60614" or "Chicago, IL". */
  label: string;
  center: LngLat;
  /** Where the answer came from: ZIP table, place list / feed localities, the embedder's geocoder, or the device. */
  kind: 'zip' | 'place' | 'geocoder' | 'location';
  bounds?: Bounds;
}

/** A geocoder an embedder may supply. Turnout never calls a third-party geocoder on its own. */
export type Geocoder = (
  query: string,
  options: { locale?: string; signal?: AbortSignal },
) => Promise<{ label: string; center: LngLat; bounds?: Bounds } | null>;
