// The built CDN bundles (dist/cdn/), loaded the way a partner's page loads them: plain module script tags.
// `npm test` builds them first (node scripts/build.mjs --cdn-only); run that before `wtr --files test/bundles.test.ts`.
//
// "Three widgets, one request": the all-in-one, a per-element bundle and a second copy of it on one page, three
// <event-list> reading one URL, and the server sees that URL once.
import { expect, waitUntil } from '@open-wc/testing';
import { hits } from './helpers.js';

const CDN = '/dist/cdn';
/** The eve of the day of action: the synthetic events (January 31, 2026) are upcoming. */
const EVE = '2026-01-29T18:00:00-05:00';

/** A Mobilize API v1 events page with `count` events on January 31, 2026 in Chicago. */
function mobilizePage(count: number, label: string): string {
  const start = Date.UTC(2026, 1, 1, 1) / 1000; // 7 pm CST, January 31
  const data = Array.from({ length: count }, (_, i) => ({
    id: 5000 + i,
    title: `${label} ${i + 1}`,
    description: '<p>Bring a sign and a friend.</p>',
    timeslots: [{ id: 9000 + i, start_date: start + (i % 5) * 600, end_date: start + 7200, is_full: false }],
    timezone: 'America/Chicago',
    location: {
      venue: 'Union Park',
      address_lines: ['1501 W Randolph St', ''],
      locality: 'Chicago',
      region: 'IL',
      country: 'US',
      postal_code: '60607',
      location: { latitude: 41.8847, longitude: -87.6652 },
    },
    address_visibility: 'PUBLIC',
    is_virtual: false,
    virtual_action_url: null,
    event_type: 'RALLY',
    tags: [{ id: 1, name: 'ICE Out' }],
    browser_url: `https://www.mobilize.us/example/event/${5000 + i}/`,
    sponsor: { name: 'Riverside Tenants Union' },
    accessibility_notes: '',
    high_priority: false,
  }));
  return JSON.stringify({ count, next: null, previous: null, data });
}

function loadModuleScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

function renderedTitles(el: Element): string[] {
  return [...(el.shadowRoot?.querySelectorAll('[part~="event"] .title-text') ?? [])].map((t) => t.textContent ?? '');
}

function eventList(attrs: Record<string, string>): HTMLElement {
  const el = document.createElement('event-list');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

// First, before any bundle defines anything on this page.
describe('the npm entry point (src/index.ts)', () => {
  it('exports the element classes and helpers without defining any element', async () => {
    const api = await import('../src/index.js');
    expect(api.EventList).to.be.a('function');
    expect(api.loadFeed).to.be.a('function');
    expect(api.parseFeed).to.be.a('function');
    expect(customElements.get('event-list'), 'nothing is defined by importing it').to.equal(undefined);
  });
});

describe('CDN bundles on a page', () => {
  const pageErrors: string[] = [];
  const onError = (e: ErrorEvent) => pageErrors.push(e.message);

  before(async () => {
    const built = await fetch(`${CDN}/turnout.js`, { method: 'HEAD' });
    if (!built.ok) throw new Error('dist/cdn/turnout.js is missing: run `node scripts/build.mjs --cdn-only` first.');
    window.addEventListener('error', onError);
    // The all-in-one, a per-element bundle, and a second copy of it (another URL: its module code runs again).
    await loadModuleScript(`${CDN}/turnout.js`);
    await loadModuleScript(`${CDN}/event-list.js`);
    await loadModuleScript(`${CDN}/event-list.js?copy=2`);
  });

  after(() => {
    window.removeEventListener('error', onError);
    document.querySelectorAll('event-list').forEach((el) => el.remove());
  });

  it('loads the all-in-one and a per-element bundle together without an error', () => {
    expect(pageErrors).to.deep.equal([]);
    const EventList = customElements.get('event-list');
    expect(EventList, 'event-list is defined').to.be.a('function');
    expect(document.createElement('event-list')).to.be.instanceOf(EventList!);
  });

  it('three <event-list> on one URL make one request and all render the events', async () => {
    const src = `/__feed/respond?t=bundles-${Date.now()}&body=${encodeURIComponent(mobilizePage(3, 'Rally'))}`;
    const lists = [1, 2, 3].map(() => eventList({ src, now: EVE }));
    await waitUntil(() => lists.every((el) => renderedTitles(el).length === 3), 'every list shows the 3 events', {
      timeout: 10000,
    });
    for (const el of lists) expect(renderedTitles(el)).to.deep.equal(['Rally 1', 'Rally 2', 'Rally 3']);
    const url = new URL(src, location.href);
    expect(await hits(url.pathname + url.search)).to.equal(1);
    lists.forEach((el) => el.remove());
  });

  it('parses a large feed in the bundled worker, which loads its CSV reader only for a CSV body', async () => {
    const manifest = (await (await fetch(`${CDN}/.vite/manifest.json`)).json()) as Record<string, { assets?: string[] }>;
    const workerFile = Object.values(manifest)
      .flatMap((c) => c.assets ?? [])
      .find((f) => /parse-worker.*\.js$/.test(f));
    expect(workerFile, 'the worker is in the build').to.be.a('string');
    const workerPath = `${CDN}/${workerFile}`;
    // The worker imports only files of its own build next to it: the parser, and from there the CSV reader.
    const importsOf = async (path: string) => {
      const code = await (await fetch(path, { cache: 'no-store' })).text();
      return [...code.matchAll(/\bimport\s*\(\s*[`"']([^`"']+)[`"']\s*\)|\bfrom\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1] ?? m[2]);
    };
    const chunks = new Set<string>();
    for (const next = [workerPath]; next.length; ) {
      for (const spec of await importsOf(next.pop()!)) {
        expect(spec, 'a worker import').to.match(/^\.\/[\w-]+\.js$/);
        const path = `${CDN}/chunks/${spec.slice(2)}`;
        if (!chunks.has(path)) next.push(path);
        chunks.add(path);
      }
    }
    const csvPath = [...chunks].find((c) => /\/csv-[\w-]+\.js$/.test(c));
    expect(csvPath, 'the CSV reader is a chunk of its own').to.be.a('string');
    // This test read every chunk once itself.
    const csvRead = await hits(csvPath!);

    // Bodies over 1.5 MB go to the worker; ~2 MB of Mobilize JSON.
    const el = eventList({ now: EVE, 'page-size': '10' });
    (el as HTMLElement & { data: unknown }).data = mobilizePage(2000, 'Big');
    await waitUntil(() => renderedTitles(el).length > 0, 'the large feed renders', { timeout: 15000 });
    expect(renderedTitles(el)[0]).to.equal('Big 1');
    expect(await hits(workerPath), 'the worker script was requested').to.be.greaterThan(0);
    expect(await hits(csvPath!), 'the CSV reader was loaded for a JSON feed').to.equal(csvRead);
    el.remove();

    // ~1.7 MB of CSV: the worker loads the CSV reader, and the rows render.
    const rows = Array.from({ length: 40000 }, (_, i) => `Big CSV ${i + 1},2026-01-31T10:00:00-06:00`);
    const csv = eventList({ now: EVE, 'page-size': '10' });
    (csv as HTMLElement & { data: unknown }).data = `title,start\n${rows.join('\n')}\n`;
    await waitUntil(() => renderedTitles(csv).length > 0, 'the large CSV feed renders', { timeout: 20000 });
    expect(renderedTitles(csv)[0]).to.match(/^Big CSV \d+$/);
    expect(await hits(csvPath!), 'the CSV reader was not loaded for a CSV feed').to.be.greaterThan(csvRead);
    csv.remove();
  });
});
