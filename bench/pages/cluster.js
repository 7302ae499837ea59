// Map settings and layers of the plain MapLibre page, copied from <event-map>
// (src/elements/event-map/map-view.ts), so that the comparison measures the wrapper, not a different map: update
// them here when the element's change.
//   source: cluster, clusterRadius 50, clusterMaxZoom 12, added on the map's `load` as MapLibre's cluster example
//   does (the element puts it in its first style, with the points it has by then)
//   basemap: one GeoJSON source holding land, the borders between US states and between countries
//   map: minZoom 1, maxZoom 14, renderWorldCopies false, fadeDuration 0, no rotation, bounds padded 32 px
//   layers: background, land fill, state and country lines; cluster circles, point circles (exact / approximate,
//   two layers), a "selected" ring
// What the element does on top (its cost is what the comparison shows): theme colours read from CSS, and one
// focusable <button> over the canvas per cluster (with its count) and per single place, built at idle.

/** GeoJSON source options for the events. */
export const CLUSTER = { cluster: true, clusterRadius: 50, clusterMaxZoom: 12 };

export const MAP_OPTIONS = {
  minZoom: 1,
  maxZoom: 14,
  renderWorldCopies: false,
  fadeDuration: 0,
  dragRotate: false,
  pitchWithRotate: false,
  touchPitch: false,
  attributionControl: false,
  fitBoundsOptions: { padding: 32, maxZoom: 11 },
};

const ACCENT = '#1f5fbf';
const SURFACE = '#ffffff';

/** The basemap's one source, from loadBasemap()'s result (src/geo/basemap.ts). */
export function basemapSource(basemap) {
  const features = [...basemap.land.features, ...basemap.stateBorders.features, ...basemap.countries.features];
  return { type: 'geojson', data: { type: 'FeatureCollection', features } };
}

export function basemapLayers() {
  const kind = (k) => ['==', ['get', 'kind'], k];
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': '#d6e0f0' } },
    { id: 'land', type: 'fill', source: 'basemap', filter: kind('land'), paint: { 'fill-color': '#f6f6f7' } },
    { id: 'states', type: 'line', source: 'basemap', filter: kind('state-border'), paint: { 'line-color': '#bdbfc4', 'line-width': 0.7 } },
    {
      id: 'countries',
      type: 'line',
      source: 'basemap',
      filter: kind('country-border'),
      paint: { 'line-color': '#7b7f8a', 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.8, 8, 1.6] },
    },
  ];
}

export function eventLayers() {
  return [
    {
      id: 'clusters',
      type: 'circle',
      source: 'events',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ACCENT,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 17, 100, 21, 1000, 26],
        'circle-stroke-color': SURFACE,
        'circle-stroke-width': 2,
      },
    },
    // Exact places as dots, approximate ones as rings: two layers with fixed paint, as the element draws them (one
    // WebGL program shared with the rings; data-driven paint would compile another, costly without a GPU).
    ...[false, true].map((approximate) => ({
      id: approximate ? 'points-approximate' : 'points',
      type: 'circle',
      source: 'events',
      filter: ['all', ['!', ['has', 'point_count']], [approximate ? '==' : '!=', ['get', 'a'], 1]],
      paint: {
        'circle-color': approximate ? SURFACE : ACCENT,
        'circle-radius': 7,
        'circle-stroke-color': approximate ? ACCENT : SURFACE,
        'circle-stroke-width': approximate ? 3 : 2,
      },
    })),
    {
      id: 'selected',
      type: 'circle',
      source: 'selected',
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 13, 'circle-stroke-color': '#1b1d22', 'circle-stroke-width': 3 },
    },
  ];
}
