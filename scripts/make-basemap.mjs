#!/usr/bin/env node
// Writes src/geo/data/basemap.ts: the offline basemap of <event-map> (land, country borders, US states), small
// enough to ship with the bundle (the issue asks for at most 30 KB gzip).
//
//   node scripts/make-basemap.mjs [--svg out.svg]     (also run by scripts/make-geo-data.mjs; deterministic)
//
// Sources (public domain data, ISC-licensed packages; see NOTICE):
//   world-atlas countries-50m  Natural Earth 1:50m admin-0 countries: land outside the US and country borders
//   us-atlas states-10m        US Census cartographic boundaries 1:10m: the US land (lakes cut out, unlike
//                              Natural Earth's land) and the states
//
// Steps: decode both topologies to degrees; keep the shared arcs (so a border simplified once fits both sides);
// drop islands too small to see at the zoom levels the map is used at; simplify each arc with Douglas-Peucker,
// finely in the US and the UK/Ireland, coarser nearby and coarsest far away; snap to a 1/100 degree grid; write the
// arcs and the geometries (as lists of arc numbers) with the number encoding of scripts/make-geo-data.mjs.
// src/geo/basemap.ts turns this back into GeoJSON.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mergeArcs, meshArcs } from 'topojson-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const readJson = (id) => JSON.parse(readFileSync(require.resolve(id), 'utf8'));

const STEP = 100; // grid: units per degree

// Tolerances in km by where a point lies, and the smallest island kept (km²).
const FOCUS = [
  [-125.5, 24, -66, 49.5], // contiguous US
  [-161, 18.5, -154, 22.5], // Hawaii
  [-68, 17.5, -64.5, 18.8], // Puerto Rico, US Virgin Islands
  [-11, 49.8, 2, 61], // UK and Ireland
];
const NEAR = [
  [-180, 51, -129, 72], // Alaska: few events, a long and ragged coast
  [-170, 7, -50, 60], // Canada's south, Mexico, Central America, Caribbean
  [-12, 35, 30, 62], // Europe
];
const env = (k, d) => (process.env[k] ? Number(process.env[k]) : d);
// Outside the US and the UK the map is context only: coarse there, so the whole basemap stays near 18 KB gzip
// (what the map downloads in all is held to 340 KB; see issue 3).
const TOLERANCE = { focus: env('TF', 2), near: env('TN', 20), far: env('TFAR', 120) };
const MIN_AREA = { focus: env('AF', 20), near: env('AN', 4000), far: env('AFAR', 80000) };

const inBox = ([x, y], [w, s, e, n]) => x >= w && x <= e && y >= s && y <= n;
const zoneOf = (p) => (FOCUS.some((b) => inBox(p, b)) ? 'focus' : NEAR.some((b) => inBox(p, b)) ? 'near' : 'far');

/** Arcs of a quantized topology in degrees. */
function arcsInDegrees(topo) {
  const { scale, translate } = topo.transform;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
  });
}

const KM_PER_DEG = 111.32;
/** Distance in km from p to segment a-b (local flat approximation). */
function segmentDistance(p, a, b) {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const ax = (a[0] - p[0]) * k;
  const ay = a[1] - p[1];
  const bx = (b[0] - p[0]) * k;
  const by = b[1] - p[1];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy) * KM_PER_DEG;
}

/** Douglas-Peucker where each point is held to the tolerance of its own zone. Keeps both ends. */
function simplify(points) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  // A closed arc (a whole island): split at the point farthest from its start first.
  if (points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]) {
    let far = 1;
    let best = -1;
    for (let i = 1; i < points.length - 1; i++) {
      const d = segmentDistance(points[i], points[0], points[0]);
      if (d > best) [best, far] = [d, i];
    }
    keep[far] = 1;
    stack[0] = [0, far];
    stack.push([far, points.length - 1]);
  }
  while (stack.length) {
    const [first, last] = stack.pop();
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const ratio = segmentDistance(points[i], points[first], points[last]) / TOLERANCE[zoneOf(points[i])];
      if (ratio > worst) [worst, index] = [ratio, i];
    }
    if (worst > 1) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const arcPoints = (arcs, ref) => (ref < 0 ? [...arcs[~ref]].reverse() : arcs[ref]);
function ringPoints(arcs, refs) {
  const out = [];
  for (const ref of refs) {
    const pts = arcPoints(arcs, ref);
    out.push(...(out.length ? pts.slice(1) : pts));
  }
  return out;
}
/** Area in km² of a ring in degrees (flat approximation at the ring's latitude; fine for a threshold). */
function ringArea(points) {
  let sum = 0;
  let lat = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    sum += (points[j][0] - points[i][0]) * (points[j][1] + points[i][1]);
    lat += points[i][1];
  }
  lat /= points.length;
  return Math.abs(sum / 2) * KM_PER_DEG * KM_PER_DEG * Math.cos((lat * Math.PI) / 180);
}

/** Drops polygons (and holes) too small for their zone. */
function dropSmall(arcs, polygons) {
  const big = (refs) => {
    const pts = ringPoints(arcs, refs);
    return ringArea(pts) >= MIN_AREA[zoneOf(pts[0])];
  };
  return polygons.filter((rings) => big(rings[0])).map((rings) => [rings[0], ...rings.slice(1).filter(big)]);
}

// ---------------------------------------------------------------------------------------------------------------

const world = readJson('world-atlas/countries-50m.json');
const us = readJson('us-atlas/states-10m.json');
const worldPkg = readJson('world-atlas/package.json');
const usPkg = readJson('us-atlas/package.json');

// The US and its territories come from the Census data; Natural Earth gives everything else.
const US_IDS = new Set(['840', '630', '316', '850', '016', '580']);
const ANTARCTICA = '010'; // no events there, and its ring around the pole needs special handling in Mercator
const foreign = world.objects.countries.geometries.filter(
  (g) => !US_IDS.has(String(g.id)) && String(g.id) !== ANTARCTICA,
);
const worldLand = mergeArcs(world, foreign).arcs;
const countryLines = meshArcs(world, world.objects.countries, (a, b) => a !== b).arcs;

const states = us.objects.states.geometries
  .filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon')
  .sort((a, b) => String(a.properties.name).localeCompare(String(b.properties.name)));
const statePolygons = (g) => (g.type === 'Polygon' ? [g.arcs] : g.arcs);
const usLand = us.objects.nation.geometries.flatMap(statePolygons);
const stateLines = meshArcs(us, us.objects.states, (a, b) => a !== b).arcs;

// One arc list: Natural Earth's arcs, then the Census arcs (refs shifted).
const worldArcs = arcsInDegrees(world);
const usArcs = arcsInDegrees(us);
const shift = (ref, n) => (ref < 0 ? ~(~ref + n) : ref + n);
const shiftPolys = (polys, n) => polys.map((rings) => rings.map((refs) => refs.map((r) => shift(r, n))));
let arcs = [...worldArcs, ...usArcs];
const N = worldArcs.length;

const layers = {
  land: dropSmall(arcs, [...worldLand, ...shiftPolys(usLand, N)]),
  countryLines: countryLines,
  stateLines: stateLines.map((line) => line.map((r) => shift(r, N))),
  states: states.map((g) => dropSmall(arcs, shiftPolys(statePolygons(g), N))),
};
// Country borders far from anything kept (on dropped islands) go too.
const keptArcs = new Set();
const collect = (refs) => refs.forEach((r) => keptArcs.add(r < 0 ? ~r : r));
layers.land.flat().forEach(collect);
layers.states.flat(2).forEach(collect);
layers.countryLines = layers.countryLines.filter((line) => {
  const pts = ringPoints(arcs, line);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  return (e - w) * (n - s) * KM_PER_DEG * KM_PER_DEG > MIN_AREA[zoneOf(pts[0])] / 10;
});
layers.countryLines.forEach(collect);
layers.stateLines.forEach(collect);

// Simplify and snap the arcs in use; renumber them in first-use order (nearby arcs get nearby numbers).
const order = new Map();
const number = (ref) => {
  const i = ref < 0 ? ~ref : ref;
  if (!order.has(i)) order.set(i, order.size);
  const n = order.get(i);
  return ref < 0 ? ~n : n;
};
const renumber = {
  land: layers.land.map((rings) => rings.map((refs) => refs.map(number))),
  countryLines: layers.countryLines.map((refs) => refs.map(number)),
  stateLines: layers.stateLines.map((refs) => refs.map(number)),
  states: layers.states.map((polys) => polys.map((rings) => rings.map((refs) => refs.map(number)))),
};
const outArcs = [...order.keys()].map((i) =>
  simplify(arcs[i])
    .map(([x, y]) => [Math.round(x * STEP), Math.round(y * STEP)])
    .filter((p, k, all) => k === 0 || p[0] !== all[k - 1][0] || p[1] !== all[k - 1][1]),
);
for (const a of outArcs) if (a.length < 2) a.push(a[0]);

// ---------------------------------------------------------------------------------------------------------------
// Encoding

function encodeUnsigned(n) {
  let s = '';
  while (n >= 32) {
    s += String.fromCharCode(63 + (32 | (n & 31)));
    n = Math.floor(n / 32);
  }
  return s + String.fromCharCode(63 + n);
}
const encodeSigned = (n) => encodeUnsigned(n < 0 ? -2 * n - 1 : 2 * n);

// Arcs: count; per arc its point count times 3 plus its grid number, then its points as changes from the previous
// point (across arcs).
// Points away from the focus areas are simplified so coarsely that a finer grid than 1/50 or 1/20 degree only
// costs bytes: an arc's inner points are snapped to the coarsest grid all of them allow, and their changes are
// written in that grid's units. Arc ends stay exact, since other arcs meet them there.
const GRIDS = [1, 2, 5];
const ZONE_GRID = { focus: 0, near: 1, far: 2 };
let arcText = encodeUnsigned(outArcs.length);
let prev = [0, 0];
outArcs.forEach((arc, a) => {
  const grid = Math.min(...arc.map(([x, y]) => ZONE_GRID[zoneOf([x / STEP, y / STEP])]));
  const g = GRIDS[grid];
  const [x0, y0] = arc[0];
  const snapped = arc.map((p, k) =>
    k === 0 || k === arc.length - 1 ? p : [x0 + Math.round((p[0] - x0) / g) * g, y0 + Math.round((p[1] - y0) / g) * g],
  );
  const points = snapped.filter(
    (p, k) => k === 0 || k === snapped.length - 1 || p[0] !== snapped[k - 1][0] || p[1] !== snapped[k - 1][1],
  );
  outArcs[a] = points; // the preview shows what is written
  arcText += encodeUnsigned(points.length * GRIDS.length + grid);
  points.forEach((p, k) => {
    const unit = k > 0 && k < points.length - 1 ? g : 1;
    arcText += encodeSigned((p[0] - prev[0]) / unit) + encodeSigned((p[1] - prev[1]) / unit);
    prev = p;
  });
});
// Arc references: change from the previous arc number, zig-zag, times two, plus one when the arc runs backwards.
function refsText(refs, state) {
  let s = encodeUnsigned(refs.length);
  for (const ref of refs) {
    const i = ref < 0 ? ~ref : ref;
    const d = i - state.last;
    s += encodeUnsigned(2 * (d < 0 ? -2 * d - 1 : 2 * d) + (ref < 0 ? 1 : 0));
    state.last = i;
  }
  return s;
}
const linesText = (lines) => {
  const state = { last: 0 };
  return encodeUnsigned(lines.length) + lines.map((l) => refsText(l, state)).join('');
};
const polygonsText = (polys, state = { last: 0 }) =>
  encodeUnsigned(polys.length) +
  polys.map((rings) => encodeUnsigned(rings.length) + rings.map((r) => refsText(r, state)).join('')).join('');
const statesState = { last: 0 };
const out = {
  ARCS: arcText,
  LAND: polygonsText(renumber.land),
  COUNTRY_LINES: linesText(renumber.countryLines),
  STATE_LINES: linesText(renumber.stateLines),
  STATES: encodeUnsigned(renumber.states.length) + renumber.states.map((p) => polygonsText(p, statesState)).join(''),
};
const names = states.map((g) => String(g.properties.name).replace(/[|\n]/g, ' '));
const ids = states.map((g) => String(g.id));

const text =
  `// GENERATED by scripts/make-basemap.mjs. Do not edit by hand.\n` +
  `// Land and country borders: Natural Earth 1:50m (public domain) via world-atlas ${worldPkg.version} (ISC).\n` +
  `// US land and states: US Census Bureau cartographic boundaries (public domain)\n` +
  `// via us-atlas ${usPkg.version} (ISC).\n` +
  `// Simplified and snapped to 1/${STEP} degree; decoded by src/geo/basemap.ts.\n` +
  `export const STEP = ${STEP};\n` +
  `export const GRIDS = ${JSON.stringify(GRIDS)};\n` +
  Object.entries(out).map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};\n`).join('') +
  `export const STATE_NAMES = ${JSON.stringify(names.join('|'))};\n` +
  `export const STATE_IDS = ${JSON.stringify(ids.join('|'))};\n`;

mkdirSync(join(root, 'src/geo/data'), { recursive: true });
writeFileSync(join(root, 'src/geo/data/basemap.ts'), text);
const pointCount = outArcs.reduce((n, a) => n + a.length, 0);
console.log(
  `basemap.ts: ${Buffer.byteLength(text)} bytes, ${gzipSync(text, { level: 9 }).length} gzip; ` +
    `${outArcs.length} arcs, ${pointCount} points; ` +
    Object.entries(out).map(([k, v]) => `${k} ${v.length}/${gzipSync(v, { level: 9 }).length}`).join(', '),
);

// Optional preview: an SVG (plate carrée) of what was written, for a look with a browser.
const svgAt = process.argv.indexOf('--svg');
if (svgAt > 0) {
  const [W, S, E, Nn] = process.argv[svgAt + 2] ? process.argv[svgAt + 2].split(',').map(Number) : [-180, -60, 180, 85];
  const width = 2000;
  const k = width / (E - W);
  const height = Math.round((Nn - S) * k);
  const pt = ([x, y]) => `${((x / STEP - W) * k).toFixed(1)},${((Nn - y / STEP) * k).toFixed(1)}`;
  const path = (refs, close) => {
    const pts = [];
    for (const ref of refs) {
      const a = ref < 0 ? [...outArcs[~ref]].reverse() : outArcs[ref];
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    for (let i = 1; i < pts.length; i++) {
      const d = pts[i][0] - pts[i - 1][0];
      if (Math.abs(d) > 180 * STEP) pts[i] = [pts[i][0] - Math.sign(d) * 360 * STEP, pts[i][1]];
    }
    return 'M' + pts.map(pt).join('L') + (close ? 'Z' : '');
  };
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#cfe3f0"/>` +
    `<path fill="#f4f1ea" fill-rule="nonzero" d="${renumber.land.flat().map((r) => path(r, true)).join('')}"/>` +
    `<path fill="none" stroke="#999" stroke-width="0.8" d="${renumber.stateLines.map((r) => path(r)).join('')}"/>` +
    `<path fill="none" stroke="#555" stroke-width="1.2" d="${renumber.countryLines.map((r) => path(r)).join('')}"/>` +
    `</svg>`;
  writeFileSync(process.argv[svgAt + 1], svg);
}
// --stats: points written per zone and per focus box (to tune the tolerances).
if (process.argv.includes('--stats')) {
  const zones = { focus: 0, near: 0, far: 0 };
  const boxes = FOCUS.map(() => 0);
  for (const arc of outArcs) {
    for (const [x, y] of arc) {
      const p = [x / STEP, y / STEP];
      zones[zoneOf(p)]++;
      const i = FOCUS.findIndex((b) => inBox(p, b));
      if (i >= 0) boxes[i]++;
    }
  }
  console.log('points by zone', zones, 'by focus box', boxes);
}
