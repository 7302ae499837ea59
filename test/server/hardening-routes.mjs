// Test-only routes for the hardening suite (test/hardening/), served by the test runner's dev server on the tests'
// own origin.
//   POST /__hardening/put?type=…&status=…&encoding=utf16le|utf16be|bom  (body: the feed text)
//                                   -> {"url": "/__hardening/get/<n>"}: that URL then answers with the body, type and
//                                      status given (feeds too long for a query string: payload feeds, big feeds)
//   GET  /__hardening/get/<n>      -> the stored body
//   GET  /__hardening/big?kind=…&n=…
//                                   -> generated feeds made here rather than uploaded: kind=pad (n bytes of JSON
//                                      white space around an empty feed), events (n native events), deep (JSON
//                                      nested n levels), huge-string (one event whose title is n characters)
//   GET  /__hardening/hold?key=k    -> never answers; /__hardening/held?key=k says how many such requests arrived
//                                      and how many the client gave up (closed) before an answer
//   GET  /__hardening/loop          -> a Mobilize page whose `next` points to itself (absolute, same origin)
//   GET  /__hardening/csp-page?…    -> an HTML page served with the strict Content Security Policy (CSP below);
//                                      its only script is /test/hardening/csp-page.js (same origin)
//   POST /__hardening/csp-report    -> CSP violation reports (report-uri); GET /__hardening/csp-reports lists them
//   GET  /__hardening/sinks[?dir=…] -> runs scripts/check-sinks.mjs over src/ (or that folder):
//                                      {"files": n, "sinks": [...], "findings": [...]}
import { checkSinks } from '../../scripts/check-sinks.mjs';

export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "worker-src 'self' blob:; require-trusted-types-for 'script'";

const stored = new Map();
const held = new Map();
const reports = [];

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function encode(text, encoding) {
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  }
  if (encoding === 'bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return Buffer.from(text, 'utf8');
}

function nativeEvent(i) {
  const start = Date.UTC(2026, 0, 31, 15) + (i % 48) * 1800_000;
  return {
    id: `e${i}`,
    title: `Gathering ${i}`,
    start: new Date(start).toISOString(),
    timeZone: 'America/Chicago',
    location: { locality: 'Chicago', region: 'IL', country: 'US' },
    url: `https://coalition.example/rsvp/${i}`,
  };
}

function bigBody(kind, n) {
  if (kind === 'pad') {
    // A valid feed with one event, padded with white space to n bytes.
    const core = JSON.stringify({ turnout: '1.0', events: [nativeEvent(1)] });
    return core.slice(0, -1) + ' '.repeat(Math.max(0, n - core.length)) + '}';
  }
  if (kind === 'events') {
    const parts = ['{"turnout":"1.0","events":['];
    for (let i = 0; i < n; i++) parts.push((i ? ',' : '') + JSON.stringify(nativeEvent(i)));
    parts.push(']}');
    return parts.join('');
  }
  if (kind === 'deep') return '{"turnout":"1.0","events":[' + '['.repeat(n) + ']'.repeat(n) + ']}';
  if (kind === 'deep-object') return '{"turnout":"1.0","events":[{"id":"x","title":' + '{"a":'.repeat(n) + '1' + '}'.repeat(n) + '}]}';
  if (kind === 'huge-string') {
    const event = { ...nativeEvent(1), title: 'Long '.repeat(Math.ceil(n / 5)).slice(0, n) };
    return JSON.stringify({ turnout: '1.0', events: [event, nativeEvent(2)] });
  }
  return '';
}

const CSP_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Turnout under a strict Content Security Policy</title>
<script type="module" src="/test/hardening/csp-page.js"></script>
</head>
<body>
<main id="widgets"></main>
</body>
</html>
`;

export async function hardeningRoutes(ctx, next) {
  if (!ctx.path.startsWith('/__hardening/')) return next();
  const url = new URL(ctx.url, 'http://localhost');
  const p = url.searchParams;
  const route = ctx.path.slice('/__hardening/'.length);

  if (route === 'put' && ctx.method === 'POST') {
    const body = await readBody(ctx.req);
    const id = stored.size + 1;
    stored.set(String(id), {
      bytes: encode(body.toString('utf8'), p.get('encoding')),
      type: p.get('type') ?? 'application/json',
      status: Number(p.get('status') ?? 200),
    });
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ url: `/__hardening/get/${id}` });
    return;
  }
  if (route.startsWith('get/')) {
    const entry = stored.get(route.slice(4));
    if (!entry) {
      ctx.status = 404;
      return;
    }
    ctx.status = entry.status;
    ctx.set('Content-Type', entry.type);
    ctx.body = entry.bytes;
    return;
  }
  if (route === 'big') {
    ctx.type = 'application/json';
    ctx.body = bigBody(p.get('kind'), Number(p.get('n') ?? 0));
    return;
  }
  if (route === 'hold') {
    const key = p.get('key') ?? '';
    const entry = held.get(key) ?? { arrived: 0, closed: 0 };
    held.set(key, entry);
    entry.arrived++;
    ctx.respond = false;
    ctx.req.socket.setTimeout(0);
    // Never answers; counts the client giving up (abort, timeout, page gone).
    await new Promise((resolve) => ctx.req.on('close', resolve));
    entry.closed++;
    ctx.res.destroy();
    return;
  }
  if (route === 'held') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(held.get(p.get('key') ?? '') ?? { arrived: 0, closed: 0 });
    return;
  }
  if (route === 'loop') {
    ctx.type = 'application/json';
    const self = `${ctx.protocol}://${ctx.host}${ctx.url}`;
    ctx.body = JSON.stringify({
      count: 1,
      next: self,
      previous: null,
      data: [
        {
          id: 1,
          title: 'Looping page event',
          timeslots: [{ start_date: Date.UTC(2026, 0, 31, 18) / 1000, end_date: Date.UTC(2026, 0, 31, 20) / 1000 }],
          timezone: 'America/Chicago',
          location: { locality: 'Chicago', region: 'IL', country: 'US' },
          browser_url: 'https://www.mobilize.us/example/event/1/',
        },
      ],
    });
    return;
  }
  if (route === 'csp-page') {
    ctx.set('Content-Security-Policy', `${STRICT_CSP}; report-uri /__hardening/csp-report`);
    ctx.type = 'text/html';
    ctx.body = CSP_PAGE;
    return;
  }
  if (route === 'csp-report' && ctx.method === 'POST') {
    const body = await readBody(ctx.req);
    try {
      reports.push(JSON.parse(body.toString('utf8')));
    } catch {
      reports.push({ unreadable: body.toString('utf8').slice(0, 500) });
    }
    ctx.status = 204;
    return;
  }
  if (route === 'csp-reports') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(reports);
    return;
  }
  if (route === 'sinks') {
    ctx.type = 'application/json';
    // `dir` (tests of the check itself) must be a folder inside the repository.
    const dir = p.get('dir');
    if (dir && !/^[\w-]+(?:\/[\w-]+)*$/.test(dir)) {
      ctx.status = 400;
      return;
    }
    ctx.body = JSON.stringify(await checkSinks(dir ? [dir] : undefined));
    return;
  }
  return next();
}
