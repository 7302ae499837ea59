// `npm run bench`: how long parseFeed (detect + validate + normalize, src/feed/parse.ts) takes on 10k and 100k
// synthetic events per format, next to a bare JSON.parse of the same text (JSON formats; goal: parseFeed within
// 3x of it) or a bare Papa.parse with a header row (CSV). parseFeed is pure, so it runs in Node: esbuild bundles
// it once into node_modules/.cache/. Median of 5 runs after a warm-up.
//   node scripts/bench.mjs [--sizes 10000,100000] [--formats turnout,mobilize,jsonld,csv] [--runs 5]
import { build } from 'esbuild';
import Papa from 'papaparse';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { root } from './lib/elements.mjs';
import { syntheticFeed } from './lib/synthetic-feeds.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    formats: { type: 'string', default: 'turnout,mobilize,jsonld,csv' },
    runs: { type: 'string', default: '5' },
  },
});
const sizes = opts.sizes.split(',').map(Number);
const formats = opts.formats.split(',');
const runs = Math.max(1, Number(opts.runs));
// CSV rows carry their own zone column; this is the feed-wide default for rows without one.
const parseOptions = { timeZone: 'America/New_York' };

const out = join(root, 'node_modules/.cache/turnout-bench/parse.mjs');
await build({
  entryPoints: [join(root, 'src/feed/parse.ts')],
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const { parseFeed } = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);

/** Median wall time (ms) of `runs` calls after one warm-up call, and `summary` of the warm-up's result. */
function time(fn, summary = () => undefined) {
  const info = summary(fn());
  const times = [];
  for (let i = 0; i < runs; i++) {
    // Collect the previous run's garbage outside the timed part (node --expose-gc, as `npm run bench` does).
    globalThis.gc?.();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return [times.sort((a, b) => a - b)[Math.floor(times.length / 2)], info];
}

const rows = [['format', 'events', 'MB', 'parseFeed ms', 'baseline', 'baseline ms', 'ratio', 'shown', 'skipped']];
const t0 = performance.now();
for (const size of sizes) {
  for (const format of formats) {
    const text = syntheticFeed(format, size);
    const [feedMs, data] = time(
      () => parseFeed(text, parseOptions),
      (d) => ({ shown: d.events.length, skipped: d.skipped.length }),
    );
    const csv = format === 'csv';
    const [baseMs] = time(() => (csv ? Papa.parse(text, { header: true, skipEmptyLines: true }) : JSON.parse(text)));
    rows.push([
      format,
      size.toLocaleString('en-US'),
      (Buffer.byteLength(text) / 1e6).toFixed(1),
      feedMs.toFixed(0),
      csv ? 'Papa.parse' : 'JSON.parse',
      baseMs.toFixed(0),
      `${(feedMs / baseMs).toFixed(1)}x`,
      String(data.shown),
      String(data.skipped),
    ]);
    if (process.stderr.isTTY) process.stderr.write(`  ${format} ${size} done\r`);
  }
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`parseFeed benchmark: median of ${runs} after a warm-up, Node ${process.version}\n`);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
console.log(`\nratio = parseFeed / baseline (goal for JSON formats: <= 3x). Total ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
