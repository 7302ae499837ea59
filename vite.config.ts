// Browser bundles for `<script type="module" src=".../dist/cdn/<name>.js">` on any page.
//
// One build with several inputs, so the per-element bundles and the all-in-one share their chunks (Lit, the feed
// layer): a page that loads two of them downloads the common code once. Entries:
//   dist/cdn/turnout.js  -> src/define-all.ts (defines every element)
//   dist/cdn/<tag>.js    -> src/elements/<tag>/<tag>.define.ts, found automatically
// Lazy parts (the feed parser, its Web Worker, locales) become their own files under dist/cdn/chunks/, loaded
// relative to the importing file (`import.meta.url`), so the bundles work from any origin and any path.
//
// Library mode: no module-preload helper in the bundles (it needs `document` and weighs ~1.3 KB gzip). In library
// mode Vite inlines assets as data: URLs; add `?no-inline` to an asset import (e.g. `x.js?url&no-inline`) to get
// a file instead. Workers started with `new Worker(new URL('./w.js', import.meta.url), { type: 'module' })` are
// bundled into one file each.
//
// The npm build (dist/*.js + .d.ts) is tsc's job, see scripts/build.mjs. Storybook loads this file too, but
// ignores its `build` section.
import { defineConfig, type Plugin } from 'vite';
import { findElements } from './scripts/lib/elements.mjs';

const input: Record<string, string> = { turnout: 'src/define-all.ts' };
for (const el of findElements()) input[el.tag] = el.define;

/**
 * Writes dist/cdn/.vite/modules.json: for each chunk, its modules and their rendered size (before minification),
 * so `npm run size` can say what makes an entry heavy.
 */
function moduleSizes(): Plugin {
  return {
    name: 'turnout-module-sizes',
    apply: 'build',
    generateBundle(_, bundle) {
      const chunks: Record<string, [string, number][]> = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunks[file] = Object.entries(chunk.modules)
          .map(([id, m]): [string, number] => [id.replace(/^.*\/node_modules\//, '').replace(`${process.cwd()}/`, ''), m.renderedLength])
          .filter(([, n]) => n > 0)
          .sort((a, b) => b[1] - a[1]);
      }
      this.emitFile({ type: 'asset', fileName: '.vite/modules.json', source: JSON.stringify(chunks, null, 1) });
    },
  };
}

export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    lib: { entry: input, formats: ['es'] },
    // dist/cdn/.vite/manifest.json: the chunk graph that scripts/size.mjs follows.
    manifest: true,
    reportCompressedSize: false,
    rolldownOptions: {
      plugins: [moduleSizes()],
      // An entry may hold the code it shares (no extra facade file, one request fewer for a one-element page).
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Library mode keeps whitespace and comments by default; these files are for browsers only.
        minify: true,
        comments: false,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
  worker: {
    // A module worker, bundled into one self-contained file next to the other chunks.
    format: 'es',
    rolldownOptions: {
      output: {
        entryFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: false,
      },
    },
  },
});
