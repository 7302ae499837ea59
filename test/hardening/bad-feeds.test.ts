/**
 * Bad feeds, served by the test server the way a broken host or a careless spreadsheet would serve them. Every
 * element reads each one; none may throw (no uncaught error, no unhandled rejection), and each shows either a
 * clear message or the good records with a count of the skipped ones: never a blank widget. A feed that fails as
 * a whole is explained by every element in the same words, with Retry (the countdown in its `problem`, the
 * banner in its slim notice, or in its bar when the embedder gave it a `message`).
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
  /** Extra attributes (every element). */
  attrs?: Record<string, string>;
  /** What the reason for a whole-feed failure says (a piece of it): the same in every element. */
  says?: RegExp;
  /** The feed carries goodFeed()'s campaign day: the countdown and the banner show it. Without it they say that
   * the feed has no campaign dates. */
  day?: boolean;
}

/** The reasons a person reads for a feed that failed (src/shared/feed-notices.ts). */
const NOT_FOUND = /could not be found \(\d+\)\. Check the address/;
const SERVER = (status: number) => new RegExp(`answered with an error \\(${status}\\)\\. Try again later`);
const WEB_PAGE = /leads to a web page, not to a feed/;
const UNREADABLE = /could not be read: it is not valid JSON or CSV/;
const UNKNOWN_FORMAT = /not in a format this widget knows/;
const EMPTY = /The feed is empty/;
const TOO_LARGE = /larger than this widget accepts/;

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
  { name: '404', url: respond({ status: '404', body: 'Not found' }), expect: 'error', says: NOT_FOUND },
  { name: '410 Gone', url: respond({ status: '410', body: '' }), expect: 'error', says: NOT_FOUND },
  { name: '500', url: respond({ status: '500', body: 'oops' }), expect: 'error', says: SERVER(500) },
  {
    name: '503 with an HTML error page',
    url: respond({ status: '503', type: 'text/html', body: '<!doctype html><h1>Service unavailable</h1>' }),
    expect: 'error',
    says: SERVER(503),
  },
  {
    name: 'an HTML page with status 200 (a login wall, a moved sheet)',
    url: respond({ type: 'text/html', body: '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>' }),
    expect: 'error',
    says: WEB_PAGE,
  },
  { name: 'an XML document (RSS)', url: respond({ type: 'application/xml', body: '<?xml version="1.0"?><rss><channel/></rss>' }), expect: 'error', says: UNKNOWN_FORMAT },
  { name: 'a good feed served as text/html', url: put(json(goodFeed(3)), { type: 'text/html' }), expect: 'records', day: true },
  { name: 'a good feed served as image/png', url: put(json(goodFeed(3)), { type: 'image/png' }), expect: 'records', day: true },
  { name: 'a good CSV served as application/octet-stream', url: put('Event Name,Date,Start Time,Time Zone,City\nVigil,1/31/2026,7pm,Central,Chicago\n', { type: 'application/octet-stream' }), expect: 'records' },
  { name: 'an empty body', url: respond({ body: '' }), expect: 'error', says: EMPTY },
  { name: 'only white space', url: respond({ body: ' \n\t\n ' }), expect: 'error', says: EMPTY },
  { name: '204 No Content', url: respond({ status: '204' }), expect: 'error', says: EMPTY },
  { name: 'truncated JSON', url: put(native([]).slice(0, 120)), expect: 'error', says: UNREADABLE },
  { name: 'JSON with trailing garbage', url: put(`${json(goodFeed(1))} <<<`), expect: 'error', says: UNREADABLE },
  { name: 'JSON with NaN and comments', url: put('{"turnout":"1.0", /* x */ "events":[{"id":"a","lat":NaN}]}'), expect: 'error', says: UNREADABLE },
  { name: 'binary garbage', url: put(String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 73) % 256)), { type: 'application/octet-stream' }), expect: 'error', says: UNREADABLE },
  { name: 'a JSON number at the top', url: put('42'), expect: 'error', says: UNREADABLE },
  { name: 'a JSON string at the top', url: put('"hello"'), expect: 'error', says: UNREADABLE },
  { name: 'JSON null at the top', url: put('null'), expect: 'error', says: UNREADABLE },
  { name: 'JSON true at the top', url: put('true'), expect: 'error', says: UNREADABLE },
  { name: 'an empty JSON object', url: put('{}'), expect: 'error', says: UNKNOWN_FORMAT },
  { name: 'a native feed whose events is null', url: put(json({ turnout: '1.0', events: null })), expect: 'empty' },
  { name: 'a native feed whose events is a string', url: put(json({ turnout: '1.0', events: 'soon' })), expect: 'error', says: UNKNOWN_FORMAT },
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
    day: true,
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
    day: true,
  },
  {
    name: 'duplicate ids',
    url: put(native([0, 1, 2, 3].map((i) => ({ id: 'same', title: `Copy ${i}`, start: '2026-01-31T19:00:00-06:00' })))),
    expect: 'records',
    day: true,
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
    day: true,
  },
  { name: 'a 1,000,000-character title', url: big('huge-string', 1_000_000), expect: 'records' },
  { name: 'a 10 MB body', url: big('pad', 10 * 1024 * 1024), expect: 'records' },
  { name: 'a 10 MB body over a 1 MB max-bytes', url: big('pad', 10 * 1024 * 1024), attrs: { 'max-bytes': '1000000' }, expect: 'error', says: TOO_LARGE },
  {
    name: 'a 600 kB body sent in chunks (no Content-Length) over a 100 kB max-bytes',
    url: respond({ bytes: '600000', stream: '1' }),
    attrs: { 'max-bytes': '100000' },
    expect: 'error',
    says: TOO_LARGE,
  },
  { name: 'a good small feed over a 200-byte max-bytes', url: put(json(goodFeed(3))), attrs: { 'max-bytes': '200' }, expect: 'error', says: TOO_LARGE },
  { name: 'a good feed with a max-bytes that is not a number (ignored)', url: put(json(goodFeed(3))), attrs: { 'max-bytes': 'lots' }, expect: 'records', day: true },
  { name: '100,000 records', url: big('events', 100_000), expect: 'records' },
  { name: 'JSON nested 100,000 deep', url: big('deep', 100_000), expect: 'only-skips' },
  { name: 'an event title nested 5,000 objects deep', url: big('deep-object', 5_000), expect: 'only-skips' },
  { name: 'a UTF-8 byte order mark', url: put(json(goodFeed(3)), { encoding: 'bom' }), expect: 'records', day: true },
  { name: 'UTF-16 little-endian with a BOM, no charset', url: put(json(goodFeed(3)), { encoding: 'utf16le' }), expect: 'records', day: true },
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
  { name: 'Mobilize data that is not a list', url: put(json({ count: 1, next: null, previous: null, data: 'x' })), expect: 'error', says: UNKNOWN_FORMAT },
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
  { name: 'a future major version of the native feed', url: put(json({ ...goodFeed(2), turnout: '99.0' })), expect: 'error', says: UNKNOWN_FORMAT },
  { name: 'a slow answer (400 ms)', url: async () => `/__feed/respond?delay=400&t=${Math.random()}&body=${encodeURIComponent(json(goodFeed(2)))}`, expect: 'records', day: true },
];

/** Where a failed feed's reason is shown, as the text a person reads ('' when it is not shown). */
function reasonOf(el: ElementCase, host: HTMLElement): string {
  const node = host.shadowRoot!.querySelector(el.failure.reason);
  return node ? visibleText(node) : '';
}

/** The day goodFeed() names, as the countdown and the banner show it before the day. */
const DAY = 'National Day of Action';
const DAY_DATE = 'Saturday, January 31, 2026';
const NO_DAYS = 'The feed has no campaign dates.';
/** The embedder's own text of the banner variant mounted with a `message`. */
const OWN_MESSAGE = 'Strike with us on January 31.';

/** What a person sees is enough: a message, or records and (when skipped) the count. */
function judge(el: ElementCase, host: HTMLElement, c: Case): void {
  const text = visibleText(host);
  const root = host.shadowRoot!;
  const shown = `<${el.tag}> shows: ${text.slice(0, 200)}`;
  expect(text, `<${el.tag}> is not blank`).not.to.equal('');
  const reason = reasonOf(el, host);
  if (c.expect === 'error') {
    // Booleans and strings, not elements: chai's message for a failed assertion on a live element can take
    // forever to build.
    expect(reason, `<${el.tag}> says why the feed failed; ${shown}`).to.match(c.says!);
    expect(!!root.querySelector(el.failure.retry), `<${el.tag}> offers Retry; ${shown}`).to.equal(true);
  } else {
    expect(reason, `<${el.tag}> shows no failure; ${shown}`).to.equal('');
  }
  if (el.tag === 'event-list') {
    if (c.expect === 'skips' || c.expect === 'only-skips') expect(text).to.match(/\d[\d,]* entr(y|ies) could not be shown/);
    if (c.expect === 'only-skips') expect(!!root.querySelector('[part="empty"]'), `empty state: ${text.slice(0, 200)}`).to.equal(true);
    if (c.expect === 'records' || c.expect === 'skips') expect(root.querySelectorAll('[part~="event"]').length).to.be.greaterThan(0);
    if (c.expect === 'empty') expect(!!root.querySelector('[part="empty"]'), `empty state: ${text.slice(0, 200)}`).to.equal(true);
  }
  if (el.feedElement || c.expect === 'error') return;
  // The countdown and the banner show one date: the feed's campaign day, or a message saying it has none (they
  // do not list records, so skipped ones are not theirs to count).
  const problem = el.tag === 'event-countdown' ? '[part="problem"]' : '[part="notice"]';
  if (c.day) {
    expect(text, shown).to.include(DAY);
    expect(host.getAttribute('state'), `<${el.tag}> state`).to.equal('before');
    if (el.tag === 'action-banner') {
      expect(visibleText(root.querySelector('[part="message"]')!), shown).to.equal(`${DAY}: ${DAY_DATE}.`);
    } else {
      expect(visibleText(root.querySelector('[part="when"]')!), shown).to.include(DAY_DATE);
    }
    expect(!!root.querySelector(problem), `<${el.tag}> has no problem to show; ${shown}`).to.equal(false);
  } else {
    const box = root.querySelector(problem);
    expect(box ? visibleText(box) : '', shown).to.equal(NO_DAYS);
    // Nothing to retry: the feed loaded.
    expect(!!root.querySelector(el.failure.retry), `<${el.tag}> offers no Retry; ${shown}`).to.equal(false);
  }
}

/** The banner with the embedder's own `message`: its bar, with that text, whatever the feed did; never the
 * notice, and never the overlay without a date. */
function judgeOwnMessage(host: HTMLElement, c: Case): void {
  const root = host.shadowRoot!;
  const text = visibleText(host);
  const bar = root.querySelector('[part="bar"]');
  expect(bar ? visibleText(bar) : '', `the banner with a message shows: ${text.slice(0, 200)}`).to.include(OWN_MESSAGE);
  expect(!!root.querySelector('[part="notice"]'), 'no notice beside the bar').to.equal(false);
  // Without a date (a failed feed, no campaign day) there is no countdown and no overlay.
  if (c.expect === 'error' || !c.day) {
    expect(!!root.querySelector('event-countdown, dialog'), 'no countdown or overlay without a date').to.equal(false);
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

  it('has at least 30 hand-made cases, each failure with the reason a person reads', () => {
    expect(CASES.length).to.be.at.least(30);
    expect(CASES.filter((c) => c.expect === 'error' && !c.says).map((c) => c.name)).to.deep.equal([]);
  });

  for (const c of CASES) {
    it(`every element survives ${c.name}`, async () => {
      page.errors.length = 0;
      const url = await c.url();
      const hosts = ELEMENTS.map((el) => create(el.tag, { ...el.full, ...c.attrs, src: url }));
      const banner = ELEMENTS.find((el) => el.tag === 'action-banner')!;
      const own = create(banner.tag, { ...banner.full, ...c.attrs, mode: 'takeover', message: OWN_MESSAGE, src: url });
      place([...hosts, own]);
      await settled([...hosts, own], 40000);
      expect(page.errors).to.deep.equal([]);
      ELEMENTS.forEach((el, i) => judge(el, hosts[i], c));
      judgeOwnMessage(own, c);
    });
  }

  // The limits are each element's own: a page may hold a widget with a small `max-bytes` or `timeout` and another
  // one, on the same feed, without. The one without must not show the other's failure.
  it("an element's max-bytes and timeout hold for it alone, beside elements on the same src with other limits", async () => {
    page.errors.length = 0;
    const small = await serve(json(goodFeed(3)));
    const slow = `/__feed/respond?delay=400&t=${Math.random()}&body=${encodeURIComponent(json(goodFeed(3)))}`;
    const pairs = ELEMENTS.flatMap((el) => [
      { el, limited: create(el.tag, { ...el.full, 'max-bytes': '200', src: small }), free: create(el.tag, { ...el.full, src: small }), says: TOO_LARGE },
      { el, limited: create(el.tag, { ...el.full, timeout: '100', src: slow }), free: create(el.tag, { ...el.full, src: slow }), says: /took too long/ },
    ]);
    const hosts = pairs.flatMap((p) => [p.limited, p.free]);
    place(hosts);
    await settled(hosts, 20000);
    expect(page.errors).to.deep.equal([]);
    const wrong: string[] = [];
    for (const { el, limited, free, says } of pairs) {
      if (!says.test(reasonOf(el, limited))) wrong.push(`<${el.tag}> with the limit: ${visibleText(limited).slice(0, 100)}`);
      if (reasonOf(el, free)) wrong.push(`<${el.tag}> without it: ${visibleText(free).slice(0, 100)}`);
    }
    expect(wrong).to.deep.equal([]);
  });
});
