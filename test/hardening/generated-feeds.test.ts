/**
 * Property-based feeds (fast-check): feeds of every format built from random, often wrong, values. parseFeed
 * either returns normalized data that keeps its promises (plain-text titles, finite instants, zones Intl accepts,
 * links on the allowlist, every record shown or counted as skipped) or throws a FeedError, never anything else.
 * A sample of them is also given to every element, which must neither throw nor stay blank.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isFeedError } from '../../src/feed/errors.js';
import { parseFeed } from '../../src/feed/parse.js';
import type { FeedData } from '../../src/feed/types.js';
import { ELEMENTS, defineAll } from './elements.js';
import { captureErrors, create, figure, place, settled, unplace, visibleText } from './harness.js';
import { PAYLOADS } from './payloads.js';

const RUNS = 300;
const SEED = 20260131;

/** Strings a feed might hold: hostile ones, dates in many spellings, unicode, blanks. */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '2026-01-31T19:00:00-06:00', '2026-01-31', '2026-03-08T02:30:00', '2026-02-30T10:00:00Z', '1/31/2026', '31/1/2026',
      '7:00 PM', 'noon', 'tomorrow', '', ' ', 'America/Chicago', 'Mars/Olympus', 'Eastern', '+05:30',
      'https://coalition.example/rsvp', 'mailto:a@b.example', 'http://plain.example/', '/relative/path', '//other.example/x',
    ),
  },
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e21, 1769900000, 1769900000000)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, undefined) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('name', 'url', '@id', 'x'), text, { maxKeys: 2 }) },
);
/** Often the right type, sometimes anything. */
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: value });
const instant = fc
  .tuple(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.constantFrom('Z', '-05:00', '+01:00', '+05:30', ''))
  .map(([t, offset]) => new Date(t).toISOString().replace('Z', offset));
const zone = fc.constantFrom('America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney');

const nativeEvent = fc.record(
  {
    id: field(fc.string({ minLength: 1, maxLength: 8 })),
    title: field(fc.string({ minLength: 1, maxLength: 30 })),
    description: value,
    start: field(instant),
    end: field(instant),
    timeZone: field(zone),
    location: field(
      fc.record(
        { venue: value, locality: value, region: value, country: value, lat: field(fc.double({ min: -90, max: 90 })), lng: field(fc.double({ min: -180, max: 180 })), private: value },
        { requiredKeys: [] },
      ),
    ),
    online: value,
    onlineUrl: value,
    type: value,
    tags: field(fc.array(text, { maxLength: 3 })),
    url: value,
    host: value,
    status: field(fc.constantFrom('scheduled', 'cancelled', 'Canceled', 'postponed', 'full')),
  },
  { requiredKeys: [] },
);
const nativePartner = fc.record(
  { id: value, name: field(fc.string({ minLength: 1, maxLength: 20 })), url: value, logo: value, description: value, categories: field(fc.array(text, { maxLength: 3 })) },
  { requiredKeys: [] },
);
const nativeFeed = fc.record({
  turnout: fc.constantFrom('1.0', '1', '1.2'),
  events: fc.array(fc.oneof({ weight: 9, arbitrary: nativeEvent }, { weight: 1, arbitrary: value }), { maxLength: 8 }),
  partners: fc.array(nativePartner, { maxLength: 4 }),
  campaign: fc.record(
    { name: value, days: fc.array(fc.record({ id: value, name: value, start: field(instant), end: field(instant), localDate: value, url: value }, { requiredKeys: [] }), { maxLength: 3 }) },
    { requiredKeys: [] },
  ),
});

const mobilizeEvent = fc.record(
  {
    id: field(fc.integer({ min: 1, max: 1e6 })),
    title: field(fc.string({ minLength: 1, maxLength: 30 })),
    description: value,
    timeslots: field(
      fc.array(
        fc.record({ start_date: field(fc.integer({ min: 1735689600, max: 1798761600 })), end_date: field(fc.integer({ min: 1735689600, max: 1798761600 })) }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
    ),
    timezone: field(zone),
    location: field(fc.record({ venue: value, address_lines: field(fc.array(text, { maxLength: 2 })), locality: value, region: value, country: value, postal_code: value, location: value }, { requiredKeys: [] })),
    address_visibility: field(fc.constantFrom('PUBLIC', 'PRIVATE')),
    is_virtual: value,
    virtual_action_url: value,
    event_type: value,
    tags: field(fc.array(fc.record({ name: value }), { maxLength: 2 })),
    browser_url: value,
    sponsor: field(fc.record({ name: value }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const mobilizeFeed = fc.record({
  count: value,
  next: fc.constantFrom(null, 'javascript:alert(1)', 'https://evil.example/next', '/same-origin?page=2'),
  previous: fc.constant(null),
  data: fc.array(fc.oneof({ weight: 9, arbitrary: mobilizeEvent }, { weight: 1, arbitrary: value }), { maxLength: 8 }),
});

const jsonLdNode = fc.oneof(
  fc.record(
    {
      '@type': fc.constantFrom('Event', 'SocialEvent', 'EducationEvent', 'Organization', 'NGO', 'Thing'),
      '@id': value,
      name: field(fc.string({ minLength: 1, maxLength: 30 })),
      startDate: field(instant),
      endDate: field(instant),
      url: value,
      logo: value,
      eventStatus: value,
      eventAttendanceMode: value,
      location: field(fc.record({ '@type': fc.constantFrom('Place', 'VirtualLocation'), name: value, url: value, address: value }, { requiredKeys: ['@type'] })),
      organizer: value,
      keywords: value,
    },
    { requiredKeys: ['@type'] },
  ),
  value,
);
const jsonLdFeed = fc.oneof(
  fc.array(jsonLdNode, { maxLength: 6 }).map((graph) => ({ '@context': 'https://schema.org', '@graph': graph })),
  fc.array(jsonLdNode, { maxLength: 6 }).map((items) => ({
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, item })),
  })),
);

const csvCell = text.map((s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s));
const csvFeed = fc
  .tuple(
    fc.shuffledSubarray(['Event Name', 'Date', 'Start Time', 'End Time', 'Time Zone', 'City', 'State', 'RSVP Link', 'Organization Name', 'Website', 'Logo URL', 'Category'], { minLength: 1 }),
    fc.array(fc.array(csvCell, { maxLength: 12 }), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, rows, eol]) => [header.join(','), ...rows.map((r) => r.join(','))].join(eol));

/** The promises of normalized data. */
function checkData(data: FeedData, input: unknown): void {
  for (const e of data.events) {
    expect(e.id, 'id').to.be.a('string').and.not.equal('');
    expect(e.title, 'title').to.be.a('string').and.not.equal('');
    expect(Number.isFinite(e.start), `start of ${e.title}`).to.equal(true);
    if (e.end !== undefined) expect(Number.isFinite(e.end) && e.end >= e.start, `end of ${e.title}`).to.equal(true);
    expect(() => new Intl.DateTimeFormat('en', { timeZone: e.timeZone }), `zone ${e.timeZone}`).not.to.throw();
    for (const url of [e.url, e.onlineUrl]) if (url !== undefined) expect(url, 'link').to.match(/^(https:|mailto:|http:\/\/localhost)/);
    for (const t of e.tags) expect(t).to.be.a('string');
    if (e.location.lat !== undefined) expect(Math.abs(e.location.lat) <= 90 && Math.abs(e.location.lng ?? 0) <= 180).to.equal(true);
  }
  for (const p of data.partners) {
    expect(p.name, 'partner name').to.be.a('string').and.not.equal('');
    for (const url of [p.url, p.logo]) if (url !== undefined) expect(url, 'partner link').to.match(/^(https:|mailto:|http:\/\/localhost)/);
  }
  // Every event record of a native feed or Mobilize page is either shown or counted as skipped.
  const raw = input as { events?: unknown[]; data?: unknown[] };
  const records = data.format === 'turnout' ? raw.events : data.format === 'mobilize' ? raw.data : undefined;
  if (Array.isArray(records)) {
    const skipped = data.skipped.filter((s) => s.kind === 'event').length;
    // A Mobilize event is one entry per timeslot, so only the native feed has one entry per record.
    if (data.format === 'turnout') expect(data.events.length + skipped, 'events shown + skipped').to.equal(records.length);
    else expect(data.events.length + skipped, 'events shown + skipped').to.be.at.least(records.length);
    for (const s of data.skipped) expect(s.label ?? '', 'label').not.to.match(/^undefined\b/);
  }
}

const tally = { feeds: 0, parsed: 0, refused: 0, mounted: 0 };
const sample: unknown[] = [];

/** Runs parseFeed on each generated feed, as an object and as its text. */
function property(arb: fc.Arbitrary<unknown>, asText: (v: unknown) => string) {
  return fc.property(arb, (feed) => {
    tally.feeds++;
    for (const input of [feed, asText(feed)]) {
      let data: FeedData | undefined;
      try {
        data = parseFeed(input, { baseUrl: `${location.origin}/feeds/generated.json` });
      } catch (e) {
        if (!isFeedError(e)) throw e;
        tally.refused++;
        continue;
      }
      tally.parsed++;
      checkData(data, typeof input === 'string' ? feed : input);
      if (typeof input !== 'string' && tally.parsed % 25 === 0) sample.push(input);
    }
  });
}

describe('hardening: generated feeds (fast-check)', function () {
  this.timeout(120000);
  const page = captureErrors();
  after(() => {
    page.stop();
    figure('generated feeds', tally.feeds);
    figure('generated feed parses (each feed as an object and as text)', tally.parsed + tally.refused);
    figure('parses that gave data', tally.parsed);
    figure('parses refused with a FeedError', tally.refused);
    figure('generated feeds mounted in every element', tally.mounted);
  });

  const formats: [string, fc.Arbitrary<unknown>, (v: unknown) => string][] = [
    ['native', nativeFeed, (v) => JSON.stringify(v)],
    ['Mobilize', mobilizeFeed, (v) => JSON.stringify(v)],
    ['JSON-LD', jsonLdFeed, (v) => JSON.stringify(v)],
    ['CSV', csvFeed, (v) => String(v)],
  ];
  for (const [name, arb, asText] of formats) {
    it(`${name}: ${RUNS} feeds read or refused with a FeedError, data keeps its promises`, () => {
      fc.assert(property(arb, asText), { numRuns: RUNS, seed: SEED });
    });
  }

  it('at least 1000 generated feeds were tried', () => {
    expect(tally.feeds).to.be.at.least(1000);
  });

  it('a sample of them, given to every element, never throws and never leaves it blank', async () => {
    await defineAll();
    page.errors.length = 0;
    expect(sample.length).to.be.at.least(10);
    const hosts: HTMLElement[] = [];
    for (const feed of sample) {
      for (const el of ELEMENTS) {
        const h = create(el.tag, el.full);
        (h as HTMLElement & { data: unknown }).data = feed;
        hosts.push(h);
      }
    }
    tally.mounted = sample.length;
    place(hosts);
    await settled(hosts, 30000);
    expect(page.errors).to.deep.equal([]);
    hosts.forEach((h) => {
      expect(visibleText(h), `<${h.localName}> is not blank`).not.to.equal('');
    });
  });
});
