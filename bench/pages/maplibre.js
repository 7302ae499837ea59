// The plain MapLibre contender: what a developer writes by hand, following MapLibre's own cluster example, with
// the library build the element uses (maplibre-gl 5.24.1, dist/maplibre-gl.js: one file, its worker inside), the
// same basemap (src/geo/basemap.ts), and the element's map and cluster settings (cluster.js). No list, no
// buttons over the map. Everything is fetched after the start mark: library, CSS, basemap, events. As in that
// example, the source gets the GeoJSON's URL, so MapLibre's worker fetches and parses the events off the main
// thread: the best a page without a list can do, and the baseline the element's map is held to.
import { loadBasemap } from '../../src/geo/basemap.ts';
import { CLUSTER, MAP_OPTIONS, basemapLayers, basemapSource, eventLayers } from './cluster.js';
import { US_BOUNDS, fail, feed, mapContainer, ready, start } from './harness.js';

start();
try {
  const [{ default: maplibregl }, , basemap] = await Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl.css'),
    loadBasemap(),
  ]);
  const map = new maplibregl.Map({
    ...MAP_OPTIONS,
    container: mapContainer(),
    bounds: US_BOUNDS,
    style: {
      version: 8,
      sources: { basemap: basemapSource(basemap) },
      layers: basemapLayers(),
    },
  });
  map.on('load', () => {
    map.addSource('events', { type: 'geojson', data: new URL(feed, location.href).href, ...CLUSTER });
    map.addSource('selected', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    for (const layer of eventLayers()) map.addLayer(layer);
    map.once('idle', () => {
      ready();
      // Counted after the ready mark: the events drawn, clusters counted by their size (all are in view).
      let drawn = 0;
      for (const f of map.queryRenderedFeatures({ layers: ['clusters', 'points', 'points-approximate'] })) drawn += f.properties.point_count ?? 1;
      window.__bench.mapEvents = drawn;
    });
  });
  map.on('error', (e) => fail(e.error ?? e));
} catch (e) {
  fail(e);
}
