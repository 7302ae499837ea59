import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

// Test-only routes served by the test runner's dev server (same origin as the tests).
//   /__feed/hits?path=/demo/data/feed.json        -> how many times that path was requested
//   /__feed/reset                                  -> forget the counts
//   /__feed/respond?status=500&type=text/html&body=...&delay=ms&bytes=n -> a crafted response
//      &fail-after=n  -> from request n+1 on (same URL), answer 500 instead (a refresh that fails)
//      &etag=x        -> send ETag "x" and answer 304 to a matching If-None-Match
//      &stream=1      -> with bytes=n: send the body chunked, without Content-Length
//   /__feed/mobilize?pages=3&per=2&key=k     -> page 1 of a generated Mobilize API chain (`page=n` for page n;
//                                               `next` is a same-origin relative URL; `nextUrl=` overrides page 1's next)
//   /__feed/headers?path=...                  -> the request headers of the last request for that path
//   /__feed/cancelled?path=...                -> how many requests for that path the client gave up before the answer
// Every request is counted by its path (query string included) so tests can assert "one request per feed".
const hits = new Map();
const lastHeaders = new Map();
const cancelled = new Map();

/** A Mobilize API v1 event, varied enough to exercise the adapter. */
function mobilizeEvent(id) {
  const start = Date.UTC(2026, 0, 31, 18) / 1000 + (id % 8) * 3600;
  return {
    id,
    title: `Day of action gathering #${id}`,
    description: `<p>Bring signs &amp; friends to gathering <b>${id}</b>.</p>`,
    timeslots: [{ id: id * 10, start_date: start, end_date: start + 7200, is_full: false }],
    timezone: 'America/Chicago',
    location: {
      venue: `Park ${id}`,
      address_lines: [`${100 + id} Main St`, ''],
      locality: 'Chicago',
      region: 'IL',
      country: 'US',
      postal_code: '60601',
      location: { latitude: 41.88 + (id % 100) / 1000, longitude: -87.63 },
    },
    address_visibility: id % 5 === 0 ? 'PRIVATE' : 'PUBLIC',
    is_virtual: false,
    virtual_action_url: null,
    event_type: 'RALLY',
    tags: [{ id: 1, name: 'ICE Out' }],
    browser_url: `https://www.mobilize.us/example/event/${id}/`,
    sponsor: { name: 'Riverside Tenants Union' },
    accessibility_notes: 'Step-free access',
    high_priority: id % 7 === 0,
  };
}

function mobilizePage(url) {
  const p = url.searchParams;
  const pages = Number(p.get('pages') ?? 1);
  const per = Number(p.get('per') ?? 2);
  const page = Number(p.get('page') ?? 1);
  const data = Array.from({ length: per }, (_, i) => mobilizeEvent((page - 1) * per + i + 1));
  let next = null;
  if (page === 1 && p.has('nextUrl')) next = p.get('nextUrl');
  else if (page < pages) {
    // Relative, on the feed's own origin: the link allowlist refuses absolute http: URLs (the test server's).
    const n = new URLSearchParams(url.search);
    n.set('page', String(page + 1));
    next = `${url.pathname}?${n}`;
  }
  return { count: pages * per, next, previous: null, data };
}

export async function feedRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  // `new Worker(new URL('./parse-worker.js', import.meta.url))` asks for the .js name, as in the build; like Vite,
  // serve the TypeScript source when only that exists.
  if (url.pathname.startsWith('/src/') && url.pathname.endsWith('.js')) {
    const file = fileURLToPath(new URL(`../..${url.pathname}`, import.meta.url));
    if (!existsSync(file) && existsSync(file.replace(/\.js$/, '.ts'))) ctx.url = ctx.url.replace(/\.js(?=\?|$)/, '.ts');
    return next();
  }
  if (url.pathname === '/__feed/hits') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: hits.get(url.searchParams.get('path')) ?? 0 });
    return;
  }
  if (url.pathname === '/__feed/reset') {
    hits.clear();
    ctx.body = 'ok';
    return;
  }
  if (url.pathname === '/__feed/cancelled') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: cancelled.get(url.searchParams.get('path')) ?? 0 });
    return;
  }
  if (url.pathname === '/__feed/headers') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(lastHeaders.get(url.searchParams.get('path')) ?? null);
    return;
  }
  const count = (hits.get(ctx.url) ?? 0) + 1;
  hits.set(ctx.url, count);
  if (url.pathname.startsWith('/__feed/')) {
    lastHeaders.set(ctx.url, ctx.headers);
    const key = ctx.url;
    ctx.res.on('close', () => {
      if (!ctx.res.writableFinished) cancelled.set(key, (cancelled.get(key) ?? 0) + 1);
    });
  }
  if (url.pathname === '/__feed/mobilize') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(mobilizePage(url));
    return;
  }
  if (url.pathname === '/__feed/respond') {
    const p = url.searchParams;
    const delay = Number(p.get('delay') ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const failed = p.has('fail-after') && count > Number(p.get('fail-after'));
    ctx.status = failed ? 500 : Number(p.get('status') ?? 200);
    if (p.has('etag')) {
      ctx.set('ETag', `"${p.get('etag')}"`);
      if (ctx.get('If-None-Match') === `"${p.get('etag')}"`) {
        ctx.status = 304;
        return;
      }
    }
    ctx.type = p.get('type') ?? 'application/json';
    if (p.has('cache')) ctx.set('Cache-Control', p.get('cache'));
    if (p.has('bytes') && p.has('stream')) {
      // Chunked, with no Content-Length: only counting the bytes as they arrive can catch it.
      const total = Number(p.get('bytes'));
      ctx.body = Readable.from(
        (function* () {
          for (let sent = 0; sent < total; sent += 65536) yield Buffer.alloc(Math.min(65536, total - sent), 0x20);
        })(),
      );
    } else if (p.has('bytes')) {
      ctx.body = Buffer.alloc(Number(p.get('bytes')), 0x20);
    } else {
      ctx.body = p.get('body') ?? '';
    }
    return;
  }
  return next();
}
