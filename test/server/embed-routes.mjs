// Test-only routes for the embedding tests (test/embed/).
//
// /dist/cdn/*  served as a static CDN would: the bytes of the built files, untouched (the dev server's plugins
//              would otherwise rewrite JavaScript, and `integrity` checks need the exact bytes), with
//              `Access-Control-Allow-Origin: *` so pages on another origin (http://127.0.0.2:<port>, the same test
//              server under another name) can load them as module scripts, as a coalition's CDN must.
// /__feed/*    gets the same CORS header for cross-origin requests (the routes themselves: feed-routes.mjs),
//              unless the query says cors=no (a server that does not allow other origins).
// POST /__embed/store?type=text/html  (body: the content) -> {"path": "/__embed/stored/<n>"}: a page or a feed
//              of any length at a short URL, on whatever origin it is asked from (query strings are capped by
//              the server's header size). GET /__embed/stored/<n> answers it with that type (and CORS).
// /__embed/csp/<path>  the file dist/cdn/<path>; an HTML file also gets its own <meta> policy as a header, with
//              `report-uri /__embed/csp-report` added, so the browser reports every violation of it.
// POST /__embed/csp-report (the browser's reports) and GET /__embed/csp-reports -> [{ document, directive, blocked }].
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const cdnDir = fileURLToPath(new URL('../../dist/cdn/', import.meta.url));
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const stored = [];
const cspReports = [];

/** A file under dist/cdn/, or undefined. */
function cdnFile(rel) {
  const file = normalize(join(cdnDir, decodeURIComponent(rel)));
  return file.startsWith(cdnDir) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Registered before feedRoutes (whose /__feed answers end the chain): the CORS header for cross-origin requests. */
export async function embedCors(ctx, next) {
  if (ctx.get('Origin') && ctx.query.cors !== 'no' && (ctx.path.startsWith('/dist/cdn/') || ctx.path.startsWith('/__feed/'))) {
    ctx.set('Access-Control-Allow-Origin', '*');
  }
  return next();
}

/** Registered after feedRoutes, so it still counts every request (/__feed/hits). */
export async function embedRoutes(ctx, next) {
  if (ctx.path === '/__embed/store' && ctx.method === 'POST') {
    stored.push({ type: ctx.query.type || 'text/html', body: await readBody(ctx.req) });
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ path: `/__embed/stored/${stored.length - 1}` });
    return;
  }
  const m = /^\/__embed\/stored\/(\d+)$/.exec(ctx.path);
  if (m && stored[Number(m[1])]) {
    const { type, body } = stored[Number(m[1])];
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cache-Control', 'no-store');
    ctx.type = type;
    ctx.body = body;
    return;
  }
  if (ctx.path === '/__embed/csp-report' && ctx.method === 'POST') {
    try {
      const r = JSON.parse((await readBody(ctx.req)).toString())['csp-report'] ?? {};
      cspReports.push({ document: r['document-uri'], directive: r['violated-directive'], blocked: r['blocked-uri'] });
    } catch {
      cspReports.push({ document: null, directive: 'unreadable report', blocked: null });
    }
    ctx.status = 204;
    return;
  }
  if (ctx.path === '/__embed/csp-reports') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(cspReports);
    return;
  }
  const cdn = ctx.path.startsWith('/dist/cdn/') ? '/dist/cdn/' : ctx.path.startsWith('/__embed/csp/') ? '/__embed/csp/' : null;
  const file = cdn && cdnFile(ctx.path.slice(cdn.length));
  if (file) {
    ctx.set('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = readFileSync(file);
    if (cdn === '/__embed/csp/' && file.endsWith('.html')) {
      const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(ctx.body.toString())?.[1];
      if (policy) ctx.set('Content-Security-Policy', `${policy}; report-uri /__embed/csp-report`);
    }
    return;
  }
  return next();
}
