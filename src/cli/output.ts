/// <reference types="node" />
/**
 * Writing a converted feed: one file, or a folder ready for any static host (feed.json, optionally feed.min.json,
 * a `_headers` file that Netlify and Cloudflare Pages read, and a short note with the same headers for other hosts).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileError } from './io.js';

/** The headers every feed should be served with (docs/feed-hosting.md explains each). */
export const FEED_HEADERS: readonly [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Cache-Control', 'public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400'],
  ['Content-Type', 'application/json; charset=utf-8'],
  ['X-Content-Type-Options', 'nosniff'],
];

export interface Written {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export function headersFile(names: string[]): string {
  const lines = [
    '# Headers for the Turnout feed (Netlify and Cloudflare Pages read this file).',
    '# If the feed is published in a subfolder, put the folder in the paths below, e.g. /feeds/feed.json.',
  ];
  for (const name of names) {
    lines.push(`/${name}`);
    for (const [key, value] of FEED_HEADERS) lines.push(`  ${key}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

export function hostingNote(names: string[]): string {
  const header = FEED_HEADERS.map(([k, v]) => `    ${k}: ${v}`).join('\n');
  return `# Publishing this feed

Files: ${names.map((n) => `\`${n}\``).join(', ')}, made by \`turnout-feed convert\`. Upload the folder to any static
host and point the widgets at the feed's address:

    <event-list src="https://your.site/feed.json"></event-list>

Serve the feed with these headers (\`_headers\` sets them on Netlify and Cloudflare Pages):

${header}

plus an \`ETag\` or \`Last-Modified\` (most hosts add one) and gzip or brotli compression. The short \`max-age\`
keeps widgets fresh; \`stale-while-revalidate\` lets browsers show the last copy at once while they check for a
new one; \`stale-if-error\` lets a CDN keep serving the last copy if your host is down. Before and during a day of
action, a \`max-age\` of 60 is a good choice. GitHub Pages sends its own fixed headers (\`max-age=600\` and
\`Access-Control-Allow-Origin: *\`), which work too.

Check the feed before publishing: \`npx turnout-feed validate feed.json\`; after publishing:
\`npx turnout-feed validate https://your.site/feed.json\` (it also checks the headers).
`;
}

async function write(path: string, text: string): Promise<Written> {
  const bytes = Buffer.from(text, 'utf8');
  try {
    await writeFile(path, bytes);
  } catch (e) {
    throw fileError(path, e, 'write');
  }
  return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Whether `--out` names a file (ends in .json) rather than a folder. */
export function isFileTarget(out: string): boolean {
  return /\.json$/i.test(out);
}

export async function writeOutputs(out: string, pretty: string, minified: string | undefined): Promise<Written[]> {
  if (isFileTarget(out)) {
    await mkdir(dirname(out), { recursive: true }).catch((e: unknown) => {
      throw fileError(out, e, 'write');
    });
    return [await write(out, minified ?? pretty)];
  }
  try {
    const s = await stat(out).catch(() => undefined);
    if (s && !s.isDirectory()) throw Object.assign(new Error('exists'), { code: 'ENOTDIR' });
    await mkdir(out, { recursive: true });
  } catch (e) {
    throw fileError(out, e, 'write');
  }
  const names = minified === undefined ? ['feed.json'] : ['feed.json', 'feed.min.json'];
  const written = [await write(join(out, 'feed.json'), pretty)];
  if (minified !== undefined) written.push(await write(join(out, 'feed.min.json'), minified));
  written.push(await write(join(out, '_headers'), headersFile(names)));
  written.push(await write(join(out, 'README-feed.md'), hostingNote(names)));
  return written;
}
