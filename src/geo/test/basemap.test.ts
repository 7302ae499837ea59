import { expect } from '@open-wc/testing';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { BASEMAP_ATTRIBUTION, loadBasemap } from '../basemap.js';
import type { LngLat } from '../types.js';

/** Even-odd point in polygon over all rings of a (Multi)Polygon. */
function inside(point: LngLat, geometry: Polygon | MultiPolygon): boolean {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.some((rings) => {
    let odd = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) odd = !odd;
      }
    }
    return odd;
  });
}

const area = (ring: Position[]) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
};

const STATE_NAMES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas',
  'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
];

describe('geo/basemap', () => {
  it('decodes into valid GeoJSON collections', async () => {
    const t0 = performance.now();
    const map = await loadBasemap();
    console.log(`basemap load + decode: ${(performance.now() - t0).toFixed(0)} ms`);
    for (const key of ['land', 'countries', 'states', 'stateBorders'] as const) {
      expect(map[key].type, key).to.equal('FeatureCollection');
      expect(map[key].features.length, key).to.be.greaterThan(0);
      for (const f of map[key].features as Feature[]) {
        expect(f.type).to.equal('Feature');
        const g = f.geometry;
        if (g.type === 'MultiLineString') {
          for (const line of g.coordinates) {
            expect(line.length).to.be.at.least(2);
            for (const [x, y] of line) {
              expect(Number.isFinite(x) && Number.isFinite(y) && Math.abs(y) <= 90).to.equal(true);
            }
          }
        } else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
          const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
          for (const rings of polys) {
            rings.forEach((ring, i) => {
              expect(ring.length).to.be.at.least(4);
              expect(ring[0]).to.deep.equal(ring.at(-1));
              // RFC 7946: outer rings counter-clockwise, holes clockwise.
              expect(area(ring) > 0, `ring ${i} winding`).to.equal(i === 0);
              // Longitudes stay continuous: no edge jumps across the whole world.
              for (let k = 1; k < ring.length; k++) expect(Math.abs(ring[k][0] - ring[k - 1][0])).to.be.below(180);
            });
          }
        } else {
          expect.fail(`unexpected geometry ${g.type} in ${key}`);
        }
      }
    }
    expect(map.land.features[0].geometry.type).to.equal('MultiPolygon');
    expect(map.countries.features[0].geometry.type).to.equal('MultiLineString');
    expect(map.stateBorders.features[0].geometry.type).to.equal('MultiLineString');
  });

  it('has all 50 states, DC and Puerto Rico, each named once', async () => {
    const { states } = await loadBasemap();
    const names = states.features.map((f) => f.properties!.name as string);
    expect(new Set(names).size).to.equal(names.length);
    for (const name of [...STATE_NAMES, 'District of Columbia', 'Puerto Rico']) expect(names, name).to.include(name);
    expect(states.features.find((f) => f.properties!.name === 'Minnesota')!.id).to.equal(27);
  });

  it('puts cities in the right state and lakes and seas outside the land', async () => {
    const { land, states } = await loadBasemap();
    const state = (name: string) => states.features.find((f) => f.properties!.name === name)!.geometry;
    const landGeometry = land.features[0].geometry;
    const cities: [string, LngLat][] = [
      ['Minnesota', [-93.265, 44.978]],
      ['Illinois', [-87.68, 41.88]],
      ['California', [-118.24, 34.05]],
      ['Texas', [-97.74, 30.27]],
      ['New York', [-73.95, 40.73]],
      ['Alaska', [-149.9, 61.22]],
      ['Hawaii', [-157.86, 21.31]],
      ['Puerto Rico', [-66.1, 18.4]],
      ['District of Columbia', [-77.03, 38.9]],
    ];
    for (const [name, point] of cities) {
      expect(inside(point, state(name)), name).to.equal(true);
      expect(inside(point, landGeometry), `${name} on land`).to.equal(true);
    }
    expect(inside([-87.68, 41.88], state('Indiana'))).to.equal(false);
    // Lake Michigan, the Gulf of Mexico, the Atlantic and the North Sea are water.
    for (const water of [[-87.0, 43.5], [-90, 26], [-40, 35], [3, 56]] as LngLat[]) {
      expect(inside(water, landGeometry), String(water)).to.equal(false);
      expect(states.features.some((f) => inside(water, f.geometry)), String(water)).to.equal(false);
    }
    // The UK, Ireland, Canada, Mexico and Europe are land.
    const lands: LngLat[] = [
      [-0.13, 51.5], // London
      [-3.19, 55.95], // Edinburgh
      [-6.26, 53.35], // Dublin
      [-79.38, 43.65], // Toronto
      [-99.13, 19.43], // Mexico City
      [2.35, 48.86], // Paris
    ];
    for (const place of lands) {
      expect(inside(place, landGeometry), String(place)).to.equal(true);
    }
  });

  it('draws country borders where they are and state borders inside the US only', async () => {
    const { countries, stateBorders } = await loadBasemap();
    // Distance from p to the nearest segment of any line, in a flat approximation around p (km).
    const k = (p: LngLat) => Math.cos((p[1] * Math.PI) / 180);
    const segment = (p: LngLat, a: Position, b: Position) => {
      const [ax, ay, bx, by] = [(a[0] - p[0]) * k(p), a[1] - p[1], (b[0] - p[0]) * k(p), b[1] - p[1]];
      const len = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = len ? Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / len)) : 0;
      return Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)) * 111.32;
    };
    const near = (lines: Position[][], p: LngLat, km: number) =>
      lines.some((l) => l.some((a, i) => i > 0 && segment(p, l[i - 1], a) < km));
    const borders = countries.features[0].geometry.coordinates;
    expect(near(borders, [-97.0, 49.0], 5), 'US-Canada').to.equal(true);
    expect(near(borders, [-106.49, 31.76], 10), 'US-Mexico at El Paso').to.equal(true);
    expect(near(borders, [-7.25, 54.2], 30), 'Ireland-Northern Ireland').to.equal(true);
    expect(near(borders, [-96, 39], 300), 'none in Kansas').to.equal(false);
    const stateLines = stateBorders.features[0].geometry.coordinates;
    for (const l of stateLines) {
      for (const [x, y] of l) expect(x > -125 && x < -66 && y > 24 && y < 50, `${x},${y}`).to.equal(true);
    }
    expect(near(stateLines, [-102.05, 39], 3), 'Kansas-Colorado').to.equal(true);
  });

  it('returns the same decoded objects to every caller and credits its sources', async () => {
    expect(await loadBasemap()).to.equal(await loadBasemap());
    expect(BASEMAP_ATTRIBUTION).to.contain('Natural Earth');
    expect(BASEMAP_ATTRIBUTION).to.contain('Census');
  });
});
