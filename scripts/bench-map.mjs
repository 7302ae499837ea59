// `npm run bench:map`: <event-map> side by side with a plain MapLibre page and a Leaflet + Leaflet.markercluster
// page, in headless Chromium (SwiftShader WebGL) on 127.0.0.1, for seeded synthetic feeds of 300, 10k and 100k
// events scattered around 50 US cities (bench/lib/feeds.mjs). Prints one table and the goal checks of issue 3,
// and writes every run to bench/results/latest.json. It is a report: it exits 0 when a goal fails, non-zero only
// when the harness itself breaks (build, server, browser).
//
//   node --expose-gc scripts/bench-map.mjs [--sizes 300,10000,100000] [--runs 5] [--quick]
//        [--contenders element,maplibre,leaflet] [--cycles 20] [--cycles-size 10000] [--cdn <dir>]
//        [--screenshots]       (bench/results/<contender>-<size>.png of the first counted run at ready)
//        [--baseline <dir>]    (adds "<event-map> base": the element's CDN bundle from <dir>, e.g. built from another
//                               commit, measured in the same rounds, for an A/B comparison of a change)
//        [--profile element]   (one extra, uncounted run per size with a CPU profile of the main thread, written to
//                               bench/results/<contender>-<size>.cpuprofile (open in DevTools), top functions printed)
//
// What it does:
// - builds the three pages (bench/vite.config.mjs) and the element's CDN bundle (the repo's vite.config.ts, as
//   `npm run build` makes dist/cdn/event-map.js) into bench/.build/<pid>/ (not dist/: other work uses it), a
//   folder of its own so that two runs at once do not trip over each other; removed at the end. `--cdn dist/cdn`
//   measures an existing build instead; without src/elements/event-map/ the element is left out.
// - serves pages, bundles and feeds from a small node:http server, every response gzipped (node:zlib, level 6)
//   with `Cache-Control: no-store`, so each run downloads what a first visit downloads; it logs every response's
//   size as sent, which gives the bytes a page downloaded before its map was ready.
// - per size: one warm-up round (every contender once, not counted), then `runs` rounds; in each round the
//   contenders take turns, in an order rotated every round. Each run gets a fresh browser context (1000x650).
// - a first, uncounted element run measures its map canvas; the plain pages then draw a map of that size.
// - per run, from the page: t0 (element connected / page script start), the first list item visible (element),
//   every event listed (element: its list holds events and is no longer aria-busy),
//   ready (`turnout-map-ready` with events / MapLibre `idle` / every marker clustered and the next frame drawn),
//   and long tasks (PerformanceObserver). Then, from the DevTools protocol: a forced GC and the used JS heap of
//   the main thread and of the page's workers. Each contender also reports how many events its map holds.
// - then: what the element downloads when it sits below the fold (its map must not load), and 20 mount/unmount
//   cycles of <event-map> in one page (heap after GC before and after).
// docs/benchmarks.md explains the method and the contenders' settings.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { benchEvents, geojsonFeed, turnoutFeed } from '../bench/lib/feeds.mjs';
import { root } from './lib/elements.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    contenders: { type: 'string', default: 'element,maplibre,leaflet' },
    cycles: { type: 'string', default: '20' },
    'cycles-size': { type: 'string' },
    cdn: { type: 'string' },
    profile: { type: 'string' },
    baseline: { type: 'string' },
    screenshots: { type: 'boolean', default: false },
  },
});
const sizes = (opts.sizes ?? (opts.quick ? '300,10000' : '300,10000,100000')).split(',').map(Number);
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--sizes takes event counts, e.g. 300,10000,100000 (got "${opts.sizes}")`);
  process.exit(2);
}
const runs = Math.max(1, Number(opts.runs ?? (opts.quick ? 2 : 5)));
const cycles = Math.max(0, Number(opts.cycles));
const cyclesSize = Number(opts['cycles-size'] ?? (opts.quick ? 300 : 10000));
const VIEWPORT = { width: 1000, height: 650 };
/** A run that takes longer than this is recorded as failed (Leaflet at 100k takes ~10 s on a quiet machine). */
const RUN_TIMEOUT = 180_000;

const NAMES = { element: '<event-map>', baseline: '<event-map> base', maplibre: 'plain MapLibre', leaflet: 'Leaflet+cluster' };
const elementSource = join(root, 'src/elements/event-map/event-map.define.ts');
const buildDir = join(root, `bench/.build/${process.pid}`);
const cdnDir = opts.cdn ? resolve(root, opts.cdn) : join(buildDir, 'cdn');
const baselineDir = opts.baseline ? resolve(root, opts.baseline) : undefined;
let contenders = opts.contenders.split(',').filter((c) => NAMES[c] && c !== 'baseline');
if (baselineDir) contenders.splice(1, 0, 'baseline');
/** The pages that mount <event-map> (the element, and the baseline build when one is given). */
const isElement = (c) => c === 'element' || c === 'baseline';
const notes = [];

const log = (text) => process.stderr.write(`${text}\n`);
const seconds = (t) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------------- build
async function buildAll() {
  const t = performance.now();
  await build({ configFile: join(root, 'bench/vite.config.mjs'), build: { outDir: join(buildDir, 'pages') } });
  if (contenders.includes('element') && !opts.cdn) {
    if (!existsSync(elementSource)) {
      contenders = contenders.filter((c) => c !== 'element');
      notes.push('<event-map> not measured: src/elements/event-map/event-map.define.ts does not exist yet.');
    } else {
      process.env.TURNOUT_CDN_ENTRY = 'event-map';
      try {
        await build({
          configFile: join(root, 'vite.config.ts'),
          root,
          mode: 'production',
          logLevel: 'warn',
          build: { outDir: cdnDir, emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
        });
      } catch (e) {
        contenders = contenders.filter((c) => c !== 'element');
        notes.push(`<event-map> not measured: its bundle did not build (${e instanceof Error ? e.message.split('\n')[0] : e}).`);
      } finally {
        delete process.env.TURNOUT_CDN_ENTRY;
      }
    }
  }
  if (contenders.includes('element') && !existsSync(join(cdnDir, 'event-map.js'))) {
    contenders = contenders.filter((c) => c !== 'element');
    notes.push(`<event-map> not measured: no event-map.js in ${relative(root, cdnDir)}.`);
  }
  if (baselineDir && !existsSync(join(baselineDir, 'event-map.js'))) {
    contenders = contenders.filter((c) => c !== 'baseline');
    notes.push(`no baseline: no event-map.js in ${relative(root, baselineDir)}.`);
  }
  const element = contenders.includes('element') ? (opts.cdn ? `; the element from ${relative(root, cdnDir)}` : ' and the element') : '';
  log(`built the bench pages${element} in ${seconds(t)}`);
}

/**
 * The plain MapLibre page copies the element's cluster settings (bench/pages/cluster.js): say so when the element's
 * source (src/elements/event-map/map-view.ts) no longer has the same ones.
 */
async function checkClusterSettings() {
  const source = join(root, 'src/elements/event-map/map-view.ts');
  if (!existsSync(source)) return;
  const text = readFileSync(source, 'utf8');
  const { CLUSTER } = await import(new URL('../bench/pages/cluster.js', import.meta.url).href);
  const element = {
    clusterRadius: Number(/CLUSTER_RADIUS\s*=\s*(\d+)/.exec(text)?.[1]),
    clusterMaxZoom: Number(/CLUSTER_MAX_ZOOM\s*=\s*(\d+)/.exec(text)?.[1]),
  };
  for (const [key, value] of Object.entries(element)) {
    if (value !== CLUSTER[key]) notes.push(`bench/pages/cluster.js has ${key} ${CLUSTER[key]}, the element's map-view.ts ${Number.isNaN(value) ? 'no longer names it' : value}: update the plain page.`);
  }
}

// ---------------------------------------------------------------------------------------------------- server
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.txt': 'text/plain; charset=utf-8',
};
/** Already compressed: sent as they are. */
const RAW = new Set(['.png', '.jpg', '.webp', '.woff2', '.pmtiles']);

/** path -> { body, type, gzip, raw }: files are read and compressed once, the first time they are asked for. */
const cache = new Map();
/** Every response since the last reset: { path, bytes (as sent, gzipped), raw (uncompressed), at }. */
let served = [];

function entry(key, type, content, ext) {
  if (!cache.has(key)) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const gzip = !RAW.has(ext);
    cache.set(key, { body: gzip ? gzipSync(raw, { level: 6 }) : raw, type, gzip, raw: raw.length });
  }
  return cache.get(key);
}

/** The feed text for "/feeds/<n>.json" (native Turnout) or "/feeds/<n>.geojson". */
const feedEvents = new Map();
/** Size -> how many of its events have a place (what every map should show). */
const inPerson = new Map();
/** Runs whose map did not show every in-person event, or that asked for a missing file (printed as notes). */
const mismatch = new Set();
function feedFile(name) {
  const m = /^(\d+)\.(json|geojson)$/.exec(name);
  if (!m) return null;
  const n = Number(m[1]);
  if (!feedEvents.has(n)) feedEvents.set(n, benchEvents(n));
  const events = feedEvents.get(n);
  inPerson.set(n, events.filter((e) => !e.online).length);
  return m[2] === 'json' ? turnoutFeed(events) : geojsonFeed(events);
}

function fileUnder(dir, rel) {
  const file = normalize(join(dir, decodeURIComponent(rel)));
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const path = url.pathname;
  let hit = null;
  if (path.startsWith('/feeds/')) {
    const name = path.slice(7);
    if (cache.has(path)) hit = cache.get(path);
    else {
      const text = feedFile(name);
      if (text) hit = entry(path, TYPES[extname(name)], text, extname(name));
    }
  } else {
    const [dir, rel] = path.startsWith('/pages/') ? [join(buildDir, 'pages'), path.slice(7)] : path.startsWith('/cdn/') ? [cdnDir, path.slice(5)] : path.startsWith('/base/') && baselineDir ? [baselineDir, path.slice(6)] : [];
    const file = dir && fileUnder(dir, rel);
    if (file) hit = entry(path, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), extname(file));
  }
  if (!hit) {
    res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
    res.end('not found');
    served.push({ path, bytes: 0, raw: 0, status: 404, at: performance.now() });
    return;
  }
  res.writeHead(200, {
    'Content-Type': hit.type,
    'Content-Length': hit.body.length,
    'Cache-Control': 'no-store',
    ...(hit.gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(hit.body);
  served.push({ path, bytes: hit.body.length, raw: hit.raw, status: 200, at: performance.now() });
}

function startServer() {
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Prepares (generates and compresses) a size's feeds before any timing, so the server answers at once. */
function warmFeeds(n) {
  for (const ext of ['json', 'geojson']) {
    const path = `/feeds/${n}.${ext}`;
    if (!cache.has(path)) entry(path, TYPES[`.${ext}`], feedFile(`${n}.${ext}`), `.${ext}`);
  }
  feedEvents.delete(n);
}

// ---------------------------------------------------------------------------------------------------- browser
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms))),
  ]);
}

/** JS heap of the page's main thread after a forced garbage collection, in bytes. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/**
 * Follows the page's dedicated workers (MapLibre's, the feed parser's) through the DevTools protocol, so their
 * heaps can be measured too: `{ count(), heap() }`, heap = the sum of their used JS heap after a forced GC.
 */
async function watchWorkers(cdp) {
  const workers = new Map();
  const waiting = new Map();
  let id = 0;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, e.targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const reply = JSON.parse(e.message);
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const send = (sessionId, method) =>
    withTimeout(
      new Promise((resolve) => {
        const n = ++id;
        waiting.set(n, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: n, method }) }).catch(() => resolve({}));
      }),
      10_000,
      `worker ${method}`,
    );
  return {
    count: () => workers.size,
    async heap() {
      let total = 0;
      for (const sessionId of [...workers.keys()]) {
        await send(sessionId, 'HeapProfiler.collectGarbage');
        total += (await send(sessionId, 'Runtime.getHeapUsage')).result?.usedSize ?? 0;
      }
      return total;
    },
  };
}

async function openPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  const workers = await watchWorkers(cdp);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', ''].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) errors.push(`request off the bench server: ${r.url()}`);
  });
  return { context, page, cdp, workers, errors };
}

/** The plain pages draw a map of this size: the element's map canvas (measured by a first run), else the viewport. */
let mapBox = { width: VIEWPORT.width, height: VIEWPORT.height };

function pageUrl(base, contender, size) {
  if (isElement(contender)) {
    const bundle = contender === 'baseline' ? '&bundle=/base/event-map.js' : '';
    return `${base}/pages/element.html?n=${size}&feed=${encodeURIComponent(`/feeds/${size}.json`)}${bundle}`;
  }
  return `${base}/pages/${contender}.html?n=${size}&feed=${encodeURIComponent(`/feeds/${size}.geojson`)}&w=${mapBox.width}&h=${mapBox.height}`;
}

/** Bytes the page downloaded (gzip as sent), split into the map (product code, CSS, basemap), the feed and the page. */
function bytesOf(contender, responses) {
  const out = { map: 0, feed: 0, page: 0, files: {} };
  for (const r of responses) {
    let kind = 'page';
    if (r.path.startsWith('/feeds/')) kind = 'feed';
    else if (r.path.startsWith(contender === 'element' ? '/cdn/' : contender === 'baseline' ? '/base/' : '/pages/assets/')) kind = 'map';
    out[kind] += r.bytes;
    if (kind === 'map') {
      const name = r.path.replace(/^\/(cdn|base|pages\/assets)\//, '');
      out.files[name] = (out.files[name] ?? 0) + r.bytes;
    }
  }
  return out;
}

/** One measured page load: timings relative to t0, long tasks between t0 and ready, heap, bytes. */
async function measure(browser, base, contender, size, { profile = false, screenshot = false } = {}) {
  const { context, page, cdp, workers, errors } = await openPage(browser);
  try {
    served = [];
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(pageUrl(base, contender, size), { waitUntil: 'domcontentloaded' });
    const r = await withTimeout(page.evaluate(() => window.__benchDone), RUN_TIMEOUT, `${contender} ${size}`);
    if (profile) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      const file = join(root, `bench/results/${contender}-${size}.cpuprofile`);
      mkdirSync(join(root, 'bench/results'), { recursive: true });
      writeFileSync(file, JSON.stringify(cpu));
      return { profile: relative(root, file), top: topFunctions(cpu) };
    }
    const responses = served.slice();
    for (const miss of responses.filter((x) => x.status === 404)) mismatch.add(`${NAMES[contender]} asked for ${miss.path}: 404`);
    if (r.error) throw new Error(r.error);
    if (!r.ready || r.t0 == null) throw new Error('the page reported no start or ready time');
    const want = inPerson.get(size);
    const drawn = r.mapEvents ?? r.features;
    if (want != null && drawn !== want) mismatch.add(`${NAMES[contender]} at ${size.toLocaleString('en-US')}: the map drew ${drawn} events at ready, the feed has ${want} in person`);
    const tasks = r.longtasks.filter(([s, d]) => s < r.ready && s + d > r.t0);
    const heap = await heapAfterGc(cdp);
    const workerHeap = await workers.heap();
    if (screenshot) {
      mkdirSync(join(root, 'bench/results'), { recursive: true });
      await page.screenshot({ path: join(root, `bench/results/${contender}-${size}.png`) });
    }
    const offsite = errors.filter((e) => e.startsWith('request off'));
    if (offsite.length) throw new Error(offsite[0]);
    for (const e of errors.slice(0, 3)) mismatch.add(`${NAMES[contender]} at ${size.toLocaleString('en-US')}, page error: ${e.slice(0, 160)}`);
    return {
      first: r.first != null ? r.first - r.t0 : null,
      listed: r.listed != null ? r.listed - r.t0 : null,
      ready: r.ready - r.t0,
      longest: Math.max(0, ...tasks.map(([, d]) => d)),
      tbt: tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      tasks: tasks.length,
      heap,
      workerHeap,
      workers: workers.count(),
      bytes: bytesOf(contender, responses),
      // The element's entry: from the start of its import to the element's connection (not in its figures).
      bundleMs: r.bundleStart != null ? r.t0 - r.bundleStart : undefined,
      mapBox: r.mapBox ?? undefined,
      // Events on the map at ready (the element's turnout-map-ready detail; the plain pages' feature count).
      mapEvents: r.mapEvents ?? r.features,
      errors: errors.slice(0, 5),
    };
  } finally {
    await context.close();
  }
}

/** Heap growth over `n` mount/unmount cycles of <event-map> in one page (after two warm-up cycles). */
async function mountCycles(browser, base, size, n) {
  const { context, page, cdp, workers } = await openPage(browser);
  try {
    await page.goto(`${base}/pages/element.html?mode=cycles&n=${size}&feed=${encodeURIComponent(`/feeds/${size}.json`)}`, {
      waitUntil: 'domcontentloaded',
    });
    const r = await withTimeout(page.evaluate(() => window.__benchDone), RUN_TIMEOUT, 'cycles page');
    if (r.error) throw new Error(r.error);
    const cycle = () =>
      withTimeout(
        page.evaluate(async () => {
          await window.__mount();
          window.__unmount();
          await new Promise((done) => setTimeout(done, 50));
        }),
        RUN_TIMEOUT,
        'mount/unmount cycle',
      );
    for (let i = 0; i < 2; i++) await cycle();
    await page.waitForTimeout(300);
    const before = await heapAfterGc(cdp);
    const workersBefore = [workers.count(), await workers.heap()];
    const t = performance.now();
    for (let i = 0; i < n; i++) await cycle();
    const cycleMs = (performance.now() - t) / n;
    await page.waitForTimeout(500);
    const after = await heapAfterGc(cdp);
    const workersAfter = [workers.count(), await workers.heap()];
    return {
      size,
      cycles: n,
      before,
      after,
      growth: after - before,
      cycleMs,
      workers: { before: workersBefore[0], after: workersAfter[0], heapBefore: workersBefore[1], heapAfter: workersAfter[1] },
    };
  } finally {
    await context.close();
  }
}

/** What a page with <event-map> below the fold downloads (the map must not load until it is scrolled to). */
async function belowFold(browser, base, size) {
  const { context, page } = await openPage(browser);
  try {
    served = [];
    await page.goto(`${base}/pages/element.html?mode=fold&n=${size}&feed=${encodeURIComponent(`/feeds/${size}.json`)}`, {
      waitUntil: 'domcontentloaded',
    });
    const r = await withTimeout(page.evaluate(() => window.__benchDone), RUN_TIMEOUT, 'below-the-fold page');
    if (r.error) throw new Error(r.error);
    return { size, mapReady: r.mapReady, bytes: bytesOf('element', served.slice()) };
  } finally {
    await context.close();
  }
}

/** The functions with the most self time in a CPU profile: [[name, ms], ...]. */
function topFunctions(profile, count = 10) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byNode.get(id).callFrame;
    if (['(idle)', '(program)', '(root)'].includes(functionName)) return;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\//, '').replace(/\?.*$/, '')}:${lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

// ---------------------------------------------------------------------------------------------------- figures
function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function summarize(list) {
  const ok = list.filter((r) => !r.error);
  return {
    runs: ok.length,
    failed: list.length - ok.length,
    first: median(ok.map((r) => r.first)),
    listed: median(ok.map((r) => r.listed)),
    ready: median(ok.map((r) => r.ready)),
    readyRange: ok.length ? [Math.min(...ok.map((r) => r.ready)), Math.max(...ok.map((r) => r.ready))] : null,
    longest: median(ok.map((r) => r.longest)),
    tbt: median(ok.map((r) => r.tbt)),
    heap: median(ok.map((r) => r.heap)),
    workerHeap: median(ok.map((r) => r.workerHeap)),
    workers: median(ok.map((r) => r.workers)),
    mapBytes: median(ok.map((r) => r.bytes.map)),
    feedBytes: median(ok.map((r) => r.bytes.feed)),
    bundleMs: median(ok.map((r) => r.bundleMs)),
    files: ok[0]?.bytes.files,
    error: ok.length ? undefined : list[0]?.error,
  };
}

const ms = (v) => (v == null ? 'n/a' : `${Math.round(v)} ms`);
const mb = (v) => (v == null ? 'n/a' : `${(v / 1048576).toFixed(1)} MB`);
const kb = (v) => (v == null ? 'n/a' : `${(v / 1024).toFixed(0)} KB`);
const ratio = (a, b) => (a == null || b == null || !b ? null : a / b);
const x = (v) => (v == null ? 'n/a' : `${v.toFixed(2)}x`);

function table(results) {
  const rows = [['events', 'contender', 'first events', 'all listed', 'map ready', 'longest task', 'TBT', 'heap main', 'heap workers', 'download (gzip)', 'runs']];
  for (const size of sizes) {
    for (const c of contenders) {
      const s = results[size]?.[c];
      if (!s) continue;
      rows.push(
        s.runs
          ? [size.toLocaleString('en-US'), NAMES[c], ms(s.first), ms(s.listed), ms(s.ready), ms(s.longest), ms(s.tbt), mb(s.heap), mb(s.workerHeap), kb(s.mapBytes), `${s.runs}${s.failed ? ` (+${s.failed} failed)` : ''}`]
          : [size.toLocaleString('en-US'), NAMES[c], 'failed', '', '', '', '', '', '', '', `0/${s.failed}`],
      );
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The goals of issue 3 as PASS/FAIL/SKIP lines. */
function goals(results, cyc) {
  const lines = [];
  const get = (size, c, key) => results[size]?.[c]?.[key] ?? null;
  const check = (label, ok, detail) => lines.push(`${ok == null ? 'SKIP' : ok ? 'PASS' : 'FAIL'}  ${label}: ${detail}`);
  const has = (size, ...cs) => sizes.includes(size) && cs.every((c) => results[size]?.[c]?.runs);

  if (has(10000, 'element', 'leaflet')) {
    const first = get(10000, 'element', 'first');
    const r = ratio(first, get(10000, 'leaflet', 'ready'));
    check('first events visible at 10k <= 300 ms and <= 0.3x Leaflet ready', first != null && first <= 300 && r <= 0.3, `${ms(first)}, ${x(r)} Leaflet's ${ms(get(10000, 'leaflet', 'ready'))}`);
  } else check('first events visible at 10k', null, 'needs <event-map> and Leaflet at 10k');

  const idle = sizes.filter((s) => has(s, 'element', 'maplibre')).map((s) => [s, ratio(get(s, 'element', 'ready'), get(s, 'maplibre', 'ready'))]);
  if (idle.length) {
    const worst = Math.max(...idle.map(([, r]) => r));
    check('map ready <= 1.15x plain MapLibre at every size', worst <= 1.15 && idle.length === sizes.length, idle.map(([s, r]) => `${s.toLocaleString('en-US')}: ${x(r)}`).join(', '));
  } else check('map ready <= 1.15x plain MapLibre', null, 'needs <event-map> and plain MapLibre');

  for (const [size, limit] of [[10000, 0.5], [100000, 0.2]]) {
    if (has(size, 'element', 'leaflet')) {
      const r = ratio(get(size, 'element', 'tbt'), get(size, 'leaflet', 'tbt'));
      check(`TBT at ${size / 1000}k <= ${limit}x Leaflet`, r != null && r <= limit, `${ms(get(size, 'element', 'tbt'))} vs ${ms(get(size, 'leaflet', 'tbt'))} = ${x(r)}`);
    } else check(`TBT at ${size / 1000}k <= ${limit}x Leaflet`, null, `needs <event-map> and Leaflet at ${size / 1000}k`);
  }

  if (has(100000, 'element', 'leaflet')) {
    const r = ratio(get(100000, 'element', 'ready'), get(100000, 'leaflet', 'ready'));
    check('map ready at 100k <= 0.5x Leaflet', r != null && r <= 0.5, `${ms(get(100000, 'element', 'ready'))} vs ${ms(get(100000, 'leaflet', 'ready'))} = ${x(r)}`);
  } else check('map ready at 100k <= 0.5x Leaflet', null, 'needs <event-map> and Leaflet at 100k');

  if (has(10000, 'element')) {
    const longest = get(10000, 'element', 'longest');
    check('no main-thread task > 200 ms at 10k (<event-map>)', longest <= 200, `longest ${ms(longest)} (median of runs)`);
  } else check('no main-thread task > 200 ms at 10k', null, 'needs <event-map> at 10k');

  if (cyc && !cyc.error) {
    check(`heap growth over ${cyc.cycles} mount/unmount cycles <= 5 MB`, cyc.growth <= 5 * 1048576, `${mb(cyc.growth)} (${mb(cyc.before)} -> ${mb(cyc.after)}, ${cyc.size.toLocaleString('en-US')} events)`);
  } else check('heap growth over mount/unmount cycles <= 5 MB', null, cyc?.error ?? 'needs <event-map>');

  const bytes = sizes.map((s) => get(s, 'element', 'mapBytes')).filter((v) => v != null);
  if (bytes.length) {
    const most = Math.max(...bytes);
    check('map download <= 340 KB gzip (<event-map>, feed excluded)', most <= 340 * 1024, `${(most / 1024).toFixed(1)} KB (KB = 1024 bytes)`);
  } else check('map download <= 340 KB gzip', null, 'needs <event-map>');
  return lines.join('\n');
}

/** The element against the baseline build, per size: each timing's ratio (under 1: the element is faster). */
function againstBaseline(results) {
  return sizes
    .filter((size) => results[size]?.element?.runs && results[size]?.baseline?.runs)
    .map((size) => {
      const [a, b] = [results[size].element, results[size].baseline];
      const parts = [['first events', 'first'], ['all listed', 'listed'], ['map ready', 'ready'], ['TBT', 'tbt']].map(
        ([label, key]) => `${label} ${ms(a[key])} vs ${ms(b[key])} (${x(ratio(a[key], b[key]))})`,
      );
      return `${size.toLocaleString('en-US').padStart(7)}  ${parts.join(', ')}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------- main
const tStart = performance.now();
// Ctrl-C: leave no build folder behind (the browser goes with this process).
process.once('SIGINT', () => {
  rmSync(buildDir, { recursive: true, force: true });
  process.exit(130);
});
let server;
let browser;
try {
  await buildAll();
  await checkClusterSettings();
  server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  const load = loadavg()[0];
  log(`Chromium ${browser.version()}, ${cpus().length} cores, load average ${load.toFixed(2)}; contenders: ${contenders.join(', ')}`);

  if (contenders.includes('element')) {
    // A first element run (not counted) says how big its map is; the plain pages then draw the same size.
    warmFeeds(sizes[0]);
    try {
      const probe = await measure(browser, base, 'element', sizes[0]);
      if (probe.mapBox?.width > 0 && probe.mapBox?.height > 0) mapBox = probe.mapBox;
      else notes.push('could not find the element\'s map canvas: the plain pages draw a 1000x650 map.');
    } catch (e) {
      notes.push(`first <event-map> run failed (${e instanceof Error ? e.message.split('\n')[0] : e}): the plain pages draw a 1000x650 map.`);
    }
  }

  const raw = {};
  const results = {};
  const profiles = [];
  for (const size of sizes) {
    const t = performance.now();
    warmFeeds(size);
    raw[size] = Object.fromEntries(contenders.map((c) => [c, []]));
    for (let round = -1; round < runs; round++) {
      const order = contenders.map((_, i) => contenders[(i + Math.max(0, round)) % contenders.length]);
      for (const c of order) {
        let result;
        try {
          result = await measure(browser, base, c, size, { screenshot: opts.screenshots && round === 0 });
        } catch (e) {
          result = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
          log(`  ${NAMES[c]} ${size}: ${result.error}`);
        }
        if (round >= 0) raw[size][c].push(result);
      }
    }
    results[size] = Object.fromEntries(contenders.map((c) => [c, summarize(raw[size][c])]));
    for (const c of (opts.profile ?? '').split(',').filter((name) => contenders.includes(name))) {
      try {
        const p = await measure(browser, base, c, size, { profile: true });
        profiles.push(`${NAMES[c]} at ${size.toLocaleString('en-US')}: ${p.profile}; most self time: ${p.top.map(([f, t]) => `${f} ${Math.round(t)} ms`).join(', ')}`);
      } catch (e) {
        profiles.push(`${NAMES[c]} at ${size}: profile failed (${e instanceof Error ? e.message.split('\n')[0] : e})`);
      }
    }
    log(`  ${size.toLocaleString('en-US')} events: ${runs} rounds in ${seconds(t)}`);
  }

  let cyc = null;
  if (contenders.includes('element') && cycles > 0) {
    const t = performance.now();
    warmFeeds(cyclesSize);
    try {
      cyc = await mountCycles(browser, base, cyclesSize, cycles);
    } catch (e) {
      cyc = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
    }
    log(`  ${cycles} mount/unmount cycles in ${seconds(t)}`);
  }

  let fold = null;
  if (contenders.includes('element')) {
    try {
      fold = await belowFold(browser, base, sizes[0]);
    } catch (e) {
      fold = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
    }
  }

  const loadAfter = loadavg()[0];
  console.log(`Map benchmark: median of ${runs} runs after a warm-up, contenders alternating; headless Chromium ${browser.version()} (SwiftShader WebGL), ${VIEWPORT.width}x${VIEWPORT.height}, ${cpus().length} cores, load average ${load.toFixed(1)} -> ${loadAfter.toFixed(1)}\n`);
  console.log(table(results));
  console.log(`
first events = connected -> the element's first list item (part="event") with a feed title laid out in view (plain pages: no list)
all listed   = connected -> every event of the feed in the list, no longer aria-busy (before that a large feed's first events are listed, busy)
map ready    = start (element connected / page script start) -> <event-map> turnout-map-ready with events / MapLibre idle / all markers clustered + next frame
longest task, TBT (sum of each long task's time over 50 ms) = main-thread long tasks between start and ready
heap         = used JS heap after a forced GC at the end of the run (map ready, and for <event-map> every event listed): the page's main thread, and its workers (MapLibre's) added up
download     = what the page fetched for the map before ready, gzip as served: library, CSS, basemap, our code (feed excluded)
every figure is the median of the counted runs; bench/results/latest.json has each run`);
  const feedRow = sizes.map((s) => `${s.toLocaleString('en-US')}: native ${kb(cache.get(`/feeds/${s}.json`)?.body.length)}, GeoJSON ${kb(cache.get(`/feeds/${s}.geojson`)?.body.length)}`);
  console.log(`feeds (gzip) ${feedRow.join('; ')}`);
  console.log(`map size    ${mapBox.width}x${mapBox.height} CSS px for the plain pages${contenders.includes('element') ? ' (the element\'s map canvas)' : ''}`);
  const elementBundle = sizes.map((s) => results[s]?.element?.bundleMs).find((v) => v != null);
  if (elementBundle != null) console.log(`<event-map>'s bundle loaded before connection in ${ms(elementBundle)} (not in its figures)`);
  const files = sizes.map((s) => results[s]?.element?.files).find(Boolean);
  if (files) console.log(`<event-map> download by file: ${Object.entries(files).map(([f, b]) => `${f} ${kb(b)}`).join(', ')}`);
  if (fold?.bytes && files) {
    const lazy = Object.entries(files).filter(([f]) => !(f in fold.bytes.files));
    const lazyBytes = lazy.reduce((sum, [, b]) => sum + b, 0);
    console.log(
      `below the fold: <event-map> downloads ${kb(fold.bytes.map)} (feed excluded)${fold.mapReady ? ' BUT ITS MAP LOADED' : ', no map'}; ` +
        `in view the map adds ${kb(lazyBytes)}: ${lazy.map(([f, b]) => `${f} ${kb(b)}`).join(', ') || 'nothing'}`,
    );
  } else if (fold?.error) console.log(`below the fold: ${fold.error}`);
  if (cyc && !cyc.error) console.log(`mount/unmount: ${cyc.cycles} cycles of ${cyc.size.toLocaleString('en-US')} events, ${ms(cyc.cycleMs)} each, heap ${mb(cyc.before)} -> ${mb(cyc.after)}, workers ${cyc.workers.before} -> ${cyc.workers.after} (${mb(cyc.workers.heapBefore)} -> ${mb(cyc.workers.heapAfter)})`);
  for (const p of profiles) console.log(`profile: ${p}`);
  for (const n of [...notes, ...mismatch]) console.log(`note: ${n}`);
  if (load > 1.5 || loadAfter > 1.5) console.log(`note: the machine was busy (load average ${load.toFixed(1)} -> ${loadAfter.toFixed(1)} on ${cpus().length} cores): figures are slower than on a quiet machine.`);
  console.log(`\nGoals (issue 3):\n${goals(results, cyc)}`);
  if (contenders.includes('baseline')) console.log(`\nAgainst the baseline (${relative(root, baselineDir)}):\n${againstBaseline(results)}`);

  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const out = join(root, 'bench/results/latest.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        chromium: browser.version(),
        node: process.version,
        cores: cpus().length,
        load: [load, loadAfter],
        viewport: VIEWPORT,
        mapBox,
        sizes,
        runs,
        contenders,
        notes: [...notes, ...mismatch],
        summary: results,
        cycles: cyc,
        belowFold: fold,
        raw,
      },
      null,
      1,
    ),
  );
  console.log(`\nAll runs: ${relative(root, out)}. Total ${seconds(tStart)}.`);
} catch (e) {
  console.error(`bench-map failed: ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.close();
  rmSync(buildDir, { recursive: true, force: true });
}
