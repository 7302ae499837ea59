// `npm run build`: everything that ships.
//   dist/**/*.js + .d.ts       tsc (side-effect-free classes, define files, feed layer) for npm users
//   dist/custom-elements.json  the Custom Elements Manifest (custom-elements-manifest.config.mjs)
//   dist/cdn/                  browser bundles from vite.config.ts, the iframe page (embed.html, src/embed/) and
//                              dist/cdn/v<version>/: the same files under a versioned, never-changing path, with
//                              integrity.json (sha384 of every file, for `integrity="..."` in snippets)
// Flags: --cdn-only (just the browser bundles; the tests use it), --manifest-only (Storybook uses it).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { findElements, root } from './lib/elements.mjs';

const args = new Set(process.argv.slice(2));
const cdnOnly = args.has('--cdn-only');
const manifestOnly = args.has('--manifest-only');
const bin = (name) => join(root, 'node_modules/.bin', name);

async function step(label, fn) {
  const t0 = performance.now();
  await fn();
  console.log(`  ${label.padEnd(26)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function run(cmd, cmdArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')} exited ${code}`))));
  });
}

/** index.ts and define-all.ts are written by hand; make sure nobody forgot a new element. */
function checkEntryPoints() {
  const index = readFileSync(join(root, 'src/index.ts'), 'utf8');
  const all = readFileSync(join(root, 'src/define-all.ts'), 'utf8');
  const missing = [];
  for (const { tag } of findElements()) {
    if (!index.includes(`./elements/${tag}/${tag}.js`)) missing.push(`src/index.ts does not export ./elements/${tag}/${tag}.js`);
    if (!all.includes(`./elements/${tag}/${tag}.define.js`)) missing.push(`src/define-all.ts does not import ./elements/${tag}/${tag}.define.js`);
  }
  if (missing.length) throw new Error(`Entry points out of date:\n  ${missing.join('\n  ')}`);
}

/** Lit prints a dev-mode warning from its development build; the bundles must carry the production one. */
function checkProductionBundles() {
  const dir = join(root, 'dist/cdn');
  const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js'));
  const dev = files.filter((f) => readFileSync(join(dir, String(f)), 'utf8').includes('Lit is in dev mode'));
  if (dev.length) throw new Error(`Lit's development build ended up in ${dev.join(', ')}`);
}

/**
 * Minifying drops the licence comments of the packages bundled into dist/cdn (Lit, valibot, papaparse...): write
 * their licences next to the bundles instead, from the module list the build recorded (.vite/modules.json).
 */
function writeThirdPartyLicenses() {
  const dir = join(root, 'dist/cdn');
  const chunks = JSON.parse(readFileSync(join(dir, '.vite/modules.json'), 'utf8'));
  const names = new Set();
  const helpers = new Set();
  for (const modules of Object.values(chunks)) {
    for (const [id] of modules) {
      const parts = id.split('/');
      const name = id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (existsSync(join(root, 'node_modules', name, 'package.json'))) names.add(name);
      // Helpers the compiler inserts (e.g. "\0@oxc-project+runtime@0.156.0/helpers/esm/decorate.js").
      const helper = /^\0(@[^+/]+)\+([^@/]+)@([^/]+)\//.exec(id);
      if (helper) helpers.add(`${helper[1]}/${helper[2]} ${helper[3]} (MIT), helper code inserted by the compiler (oxc).`);
    }
  }
  const sections = [...names].sort().map((name) => {
    const pkgDir = join(root, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(pkgDir).find((f) => /^(licen[sc]e|copying)/i.test(f));
    const text = licenseFile ? readFileSync(join(pkgDir, licenseFile), 'utf8').trim() : `License: ${pkg.license}`;
    return `${name} ${pkg.version} (${pkg.license})\n${'-'.repeat(60)}\n${text}\n`;
  });
  const header = 'Third-party software bundled in these files, with its licences.\n\n';
  writeFileSync(join(dir, 'THIRD-PARTY-LICENSES.txt'), header + [...sections, ...helpers].join('\n'));
}

/**
 * The iframe page (src/embed/): embed.html and embed.css copied as they are, embed.js (the page's only script, a
 * same-origin file so a strict CSP needs no 'unsafe-inline') and embed-resize.js (the optional host-side script that
 * sets an iframe's height from the page's messages). Neither script contains an element: embed.js imports the
 * chosen element's own bundle (./<tag>.js) next to it.
 */
async function embedPage() {
  const dir = join(root, 'dist/cdn');
  for (const [name, entry] of [
    ['embed', 'src/embed/embed.ts'],
    ['embed-resize', 'src/embed/resize.ts'],
  ]) {
    await build({
      configFile: false,
      root,
      mode: 'production',
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir: dir,
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: false,
        reportCompressedSize: false,
        lib: { entry: { [name]: entry }, formats: ['es'] },
        rolldownOptions: {
          // The same names as the element builds: a language module comes out byte-identical, under the same name.
          output: { minify: true, comments: false, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    });
  }
  for (const file of ['embed.html', 'embed.css']) copyFileSync(join(root, 'src/embed', file), join(dir, file));
}

/** `integrity` attribute value of a file's bytes. */
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * dist/cdn/v<version>/: a copy of every file a browser loads (entries, chunks, the iframe page, licences). The
 * entries import their chunks with relative URLs, so the copies load the copies. Writes integrity.json and prints
 * each entry's size and hash.
 */
function versionedCopy() {
  const dir = join(root, 'dist/cdn');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = join(dir, `v${version}`);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || /^v\d/.test(name)) continue;
    cpSync(join(dir, name), join(out, name), { recursive: true });
  }
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|html|css)$/.test(name)) files[relative(out, path)] = sri(readFileSync(path));
    }
  };
  walk(out);
  const entries = ['turnout', ...findElements().map((e) => e.tag)].map((n) => `${n}.js`);
  const json = JSON.stringify({ name: 'turnout-widgets', version, entries, files }, null, 1) + '\n';
  writeFileSync(join(out, 'integrity.json'), json);
  // The same at the top: says which version the unversioned files are (the embed builder reads it).
  writeFileSync(join(dir, 'integrity.json'), json);
  console.log(`\n  dist/cdn/v${version}/ (sha384, for integrity="..."; all files in integrity.json)`);
  for (const name of [...entries, 'embed.js', 'embed-resize.js', 'embed.html']) {
    const size = statSync(join(out, name)).size;
    console.log(`  ${name.padEnd(22)} ${(size / 1024).toFixed(1).padStart(6)} KB  ${files[name]}`);
  }
  console.log('');
}

const manifest = () => run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);

/**
 * Builds each CDN entry on its own into dist/cdn (see vite.config.ts for why), then joins the per-entry manifests
 * and module lists into dist/cdn/.vite/manifest.json (keys "<entry>:<module>") and modules.json.
 */
async function cdn() {
  const dir = join(root, 'dist/cdn');
  rmSync(dir, { recursive: true, force: true });
  const names = ['turnout', ...findElements().map((e) => e.tag)];
  const manifest = {};
  const modules = {};
  for (const name of names) {
    process.env.TURNOUT_CDN_ENTRY = name;
    try {
      await build({ configFile: join(root, 'vite.config.ts'), root, mode: 'production', logLevel: 'warn' });
    } finally {
      delete process.env.TURNOUT_CDN_ENTRY;
    }
    const own = JSON.parse(readFileSync(join(dir, `.vite/manifest-${name}.json`), 'utf8'));
    for (const [key, chunk] of Object.entries(own)) manifest[`${name}:${key}`] = chunk;
    Object.assign(modules, JSON.parse(readFileSync(join(dir, `.vite/modules-${name}.json`), 'utf8')));
  }
  writeFileSync(join(dir, '.vite/manifest.json'), JSON.stringify(manifest, null, 1));
  writeFileSync(join(dir, '.vite/modules.json'), JSON.stringify(modules));
  checkProductionBundles();
  writeThirdPartyLicenses();
  await embedPage();
  versionedCopy();
}

const t0 = performance.now();
try {
  console.log(`Building turnout-widgets (${findElements().map((e) => e.tag).join(', ') || 'no elements yet'})`);
  checkEntryPoints();
  if (manifestOnly) {
    await step('custom-elements.json', manifest);
  } else if (cdnOnly) {
    await step('dist/cdn (vite)', cdn);
  } else {
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    await step('dist (tsc)', () => run(bin('tsc'), ['-p', 'tsconfig.json']));
    await step('custom-elements.json', manifest);
    await step('dist/cdn (vite)', cdn);
  }
  console.log(`Done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`Build failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
