// Browser bundles for `<script type="module" src=".../dist/cdn/<name>.js">` on any page.
//
// Entries:
//   dist/cdn/turnout.js  -> src/define-all.ts (defines every element)
//   dist/cdn/<tag>.js    -> src/elements/<tag>/<tag>.define.ts, found automatically
// scripts/build.mjs builds each entry on its own (TURNOUT_CDN_ENTRY=<name>) into the same folder: an entry is ONE
// file holding everything it needs before its feed arrives (Lit, the feed loader, the element), so a visitor's
// first paint waits for one request, not a waterfall of shared chunks. The lazy parts (the feed parser, its
// worker, locales) do not depend on the entry that loads them, so they come out byte-identical, under the same
// content-hashed name, from every entry's build: every bundle on a page shares them. A page with several
// elements is best served by turnout.js (one copy of Lit); mixing bundles still works and still fetches each
// feed once (the feed cache, clock and ticker live on globalThis).
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
import { defineConfig, parseAst, type Plugin } from 'vite';
import { findElements } from './scripts/lib/elements.mjs';

const entries: Record<string, string> = { turnout: 'src/define-all.ts' };
for (const el of findElements()) entries[el.tag] = el.define;
/** One entry per build (scripts/build.mjs); without it (Storybook, a plain `vite build`), all in one build. */
const only = process.env.TURNOUT_CDN_ENTRY;
if (only && !entries[only]) throw new Error(`Unknown CDN entry ${only}`);
const input = only ? { [only]: entries[only] } : entries;
const suffix = only ? `-${only}` : '';

/**
 * Writes dist/cdn/.vite/modules-<entry>.json: for each chunk, its modules and their rendered size (before minification),
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
      this.emitFile({ type: 'asset', fileName: `.vite/modules${suffix}.json`, source: JSON.stringify(chunks, null, 1) });
    },
  };
}

type Node = { type?: string; start: number; end: number; [key: string]: unknown };
type Quasi = Node & { value: { raw: string } };

/**
 * Drops the indentation inside Lit's html`` and css`` templates of our own modules (the minifier keeps template
 * text as written). Only safe rewrites: in html, whitespace that contains a line break becomes one space (the
 * browser collapses it the same way; no template of ours uses <pre>, <textarea> or `white-space: pre`); in css,
 * whitespace runs become one space, and these go: the spaces next to `{ } ; ,` and after `:`, a last `;` before `}`,
 * the zero of `0.5`, the spaces around `*` and `/` in calc(). Text, attribute values and bindings are otherwise
 * left as they are. No dependency: the templates are found with Vite's own parser.
 */
function minifyTemplates(): Plugin {
  const rewrite: Record<string, (raw: string) => string> = {
    html: (raw) => raw.replace(/[ \t]*\n\s*/g, ' '),
    css: (raw) =>
      raw
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,]) ?|(:) /g, '$1$2')
        .replace(/;}/g, '}')
        .replace(/([^\w.-])0\.(\d)/g, '$1.$2')
        .replace(/calc\((?:[^()]|\([^()]*\))*\)/g, (calc) => calc.replace(/ ([*/]) /g, '$1')),
  };
  return {
    name: 'turnout-minify-templates',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!id.startsWith(`${process.cwd()}/src/`) || !/\b(html|css)`/.test(code)) return null;
      const quasis: [Quasi, (raw: string) => string][] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as Node;
        const tag = n.tag as Node & { name?: string };
        if (n.type === 'TaggedTemplateExpression' && tag.type === 'Identifier' && rewrite[tag.name!]) {
          for (const q of (n.quasi as { quasis: Quasi[] }).quasis) quasis.push([q, rewrite[tag.name!]]);
        }
        for (const key in n) if (key !== 'tag') visit(n[key]);
      };
      visit(parseAst(code));
      let out = code;
      for (const [q, fn] of quasis.sort((a, b) => b[0].start - a[0].start)) {
        if (out.slice(q.start, q.end) !== q.value.raw) continue;
        out = out.slice(0, q.start) + fn(q.value.raw) + out.slice(q.end);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}

export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: !only,
    target: 'es2022',
    sourcemap: false,
    lib: { entry: input, formats: ['es'] },
    // dist/cdn/.vite/manifest-<entry>.json: the chunk graph that scripts/size.mjs follows.
    manifest: `.vite/manifest${suffix}.json`,
    reportCompressedSize: false,
    rolldownOptions: {
      plugins: [moduleSizes(), minifyTemplates()],
      // @lit/localize's main module re-exports its whole runtime, whose modules run a few harmless statements at
      // import (a resolved promise, a lookup table), so a bundler keeps them even when nothing uses them. Its
      // modules have no side effects that matter: include one only when something imports from it (e.g.
      // configureLocalization, once locales are set up).
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/@lit/localize/') },
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
    // A module worker next to the other chunks; the CSV reader (papaparse) is a chunk of its own, loaded by the
    // worker only for a CSV body.
    format: 'es',
    rolldownOptions: {
      output: {
        entryFileNames: 'chunks/[name]-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
