// Test-only routes served by the test runner's dev server (same origin as the tests).
//   /__feed/hits?path=/demo/data/feed.json        -> how many times that path was requested
//   /__feed/reset                                  -> forget the counts
//   /__feed/respond?status=500&type=text/html&body=...&delay=ms&bytes=n -> a crafted response
// Every request is counted by its path (query string included) so tests can assert "one request per feed".
const hits = new Map();

export async function feedRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
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
  hits.set(ctx.url, (hits.get(ctx.url) ?? 0) + 1);
  if (url.pathname === '/__feed/respond') {
    const p = url.searchParams;
    const delay = Number(p.get('delay') ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    ctx.status = Number(p.get('status') ?? 200);
    ctx.type = p.get('type') ?? 'application/json';
    if (p.has('cache')) ctx.set('Cache-Control', p.get('cache'));
    if (p.has('bytes')) {
      ctx.body = Buffer.alloc(Number(p.get('bytes')), 0x20);
    } else {
      ctx.body = p.get('body') ?? '';
    }
    return;
  }
  return next();
}
