/**
 * Bad feeds, served by the test server the way a broken host or a careless spreadsheet would serve them. Every
 * element reads each one; none may throw (no uncaught error, no unhandled rejection), and each shows either a
 * clear message or the good records with a count of the skipped ones: never a blank widget.
 */
import { expect } from '@open-wc/testing';
import { ELEMENTS, defineAll, type ElementCase } from './elements.js';
import { goodFeed } from './feeds.js';
import { captureErrors, create, figure, place, serve, settled, unplace, visibleText } from './harness.js';

type Outcome =
  /** A whole-feed failure: the feed elements show an error message and Retry. */
  | 'error'
  /** Some records are shown and the skipped ones are counted. */
  | 'skips'
  /** Only bad records: the skipped ones are counted, and the empty state says there is nothing to show. */
  | 'only-skips'
  /** Records are shown (nothing needs saying). */
  | 'records'
  /** The feed is fine but has nothing to show: the empty state. */
  | 'empty';

interface Case {
  name: string;
  url: () => Promise<string>;
  expect: Outcome;
  /** Extra attributes (feed elements). */
  attrs?: Record<string, string>;
  /** What the error or notice says (a piece of it), for the event list. */
  says?: RegExp;
}

const json = (v: unknown) => JSON.stringify(v);
const native = (events: unknown[], extra: Record<string, unknown> = {}) =>
  json({ ...goodFeed(2), ...extra, events: [...(goodFeed(2).events as unknown[]), ...events] });
const respond = (q: Record<string, string>) => async () => `/__feed/respond?${new URLSearchParams({ t: String(Math.random()), ...q })}`;
const put =
  (body: string, opts: Parameters<typeof serve>[1] = {}) =>
  () =>
    serve(body, opts);
const big = (kind: string, n: number) => async () => `/__hardening/big?kind=${kind}&n=${n}&t=${Math.random()}`;

const mobilizeEvent = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Mobilize gathering ${id}`,
  timeslots: [{ start_date: Date.UTC(2026, 0, 31, 18) / 1000, end_date: Date.UTC(2026, 0, 31, 20) / 1000 }],
  timezone: 'America/Chicago',
  location: { locality: 'Chicago', region: 'IL', country: 'US' },
  browser_url: `https://www.mobilize.us/example/event/${id}/`,
  ...extra,
});

const CASES: Case[] = [
  { name: '404', url: respond({ status: '404', body: 'Not found' }), expect: 'error', says: /could not be found/ },
  { name: '410 Gone', url: respond({ status: '410', body: '' }), expect: 'error', says: /could not be found/ },
  { name: '500', url: respond({ status: '500', body: 'oops' }), expect: 'error', says: /answered with an error \(500\)/ },
  {
    name: '503 with an HTML error page',
    url: respond({ status: '503', type: 'text/html', body: '<!doctype html><h1>Service unavailable</h1>' }),
    expect: 'error',
    says: /\(503\)/,
  },
  {
    name: 'an HTML page with status 200 (a login wall, a moved sheet)',
    url: respond({ type: 'text/html', body: '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>' }),
    expect: 'error',
    says: /web page, not to a feed/,
  },
  { name: 'an XML document (RSS)', url: respond({ type: 'application/xml', body: '<?xml version="1.0"?><rss><channel/></rss>' }), expect: 'error' },
  { name: 'a good feed served as text/html', url: put(json(goodFeed(3)), { type: 'text/html' }), expect: 'records' },
  { name: 'a good feed served as image/png', url: put(json(goodFeed(3)), { type: 'image/png' }), expect: 'records' },
  { name: 'a good CSV served as application/octet-stream', url: put('Event Name,Date,Start Time,Time Zone,City\nVigil,1/31/2026,7pm,Central,Chicago\n', { type: 'application/octet-stream' }), expect: 'records' },
  { name: 'an empty body', url: respond({ body: '' }), expect: 'error', says: /empty/ },
  { name: 'only white space', url: respond({ body: ' \n\t\n ' }), expect: 'error', says: /empty/ },
  { name: '204 No Content', url: respond({ status: '204' }), expect: 'error' },
  { name: 'truncated JSON', url: put(native([]).slice(0, 120)), expect: 'error', says: /could not be read/ },
  { name: 'JSON with trailing garbage', url: put(`${json(goodFeed(1))} <<<`), expect: 'error' },
  { name: 'JSON with NaN and comments', url: put('{"turnout":"1.0", /* x */ "events":[{"id":"a","lat":NaN}]}'), expect: 'error' },
  { name: 'binary garbage', url: put(String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 73) % 256)), { type: 'application/octet-stream' }), expect: 'error' },
  { name: 'a JSON number at the top', url: put('42'), expect: 'error', says: /could not be read/ },
  { name: 'a JSON string at the top', url: put('"hello"'), expect: 'error' },
  { name: 'JSON null at the top', url: put('null'), expect: 'error' },
  { name: 'JSON true at the top', url: put('true'), expect: 'error' },
  { name: 'an empty JSON object', url: put('{}'), expect: 'error', says: /not in a format/ },
  { name: 'a native feed whose events is null', url: put(json({ turnout: '1.0', events: null })), expect: 'empty' },
  { name: 'a native feed whose events is a string', url: put(json({ turnout: '1.0', events: 'soon' })), expect: 'error', says: /not in a format/ },
  {
    name: 'wrong types in every field',
    url: put(
      native([
        { id: 7, title: 42, start: true, location: 'here', tags: { a: 1 }, url: 9, online: 'yes' },
        { id: {}, title: ['a'], start: 1769900000000, timeZone: 12, status: 3 },
        { id: null, title: null, start: null },
        'a string where an event should be',
        17,
        null,
        [],
      ]),
    ),
    expect: 'skips',
  },
  {
    name: 'bad dates',
    url: put(
      native([
        { id: 'd1', title: 'Impossible day', start: '2026-02-30T10:00:00-05:00' },
        { id: 'd2', title: 'Day 31 of month 31', start: '31/31/2026' },
        { id: 'd3', title: 'Tomorrow', start: 'tomorrow' },
        { id: 'd4', title: 'Empty', start: '' },
        { id: 'd5', title: 'Far future', start: '+275760-09-13T00:00:00Z' },
        { id: 'd6', title: 'Hour 25', start: '2026-01-31T25:00:00-05:00' },
        { id: 'd7', title: 'End before start', start: '2026-01-31T19:00:00-06:00', end: '2026-01-30T19:00:00-06:00' },
      ]),
    ),
    expect: 'skips',
  },
  {
    name: 'duplicate ids',
    url: put(native([0, 1, 2, 3].map((i) => ({ id: 'same', title: `Copy ${i}`, start: '2026-01-31T19:00:00-06:00' })))),
    expect: 'records',
  },
  {
    name: 'null, empty and absurd locations',
    url: put(
      native([
        { id: 'l1', title: 'Null location', start: '2026-01-31T19:00:00-06:00', location: null },
        { id: 'l2', title: 'Empty location', start: '2026-01-31T19:00:00-06:00', location: {} },
        { id: 'l3', title: 'Off the globe', start: '2026-01-31T19:00:00-06:00', location: { lat: 999, lng: -999, locality: 'Nowhere' } },
        { id: 'l4', title: 'Text coordinates', start: '2026-01-31T19:00:00-06:00', location: { lat: 'north', lng: 'west' } },
      ]),
    ),
    expect: 'records',
  },
  { name: 'a 1,000,000-character title', url: big('huge-string', 1_000_000), expect: 'records' },
  { name: 'a 10 MB body', url: big('pad', 10 * 1024 * 1024), expect: 'records' },
  { name: 'a 10 MB body over a 1 MB max-bytes', url: big('pad', 10 * 1024 * 1024), attrs: { 'max-bytes': '1000000' }, expect: 'error', says: /larger than this widget accepts/ },
  { name: '100,000 records', url: big('events', 100_000), expect: 'records' },
  { name: 'JSON nested 100,000 deep', url: big('deep', 100_000), expect: 'only-skips' },
  { name: 'an event title nested 5,000 objects deep', url: big('deep-object', 5_000), expect: 'only-skips' },
  { name: 'a UTF-8 byte order mark', url: put(json(goodFeed(3)), { encoding: 'bom' }), expect: 'records' },
  { name: 'UTF-16 little-endian with a BOM, no charset', url: put(json(goodFeed(3)), { encoding: 'utf16le' }), expect: 'records' },
  { name: 'UTF-16 big-endian CSV with a BOM, no charset', url: put('Event Name,Date,Start Time,Time Zone,City\nVigil,1/31/2026,7pm,Central,Chicago\n', { encoding: 'utf16be', type: 'text/csv' }), expect: 'records' },
  { name: 'a CSV with only a header row', url: put('Event Name,Date,Start Time,City\n', { type: 'text/csv' }), expect: 'empty' },
  {
    name: 'a CSV with ragged rows',
    url: put(
      [
        'Event Name,Date,Start Time,Time Zone,City,State',
        'Full row,1/31/2026,7:00 PM,Central,Chicago,IL',
        'Short row,1/31/2026',
        'Long row,1/31/2026,6pm,Central,Chicago,IL,extra,cells,here',
        ',,,,,',
        '"Unclosed quote,1/31/2026,5pm,Central,Chicago,IL',
      ].join('\n'),
      { type: 'text/csv' },
    ),
    expect: 'records',
  },
  { name: 'a CSV of 5,000 bad rows and one good', url: put(['Event Name,Date,Start Time,Time Zone,City', 'Good row,1/31/2026,7pm,Central,Chicago', ...Array.from({ length: 5000 }, (_, i) => `Bad ${i},31/31/2026,7pm,Central,Chicago`)].join('\n'), { type: 'text/csv' }), expect: 'skips' },
  { name: 'a Mobilize page whose next points to itself', url: async () => `/__hardening/loop?t=${Math.random()}`, expect: 'records' },
  {
    name: 'a Mobilize page whose next leaves the origin',
    url: put(json({ count: 2, next: 'https://evil.example/api/v1/events?page=2', previous: null, data: [mobilizeEvent(1)] })),
    expect: 'records',
  },
  {
    name: 'a Mobilize page whose next is javascript:',
    url: put(json({ count: 2, next: 'javascript:alert(1)', previous: null, data: [mobilizeEvent(1)] })),
    expect: 'records',
  },
  {
    name: 'a Mobilize page whose second page fails',
    url: async () => {
      const second = await serve('oops', { status: 500 });
      return serve(json({ count: 2, next: second, previous: null, data: [mobilizeEvent(1)] }));
    },
    expect: 'records',
  },
  {
    name: 'a Mobilize page with broken records',
    url: put(json({ count: 4, next: null, previous: null, data: [mobilizeEvent(1), mobilizeEvent(2, { timeslots: [] }), mobilizeEvent(3, { timezone: 'Mars/Olympus' }), mobilizeEvent(4, { timeslots: 'soon' }), 5, null] })),
    expect: 'skips',
  },
  { name: 'Mobilize data that is not a list', url: put(json({ count: 1, next: null, previous: null, data: 'x' })), expect: 'error' },
  {
    name: 'JSON-LD whose @id references loop',
    url: put(
      json({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Event', '@id': '#a', name: 'Loop A', startDate: '2026-01-31T19:00:00-06:00', location: { '@id': '#p' }, organizer: { '@id': '#a' } },
          { '@type': 'Place', '@id': '#p', name: 'Loop place', containedInPlace: { '@id': '#p' }, address: { '@id': '#p' } },
        ],
      }),
    ),
    expect: 'records',
  },
  { name: 'JSON-LD with no events or organizations', url: put(json({ '@context': 'https://schema.org', '@type': 'Person', name: 'Nobody' })), expect: 'empty' },
  { name: 'a native feed where every event is bad', url: put(json({ turnout: '1.0', events: [{ id: 'x' }, { title: 'No date' }, { start: 'never' }] })), expect: 'only-skips' },
  { name: 'a future major version of the native feed', url: put(json({ ...goodFeed(2), turnout: '99.0' })), expect: 'error', says: /not in a format/ },
  { name: 'a slow answer (400 ms)', url: async () => `/__feed/respond?delay=400&t=${Math.random()}&body=${encodeURIComponent(json(goodFeed(2)))}`, expect: 'records' },
];

/** What a person sees is enough: a message, or records and (when skipped) the count. */
function judge(el: ElementCase, host: HTMLElement, c: Case): void {
  const text = visibleText(host);
  const root = host.shadowRoot!;
  if (el.tag === 'action-banner') {
    // The banner shows nothing when it has no date (see docs/reliability.md): a feed problem must not put an
    // error bar on every page of a partner's site. It must still not break.
    return;
  }
  expect(text, `<${el.tag}> is not blank`).not.to.equal('');
  if (!el.feedElement) return;
  if (c.expect === 'error') {
    // Booleans, not elements: chai's message for a failed assertion on a live element can take forever to build.
    expect(!!root.querySelector('.feed-error'), `<${el.tag}> shows an error: ${text.slice(0, 200)}`).to.equal(true);
    expect(!!root.querySelector('[part="feed-retry"]'), `<${el.tag}> offers Retry`).to.equal(true);
    if (c.says && el.tag === 'event-list') expect(text).to.match(c.says);
  } else {
    expect(!!root.querySelector('.feed-error'), `<${el.tag}> shows no error: ${text.slice(0, 200)}`).to.equal(false);
  }
  if (el.tag === 'event-list') {
    if (c.expect === 'skips' || c.expect === 'only-skips') expect(text).to.match(/\d[\d,]* entr(y|ies) could not be shown/);
    if (c.expect === 'only-skips') expect(!!root.querySelector('[part="empty"]'), `empty state: ${text.slice(0, 200)}`).to.equal(true);
    if (c.expect === 'records' || c.expect === 'skips') expect(root.querySelectorAll('[part~="event"]').length).to.be.greaterThan(0);
    if (c.expect === 'empty') expect(!!root.querySelector('[part="empty"]'), `empty state: ${text.slice(0, 200)}`).to.equal(true);
  }
}

describe('hardening: bad feeds', function () {
  this.timeout(60000);
  const page = captureErrors();
  before(defineAll);
  afterEach(unplace);
  after(() => {
    page.stop();
    figure('hand-made bad feeds', CASES.length);
  });

  it('has at least 30 hand-made cases', () => expect(CASES.length).to.be.at.least(30));

  for (const c of CASES) {
    it(`every element survives ${c.name}`, async () => {
      page.errors.length = 0;
      const url = await c.url();
      const hosts = ELEMENTS.map((el) => create(el.tag, { ...el.full, ...(el.feedElement ? c.attrs : {}), src: url }));
      place(hosts);
      await settled(hosts, 40000);
      expect(page.errors).to.deep.equal([]);
      ELEMENTS.forEach((el, i) => judge(el, hosts[i], c));
    });
  }
});
