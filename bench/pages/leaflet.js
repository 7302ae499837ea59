// The Leaflet contender: Leaflet 1.9 + Leaflet.markercluster with chunkedLoading, the same events as markers,
// the same basemap shapes (src/geo/basemap.ts) as L.geoJSON layers (Leaflet's default SVG renderer), no tiles.
// Ready = every marker went through the cluster group and the frame after that was drawn.
// Everything is fetched after the start mark: library, plugin, their CSS, the basemap and the events.
import { loadBasemap } from '../../src/geo/basemap.ts';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import { US_BOUNDS, fail, feed, mapContainer, ready, start } from './harness.js';

start();
try {
  const [{ default: L }, data, basemap] = await Promise.all([
    import('leaflet'),
    fetch(feed).then((r) => r.json()),
    loadBasemap(),
    import('leaflet/dist/leaflet.css'),
    import('leaflet.markercluster/dist/MarkerCluster.css'),
    import('leaflet.markercluster/dist/MarkerCluster.Default.css'),
  ]);
  // The plugin extends the global L that Leaflet's UMD build sets.
  await import('leaflet.markercluster');
  // Leaflet finds its default marker images through its CSS, which a bundler breaks: point it at them (as Leaflet
  // pages built with Vite do). Small files, so Vite inlines them.
  L.Icon.Default.imagePath = '';
  L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });
  // No tile layer, so the map has no zoom range of its own; markercluster needs one. zoomSnap 0: fit the same box
  // as the MapLibre maps exactly (whole zoom levels would show a much wider area at this size).
  const map = L.map(mapContainer(), { attributionControl: false, minZoom: 1, maxZoom: 18, zoomSnap: 0 });
  let loaded = false;
  map.once('load', () => (loaded = true));
  map.fitBounds(US_BOUNDS.map(([lng, lat]) => [lat, lng]), { padding: [32, 32] });
  L.geoJSON(basemap.land, { style: { stroke: false, fillColor: '#f6f4ef', fillOpacity: 1 }, interactive: false }).addTo(map);
  L.geoJSON(basemap.countries, { style: { color: '#9aa3ab', weight: 0.8, fill: false }, interactive: false }).addTo(map);
  L.geoJSON(basemap.states, { style: { color: '#b9c0c6', weight: 0.6, fill: false }, interactive: false }).addTo(map);
  map.getContainer().style.background = '#dfe8ef';

  const markers = data.features.map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { title: f.properties.title }));
  const done = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (!loaded) return fail('Leaflet never loaded');
        ready();
        // Counted after the ready mark: the markers the group holds, clustered or not.
        window.__bench.mapEvents = group.getLayers().length;
      }),
    );
  const group = L.markerClusterGroup({
    chunkedLoading: true,
    // Also called for the group's own (empty) batch when it is added to the map: wait for the markers' batch.
    chunkProgress: (processed, total) => {
      if (total === markers.length && processed === total) done();
    },
  });
  map.addLayer(group);
  group.addLayers(markers);
} catch (e) {
  fail(e);
}
