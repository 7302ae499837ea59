// Test-only routes for feeds that arrive slowly (served by the test runner's dev server, same origin as the tests).
//   /__stream/feed?n=3000&key=k&head=700000 -> a native Turnout feed of n generated events, sent without
//        Content-Length: the first `head` bytes at once, the rest only once /__stream/release?key=k is asked for
//        (or after 60 s). A widget can then be seen while the body is still downloading.
//        With dup=1, a last event repeats the first one's id at another place (the feed's reading skips it).
//   /__stream/release?key=k                 -> lets the rest of that feed go
const waiting = new Map();

const CITIES = [
  ['Chicago', 'IL', 41.8781, -87.6298],
  ['Minneapolis', 'MN', 44.9778, -93.265],
  ['Atlanta', 'GA', 33.749, -84.388],
  ['Denver', 'CO', 39.7392, -104.9903],
  ['Seattle', 'WA', 47.6062, -122.3321],
];

/** Event i of a generated feed: one of five cities, a rally or a march, starting at some hour of Jan 31, 2026 (Chicago time). */
export function streamedEvent(i) {
  const [locality, region, lat, lng] = CITIES[i % CITIES.length];
  const hour = 8 + (i % 12);
  return {
    id: `stream-${i}`,
    title: `Streamed gathering ${i} in ${locality}`,
    description: `Gathering number ${i} of the day of action. `.repeat(4),
    start: `2026-01-31T${String(hour).padStart(2, '0')}:00:00-06:00`,
    end: `2026-01-31T${String(hour + 1).padStart(2, '0')}:30:00-06:00`,
    timeZone: 'America/Chicago',
    location: { venue: `Hall ${i}`, locality, region, country: 'US', lat: lat + (i % 50) / 1000, lng: lng + (i % 37) / 1000 },
    type: i % 2 ? 'rally' : 'march',
    tags: ['Streamed'],
    url: `https://example.org/events/stream-${i}`,
    host: 'Streaming Test Coalition',
  };
}

export async function streamRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (url.pathname === '/__stream/release') {
    const key = url.searchParams.get('key') ?? '';
    waiting.get(key)?.();
    waiting.delete(key);
    ctx.body = '{"released":true}';
    ctx.type = 'application/json';
    return;
  }
  if (url.pathname !== '/__stream/feed') return next();
  const n = Math.max(1, Math.min(100_000, Number(url.searchParams.get('n') ?? 3000)));
  const key = url.searchParams.get('key') ?? '';
  const head = Number(url.searchParams.get('head') ?? 700_000);
  const events = Array.from({ length: n }, (_, i) => streamedEvent(i + 1));
  if (url.searchParams.get('dup') === '1') events.push({ ...streamedEvent(1), title: 'Repeated id', location: { lat: 30, lng: -95 } });
  const body = Buffer.from(
    JSON.stringify({ turnout: '1.0', title: 'Streamed feed', timeZone: 'America/Chicago', events }),
  );
  const res = ctx.res;
  ctx.respond = false;
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  if (head >= body.length) {
    res.end(body);
    return;
  }
  res.write(body.subarray(0, head));
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 60_000);
    waiting.set(key, () => {
      clearTimeout(timer);
      resolve();
    });
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (!res.destroyed) res.end(body.subarray(head));
}
