#!/usr/bin/env node
// Source check: no HTML sink anywhere in src/. Feed content is untrusted, so markup must never be built from
// strings: Lit's text bindings and element properties only. In shipped code any mention of a sink fails; in tests
// and stories (folders named test/ or stories/) reading `innerHTML` / `outerHTML` to inspect the DOM is allowed,
// writing them is not.
//
//   node scripts/check-sinks.mjs        prints each finding (file:line: sink) and exits 1 when there is any
//
// The hardening suite runs the same check on every `npm test` through the test server (/__hardening/sinks).
// A line may opt out with a comment `sink-check: allow <reason>` (none does today).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What is refused, and how it is recognised. */
export const SINKS = [
  ['unsafeHTML', /\bunsafeHTML\b|lit\/directives\/unsafe-html/],
  ['unsafeSVG', /\bunsafeSVG\b|lit\/directives\/unsafe-svg/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['setHTML', /\bsetHTML(?:Unsafe)?\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['parseFromString', /\bparseFromString\b/],
  ['eval', /(?<![.\w])eval\s*\(|\bnew\s+Function\s*\(/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
];

/** In tests and stories: only writes of these two count. */
const WRITE_ONLY = new Map([
  ['innerHTML', /\binnerHTML\s*\+?=(?!=)/],
  ['outerHTML', /\bouterHTML\s*\+?=(?!=)/],
]);
const TEST_PATH = /(?:^|[\\/])(?:test|stories)[\\/]/;

const EXTENSIONS = /\.(?:[cm]?[jt]sx?|html?)$/;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (EXTENSIONS.test(entry.name)) yield path;
  }
}

/** Every use of an HTML sink in `dirs` (relative to the repository): [{ file, line, sink, text }]. */
export async function checkSinks(dirs = ['src']) {
  const findings = [];
  let count = 0;
  for (const dir of dirs) {
    for await (const file of files(join(ROOT, dir))) {
      count++;
      const lines = (await readFile(file, 'utf8')).split('\n');
      const inTest = TEST_PATH.test(relative(ROOT, file));
      lines.forEach((text, i) => {
        if (/sink-check:\s*allow\s+\S/.test(text)) return;
        for (const [sink, any] of SINKS) {
          const pattern = (inTest && WRITE_ONLY.get(sink)) || any;
          if (pattern.test(text)) findings.push({ file: relative(ROOT, file), line: i + 1, sink, text: text.trim() });
        }
      });
    }
  }
  return { files: count, sinks: SINKS.map(([name]) => name), findings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files: n, findings } = await checkSinks(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  for (const f of findings) console.log(`${f.file}:${f.line}: ${f.sink}: ${f.text}`);
  console.log(`check-sinks: ${n} files, ${findings.length} HTML sinks`);
  process.exitCode = findings.length ? 1 : 0;
}
