// `npm run pack-check` (after `npm run build`): what `npm pack` would publish, checked the way a user meets it.
//   - every `exports` target (with `*` filled in for each element) is in the package, and so is its `types`;
//   - the classes (`.`, `./elements/<tag>.js`) reach no define file through their imports: importing them defines
//     nothing (the `sideEffects` field names the define files, which must exist);
//   - one define entry and one CDN bundle (plain and versioned) per element, the iframe page, integrity.json;
//   - custom-elements.json lists every element and only paths that are in the package;
//   - no tests, stories, Storybook build, source maps or build bookkeeping (dist/cdn/.vite).
// Prints the package's file count and size; exits 1 with a list of problems.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { findElements, root } from './lib/elements.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
);
const files = new Set(report.files.map((f) => f.path));
const tags = findElements().map((e) => e.tag);
const problems = [];
const need = (path, why) => {
  if (!files.has(path)) problems.push(`missing ${path} (${why})`);
};

// 1. exports
function targets(value, conditions = []) {
  if (typeof value === 'string') return [[value, conditions]];
  return Object.entries(value).flatMap(([cond, v]) => targets(v, [...conditions, cond]));
}
for (const [key, value] of Object.entries(pkg.exports)) {
  for (const [target, conds] of targets(value)) {
    const fills = key.includes('*') ? (key.startsWith('./cdn/') ? ['turnout.js', 'embed.html'] : tags) : [''];
    for (const fill of fills) {
      if (key === './schema/*') {
        need('schema/turnout-feed.schema.json', `exports ${key}`);
        continue;
      }
      const path = normalize(target.replaceAll('*', fill)).replace(/^\.\//, '');
      need(path, `exports["${key.replace('*', fill)}"]${conds.length ? ` (${conds.join(' > ')})` : ''}`);
    }
  }
}
need(pkg.customElements.replace(/^\.\//, ''), 'the customElements field');
need(pkg.types.replace(/^\.\//, ''), 'the types field');

// 2. side-effect-free classes: follow relative imports from the class entries; no define file may be reached.
function graph(start) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file) || !files.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(root, file), 'utf8');
    // Static imports and re-exports only (dynamic import() loads later, on use).
    for (const m of code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|(?:^|[;\n])\s*import\s*['"](\.[^'"]+)['"]/g)) {
      walk(normalize(join(dirname(file), m[1] ?? m[2])));
    }
  };
  walk(start);
  return seen;
}
for (const entry of ['dist/index.js', ...tags.map((t) => `dist/elements/${t}/${t}.js`)]) {
  const defines = [...graph(entry)].filter((f) => /\.define\.js$|define-all\.js$/.test(f));
  if (defines.length) problems.push(`${entry} imports ${defines.join(', ')}: importing the class would define an element`);
}
for (const pattern of pkg.sideEffects.filter((p) => p.startsWith('./dist/'))) {
  if (pattern.includes('*') && !pattern.includes('cdn')) {
    const re = new RegExp(`^${pattern.slice(2).replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`);
    if (![...files].some((f) => re.test(f))) problems.push(`sideEffects ${pattern} matches no file in the package`);
  }
}

// 3. per element: class, types, define entry, CDN bundles
for (const t of tags) {
  for (const f of [`${t}.js`, `${t}.d.ts`, `${t}.define.js`, `${t}.define.d.ts`]) need(`dist/elements/${t}/${f}`, t);
  need(`dist/cdn/${t}.js`, `${t} CDN bundle`);
  need(`dist/cdn/v${pkg.version}/${t}.js`, `${t} versioned CDN bundle`);
}
for (const f of ['turnout.js', 'embed.html', 'embed.js', 'embed-resize.js', 'integrity.json']) need(`dist/cdn/v${pkg.version}/${f}`, 'CDN');
need('dist/define-all.js', 'exports ./define-all.js');

// 4. the manifest
const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
const declared = new Set();
for (const mod of manifest.modules) {
  if (!files.has(mod.path)) problems.push(`custom-elements.json lists ${mod.path}, which is not in the package`);
  for (const d of mod.declarations ?? []) if (d.tagName) declared.add(d.tagName);
}
for (const t of tags) if (!declared.has(t)) problems.push(`custom-elements.json does not describe <${t}>`);

// 5. what must not ship
const unwanted = [
  [/(^|\/)(test|tests|__tests__)\//, 'test folder'],
  [/\.(test|spec)\.(js|ts|d\.ts|mjs)$/, 'test file'],
  [/(^|\/)stories\/|\.stories\./, 'story'],
  [/^storybook-static\//, 'Storybook build'],
  [/^dist-demo\//, 'demo build'],
  [/^dist\/cdn\/\.vite\//, 'build bookkeeping'],
  [/\.map$/, 'source map'],
  [/^node_modules\//, 'node_modules'],
];
for (const f of files) {
  for (const [re, what] of unwanted) if (re.test(f)) problems.push(`${f}: ${what} in the package`);
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`${report.name}@${report.version}: ${report.entryCount} files, ${kb(report.size)} packed, ${kb(report.unpackedSize)} unpacked`);
console.log(`  elements: ${tags.join(', ')}; exports checked: ${Object.keys(pkg.exports).length}`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('  pack contents OK');
