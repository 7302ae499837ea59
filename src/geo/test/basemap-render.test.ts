// The basemap drawn by MapLibre itself (WebGL, SwiftShader in the test browser): land and water where they belong,
// and no shape smeared across the world at the antimeridian.
import { expect } from '@open-wc/testing';
import * as maplibreModule from 'maplibre-gl';
import { loadBasemap } from '../basemap.js';
import type { LngLat } from '../types.js';

type MapLibre = typeof maplibreModule;
// The package is a UMD script: served as is, it sets globalThis.maplibregl.
const maplibregl: MapLibre =
  (maplibreModule as unknown as { default?: MapLibre }).default ??
  (globalThis as unknown as { maplibregl?: MapLibre }).maplibregl ??
  (maplibreModule as unknown as MapLibre);

const LAND = [200, 40, 40];
const SEA = [40, 80, 200];

// One map for every view (WebGL start-up is the slow part on a software renderer); each test moves it.
let map: InstanceType<MapLibre['Map']> | undefined;
let container: HTMLElement | undefined;

async function draw(center: LngLat, zoom: number) {
  if (!map) {
    const basemap = await loadBasemap();
    container = document.createElement('div');
    container.style.cssText =
      'width: 320px; height: 240px; position: fixed; inset-block-start: 0; inset-inline-start: 0';
    document.body.append(container);
    const rgb = (c: number[]) => `rgb(${c.join(',')})`;
    map = new maplibregl.Map({
      container,
      center,
      zoom,
      fadeDuration: 0,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      style: {
        version: 8,
        sources: { land: { type: 'geojson', data: basemap.land } },
        layers: [
          { id: 'sea', type: 'background', paint: { 'background-color': rgb(SEA) } },
          { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': rgb(LAND), 'fill-antialias': false } },
        ],
      },
    });
  } else {
    map.jumpTo({ center, zoom });
  }
  const m = map;
  await new Promise((resolve, reject) => {
    // Says why when the map never settles (a hidden page gets no animation frames, so MapLibre never draws).
    const timer = setTimeout(
      () => reject(new Error(`map not idle after 50 s; page ${document.visibilityState}, loaded ${m.loaded()}`)),
      50000,
    );
    m.once('idle', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  const canvas = m.getCanvas();
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  const ratio = canvas.width / 320;
  return (lngLat: LngLat) => {
    // The same place nearest the centre (project() does not wrap around the world).
    let lng = lngLat[0];
    while (lng - m.getCenter().lng > 180) lng -= 360;
    while (m.getCenter().lng - lng > 180) lng += 360;
    const p = m.project([lng, lngLat[1]]);
    if (!(p.x >= 0 && p.x < 320 && p.y >= 0 && p.y < 240)) throw new Error(`${lngLat} is out of view`);
    const out = new Uint8Array(4);
    const [x, y] = [Math.round(p.x * ratio), canvas.height - Math.round(p.y * ratio) - 1];
    gl!.readPixels(x, y, 1, 1, gl!.RGBA, gl!.UNSIGNED_BYTE, out);
    return [out[0], out[1], out[2]];
  };
}

const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) < 12);

describe('geo/basemap drawn by MapLibre', function () {
  // A software WebGL renderer on a busy machine can be slow to start.
  this.timeout(60000);
  after(() => {
    map?.remove();
    container?.remove();
  });

  it('shows US land around Lake Michigan, and the lake as water, at zoom 4', async () => {
    const colorAt = await draw([-87.5, 42.5], 4);
    // Madison, the Chicago suburbs, Ann Arbor.
    for (const land of [[-89.4, 43.07], [-88.0, 41.6], [-83.74, 42.28]] as LngLat[]) {
      expect(near(colorAt(land), LAND), `land at ${land}: ${colorAt(land)}`).to.equal(true);
    }
    expect(near(colorAt([-87.0, 43.5]), SEA), `Lake Michigan: ${colorAt([-87.0, 43.5])}`).to.equal(true);
  });

  it('draws the Pacific around the antimeridian as sea, and the land on both sides', async () => {
    const colorAt = await draw([180, 35], 0.8);
    // Open Pacific on both sides of 180°, south of Russia and Alaska, whose shapes cross it.
    for (const sea of [[-170, 30], [175, 20], [-160, 45], [170, 0]] as LngLat[]) {
      expect(near(colorAt(sea), SEA), `sea at ${sea}: ${colorAt(sea)}`).to.equal(true);
    }
    // Eastern Siberia, inland Alaska, Honshu.
    for (const land of [[150, 62], [-150, 64], [140, 36]] as LngLat[]) {
      expect(near(colorAt(land), LAND), `land at ${land}: ${colorAt(land)}`).to.equal(true);
    }
  });

  it('keeps the northern seas clear of Russia and Wrangel Island, which cross the antimeridian', async () => {
    // A ring that jumped from +180 to -180 would be filled across the whole world.
    const colorAt = await draw([-15, 60], 1);
    // Norwegian Sea, Davis Strait, Irminger Sea, the open North Atlantic.
    for (const sea of [[5, 67.5], [-57.5, 67.5], [-30, 58], [-40, 50]] as LngLat[]) {
      expect(near(colorAt(sea), SEA), `sea at ${sea}: ${colorAt(sea)}`).to.equal(true);
    }
    // Sweden, Greenland.
    for (const land of [[15, 62], [-45, 72]] as LngLat[]) {
      expect(near(colorAt(land), LAND), `land at ${land}: ${colorAt(land)}`).to.equal(true);
    }
  });
});
