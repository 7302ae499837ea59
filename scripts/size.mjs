// `npm run size`: what a visitor downloads for each CDN bundle before any feed arrives, gzip-compressed.
//
// An entry's size is the entry file plus every chunk it imports statically (followed through Vite's manifest,
// dist/cdn/.vite/manifest-<entry>.json), each gzipped on its own as a server would send it. Chunks reached only through
// dynamic import() or `new Worker(...)` load later, when a feed needs them; they are listed separately.
// Exits 1 when an entry is over its budget, listing the modules that weigh most in it (also with --modules).
// Run `npm run build` (or `node scripts/build.mjs --cdn-only`) first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './lib/elements.mjs';

/** Budgets in KB (1 KB = 1024 bytes) of gzip, Lit included. Entries without one are reported only. */
const BUDGETS = {
  // 16 until session 4: +29 B for starting the parse worker as soon as a large body's headers arrive (and parsing
  // that body there, whatever its final size, rather than loading the parser a second time on the page).
  'event-list': 16.25,
  'event-countdown': 8,
  'action-banner': 10,
  'partner-list': 10,
  // The entry only: Lit, the feed loader, the list (with the first events of a large feed while it downloads, and
  // the events of one place) and the map's placeholder. MapLibre, the basemap and the map code load later (lazy
  // chunks below); everything the map downloads is held to 340 KB (issue 3). Was 22 until the list-first work.
  'event-map': 23,
};

/**
 * Entries over budget whose issue is still open and says why. They are printed as OVER BUDGET with the reason but do
 * not fail the run, so the rest of the project can land; delete the line once the entry meets its budget.
 */
const KNOWN_OVER = {};

const KB = 1024;
const cdn = join(root, 'dist/cdn');
// scripts/build.mjs builds each entry on its own and leaves its chunk graph in .vite/manifest-<entry>.json.
const viteDir = join(cdn, '.vite');
const manifestFiles = existsSync(viteDir) ? readdirSync(viteDir).filter((f) => /^manifest-.+\.json$/.test(f)) : [];
if (!manifestFiles.length) {
  console.error('No dist/cdn/.vite/manifest-<entry>.json: run `npm run build` first.');
  process.exit(1);
}
/** @typedef {Record<string, {file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], assets?: string[]}>} Manifest */
/** @type {Manifest[]} */
const manifests = manifestFiles.map((f) => JSON.parse(readFileSync(join(viteDir, f), 'utf8')));

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(cdn, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The files loaded together with `key` of `manifest`: itself and its static imports, recursively. */
function staticFiles(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) staticFiles(manifest, dep, seen);
  return seen;
}

/** Files that `files` may load later: dynamic imports (with their own static imports) and worker scripts. */
function lazyFiles(manifest, files) {
  const lazy = new Set();
  const byFile = new Map(Object.entries(manifest).map(([key, c]) => [c.file, key]));
  const queue = [...files];
  while (queue.length) {
    const chunk = manifest[byFile.get(queue.pop())];
    if (!chunk) continue;
    const later = [
      ...(chunk.dynamicImports ?? []).flatMap((key) => [...staticFiles(manifest, key)]),
      ...(chunk.assets ?? []).filter((f) => f.endsWith('.js')),
    ];
    for (const file of later) {
      if (files.has(file) || lazy.has(file)) continue;
      lazy.add(file);
      queue.push(file);
    }
  }
  return lazy;
}

const sum = (files, k) => [...files].reduce((n, f) => n + sizeOf(f)[k], 0);
const kb = (bytes) => (bytes / KB).toFixed(1);

const entries = manifests
  .flatMap((manifest) =>
    Object.entries(manifest)
      .filter(([, c]) => c.isEntry)
      .map(([key, c]) => ({ name: c.file.replace(/\.js$/, ''), manifest, files: staticFiles(manifest, key) })),
  )
  .sort((a, b) => (a.name === 'turnout') - (b.name === 'turnout') || a.name.localeCompare(b.name));

const rows = [['Entry (before any feed)', 'files', 'raw KB', 'gzip KB', 'budget', 'status']];
let failed = 0;
const lazyUsers = new Map();
for (const e of entries) {
  const gzip = sum(e.files, 'gzip');
  const budget = BUDGETS[e.name];
  const over = budget !== undefined && gzip > budget * KB;
  if (over && !KNOWN_OVER[e.name]) failed++;
  rows.push([
    `${e.name}.js`,
    String(e.files.size),
    kb(sum(e.files, 'raw')),
    kb(gzip),
    budget === undefined ? '-' : String(budget),
    budget === undefined ? 'report only' : over ? `OVER BUDGET${KNOWN_OVER[e.name] ? ` (known: ${KNOWN_OVER[e.name]})` : ''}` : 'ok',
  ]);
  for (const f of lazyFiles(e.manifest, e.files)) lazyUsers.set(f, [...(lazyUsers.get(f) ?? []), e.name]);
}

const lazyRows = [['Lazy chunk (loaded when needed)', 'raw KB', 'gzip KB', 'reached from']];
for (const [file, users] of [...lazyUsers].sort(([a], [b]) => a.localeCompare(b))) {
  const s = sizeOf(file);
  const from = users.length === entries.length ? 'every entry' : users.join(', ');
  lazyRows.push([file, kb(s.raw), kb(s.gzip), from]);
}

function print(table) {
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const [n, row] of table.entries()) {
    console.log(row.map((cell, i) => (i === 0 || i === row.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd());
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

console.log('Gzip sizes of dist/cdn (level 9, each file on its own; 1 KB = 1024 bytes)\n');
print(rows);
console.log('');
if (lazyRows.length > 1) print(lazyRows);
else console.log('No lazy chunks.');
/** The biggest modules in an entry's files; gzip shares are estimated from each module's rendered size. */
function printModules(entry) {
  const modulesFile = join(cdn, '.vite/modules.json');
  if (!existsSync(modulesFile)) return;
  const chunks = JSON.parse(readFileSync(modulesFile, 'utf8'));
  const table = [[`Biggest modules in ${entry.name}.js`, 'rendered KB', '~gzip KB']];
  const modules = [...entry.files].flatMap((file) => {
    const list = chunks[file] ?? [];
    const total = list.reduce((n, [, len]) => n + len, 0);
    return list.map(([id, len]) => [id, len, (len / total) * sizeOf(file).gzip]);
  });
  modules.sort((a, b) => b[2] - a[2]);
  for (const [id, len, gz] of modules.slice(0, 15)) table.push([id, kb(len), kb(gz)]);
  console.log('');
  print(table);
}

const overBudget = entries.filter((e) => rows.some((r) => r[0] === `${e.name}.js` && r[5].startsWith('OVER BUDGET')));
for (const e of process.argv.includes('--modules') ? entries : overBudget) printModules(e);

if (failed) {
  console.error(`\n${failed} entr${failed === 1 ? 'y is' : 'ies are'} over budget.`);
  process.exit(1);
}
