// Builds the benchmark pages of `npm run bench:map` (scripts/bench-map.mjs, which gives each run an output folder
// of its own under bench/.build/): a plain MapLibre page, a Leaflet + Leaflet.markercluster page and the page that
// mounts <event-map> from its CDN bundle.
// A normal production app build, as a site would ship these pages. Every page gets, first thing in <head>, a
// classic inline script that records long tasks from the very start (a module would run too late).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

const INSTRUMENT = `
window.__bench = { t0: null, first: null, listed: null, ready: null, longtasks: [] };
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
} catch (e) { window.__bench.noLongtasks = true; }
window.__benchDone = new Promise((resolve) => {
  window.__benchReady = (result) => setTimeout(() => resolve(JSON.parse(JSON.stringify(result))), 150);
});
`;

/** @returns {import('vite').Plugin} */
function instrument() {
  return {
    name: 'bench-instrument',
    transformIndexHtml: () => [{ tag: 'script', children: INSTRUMENT, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: `${here}pages`,
  base: '/pages/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [instrument()],
  build: {
    outDir: `${here}.build/pages`,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Quiet: the bench's own output is the table.
      checks: { pluginTimings: false },
      input: {
        maplibre: `${here}pages/maplibre.html`,
        leaflet: `${here}pages/leaflet.html`,
        element: `${here}pages/element.html`,
      },
    },
  },
});
