import { expect } from '@open-wc/testing';
import { parseFeed } from '../parse.js';
import { isFeedError, type FeedErrorCode } from '../errors.js';

/** The FeedError a whole-feed failure throws. */
function failure(input: unknown): { code: FeedErrorCode; message: string } {
  try {
    parseFeed(input);
  } catch (e) {
    if (isFeedError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('parseFeed did not throw');
}

const native = (events: unknown[], extra: Record<string, unknown> = {}) => ({ turnout: '1.0', events, ...extra });
const ok = (extra: Record<string, unknown> = {}) => ({ id: 'ok', title: 'Vigil', start: '2026-01-31T19:00:00-06:00', ...extra });

describe('parseFeed: whole-feed failures', () => {
  const cases: [string, unknown, FeedErrorCode, string][] = [
    ['an empty body', '', 'empty', 'empty'],
    ['only whitespace and a BOM', '\ufeff  \n ', 'empty', 'empty'],
    ['nothing at all', null, 'empty', 'empty'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Not found</title></head></html>', 'html', 'web page'],
    ['an HTML fragment', '\n  <div class="error">Oops</div>', 'html', 'web page'],
    ['XML', '<?xml version="1.0"?><rss></rss>', 'format', 'XML'],
    ['broken JSON', '{"turnout": "1.0", "events": [', 'parse', 'not valid JSON'],
    ['JSON of no known format', '{"hello": "world"}', 'format', 'not in a format Turnout knows'],
    ['a JSON list of numbers', '[1, 2, 3]', 'format', 'not in a format Turnout knows'],
    ['plain text', 'Events coming soon!', 'parse', 'neither JSON nor a CSV'],
    ['a CSV with no known columns', 'foo,bar\n1,2\n', 'format', 'no columns Turnout recognizes'],
    ['a newer feed version', '{"turnout": "2.0", "events": []}', 'format', 'version 2.0'],
    ['"events" that is not a list', '{"turnout": "1.0", "events": {"a": 1}}', 'format', '"events" should be a list'],
    ['binary data', 'a,b\n\u0000\u0001\u0002', 'parse', 'binary'],
  ];
  for (const [name, input, code, words] of cases) {
    it(`${name} -> '${code}'`, () => {
      const error = failure(input);
      expect(error.code).to.equal(code);
      expect(error.message).to.contain(words);
    });
  }
});

describe('parseFeed: bad records are skipped, counted and explained', () => {
  it('wrong types: a title or start that is not text skips the event', () => {
    const feed = parseFeed(native([ok({ id: 'a', title: 42 }), ok({ id: 'b', start: 1769907600 }), ok({ id: 'c', title: ['x'] }), ok()]));
    expect(feed.events.map((e) => e.id)).to.deep.equal(['ok']);
    expect(feed.skipped.map((s) => s.reason)).to.deep.equal([
      '"title" should be text, not 42',
      '"start" should be text, not 1769907600',
      '"title" should be text, not a list',
    ]);
    expect(feed.skipped.map((s) => s.label)).to.deep.equal(['42', 'Vigil', 'c']);
  });

  it('wrong types elsewhere cost only that field', () => {
    const feed = parseFeed(
      native([ok({ tags: 7, end: 5, location: 42, online: 'yes', url: { href: 'https://x.example' }, id: { a: 1 }, host: ['x'] })]),
    );
    expect(feed.skipped).to.deep.equal([]);
    const [e] = feed.events;
    expect(e).to.deep.include({ title: 'Vigil', tags: [], online: false, location: { precision: 'none' } });
    expect([e.end, e.url, e.host]).to.deep.equal([undefined, undefined, undefined]);
    expect(e.id).to.match(/^event-/);
    expect(feed.warnings?.map((w) => w.reason)).to.deep.equal([
      'end 5 is not an ISO 8601 date-time (like 2026-01-31T19:00:00-06:00), so only the start is shown',
      'link should be a web address, not an object',
    ]);
  });

  it('records that are not objects', () => {
    const feed = parseFeed(native([null, 5, 'Vigil', ok()]));
    expect(feed.events).to.have.length(1);
    expect(feed.skipped.map((s) => [s.index, s.reason])).to.deep.equal([
      [0, 'the record should be an object, not null'],
      [1, 'the record should be an object, not 5'],
      [2, 'the record should be an object, not "Vigil"'],
    ]);
  });

  it('missing or empty titles', () => {
    const feed = parseFeed(native([{ id: 'x', start: '2026-01-31T19:00:00Z' }, ok({ id: 'y', title: ' <br> ' }), ok()]));
    expect(feed.skipped).to.deep.equal([
      { kind: 'event', index: 0, label: 'x', reason: 'it has no "title"' },
      { kind: 'event', index: 1, label: 'y', reason: 'it has no title' },
    ]);
  });

  it('bad dates', () => {
    const feed = parseFeed(native([ok({ id: 'a', start: 'next Saturday' }), ok({ id: 'b', start: '2026-02-30T10:00:00Z' }), ok()]));
    expect(feed.events).to.have.length(1);
    expect(feed.skipped[0].reason).to.equal(
      'start "next Saturday" is not an ISO 8601 date-time (like 2026-01-31T19:00:00-06:00)',
    );
    expect(feed.skipped[1].reason).to.contain('"2026-02-30T10:00:00Z" is not');
  });

  it('duplicate ids: the later one is skipped', () => {
    const feed = parseFeed(native([ok({ title: 'First' }), ok({ title: 'Second' }), ok({ id: 7, title: 'Third' }), ok({ id: '7' })]));
    expect(feed.events.map((e) => e.title)).to.deep.equal(['First', 'Third']);
    expect(feed.skipped).to.deep.equal([
      { kind: 'event', index: 1, label: 'Second', reason: 'its id "ok" is already used by an earlier event' },
      { kind: 'event', index: 3, label: 'Vigil', reason: 'its id "7" is already used by an earlier event' },
    ]);
  });

  it('null locations and null fields are fine', () => {
    const feed = parseFeed(native([ok({ location: null, end: null, tags: null, url: null, timeZone: null })]));
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.events[0].location).to.deep.equal({ precision: 'none' });
  });

  it('huge strings are capped', () => {
    const huge = 'a'.repeat(1_000_000);
    const [e] = parseFeed(native([ok({ title: huge, description: huge, host: huge })])).events;
    expect(e.title.length).to.equal(300);
    expect(e.title.endsWith('…')).to.equal(true);
    expect(e.description.length).to.equal(5000);
    expect(e.host!.length).to.equal(300);
  });

  it('HTML everywhere becomes plain text', () => {
    const [e] = parseFeed(
      native([
        ok({
          title: '<b>Rally</b> &amp; <script>alert(1)</script>march&nbsp;&#8212;&#x1F4E2;',
          description: '<h2>Plan</h2><p>Meet at 6.<br/>Walk at 7.</p><ul><li>Water</li><li>Signs</li></ul><img src=x onerror=alert(1)>',
          host: '<a href="javascript:alert(1)">Tenants&#39; union</a>',
          location: { venue: '<i>Union</i> Park', locality: 'Chicago' },
          tags: ['<b>ICE</b> out'],
        }),
      ]),
    ).events;
    expect(e.title).to.equal('Rally & march —📢');
    expect(e.description).to.equal('Plan\n\nMeet at 6.\nWalk at 7.\n\nWater\nSigns');
    expect(e.host).to.equal("Tenants' union");
    expect(e.location.venue).to.equal('Union Park');
    expect(e.tags).to.deep.equal(['ICE out']);
  });

  it('tags: split on , ; and |, trimmed, without blanks or repeats, at most 30', () => {
    const tags = (raw: unknown) => parseFeed(native([ok({ tags: raw })])).events[0].tags;
    expect(tags(' ICE out , vigil;; Vigil |\u00a0| faith ')).to.deep.equal(['ICE out', 'vigil', 'faith']);
    expect(tags(['a', ' a ', 'A', '', 7, { name: 'b' }])).to.deep.equal(['a', '7', 'b']);
    const many = Array.from({ length: 40 }, (_, i) => `t${i % 35}`);
    expect(tags(many)).to.have.length(30);
    expect(tags(many.join(', '))).to.deep.equal(many.slice(0, 30));
  });

  it('a title of nothing but no-break spaces is no title', () => {
    const feed = parseFeed(native([ok({ title: '\u00a0\u00a0' })]));
    expect(feed.events).to.deep.equal([]);
    expect(feed.skipped.map((s) => s.reason)).to.deep.equal(['it has no title']);
  });

  it('an end before the start: the event stays, the end goes, the editor is told', () => {
    const feed = parseFeed(native([ok({ end: '2026-01-31T18:00:00-06:00' })]));
    expect(feed.events).to.have.length(1);
    expect(feed.events[0].end).to.equal(undefined);
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.warnings).to.deep.equal([
      { kind: 'event', index: 0, label: 'Vigil', reason: 'its end is before its start, so only the start is shown' },
    ]);
  });

  it('impossible coordinates are dropped, never shown as a point', () => {
    const feed = parseFeed(
      native([
        ok({ id: 'a', location: { locality: 'Chicago', lat: 200, lng: -87 } }),
        ok({ id: 'b', location: { venue: 'Somewhere', lat: 0, lng: 0 } }),
        ok({ id: 'c', location: { lat: 'north', lng: -87 } }),
      ]),
    );
    expect(feed.events.map((e) => e.location)).to.deep.equal([
      { locality: 'Chicago', precision: 'approximate' },
      { venue: 'Somewhere', precision: 'approximate' },
      { precision: 'none' },
    ]);
    expect(feed.warnings?.map((w) => w.reason)).to.deep.equal([
      'coordinates 200, -87 are out of range (latitude -90 to 90, longitude -180 to 180)',
      'coordinates 0, 0 are a placeholder, not a place',
      'coordinates "north, -87" are not a pair of numbers',
    ]);
  });

  it('an unknown time zone falls back to the feed zone with a warning', () => {
    const feed = parseFeed(native([ok({ start: '2026-01-31T19:00:00', timeZone: 'Mars/Olympus' })], { timeZone: 'America/Chicago' }));
    expect(feed.events[0]).to.include({ timeZone: 'America/Chicago', start: Date.UTC(2026, 1, 1, 1) });
    expect(feed.warnings?.[0].reason).to.equal('time zone "Mars/Olympus" is unknown');
  });

  it('Mobilize: broken timeslots and missing titles', () => {
    const feed = parseFeed({
      count: 4,
      next: null,
      previous: null,
      data: [
        { id: 1, title: 'No slots' },
        { id: 2, title: 'Text time', timeslots: [{ id: 1, start_date: '1769907600' }] },
        { id: 3, timeslots: [{ id: 1, start_date: 1769907600 }] },
        { id: 4, title: 'Good', timezone: 'America/Chicago', location: null, timeslots: [{ id: 1, start_date: 1769907600, end_date: 1769900000 }] },
      ],
    });
    expect(feed.events.map((e) => e.id)).to.deep.equal(['4']);
    expect(feed.events[0].end).to.equal(undefined);
    expect(feed.skipped.map((s) => `${s.index} ${s.label}: ${s.reason}`)).to.deep.equal([
      '0 No slots: it has no "timeslots"',
      '1 Text time: "timeslots.0.start_date" should be a number, not "1769907600"',
      '2 3: it has no "title"',
    ]);
  });

  it('CSV: a quote that never closes is reported at its row, so the editor knows why later rows are missing', () => {
    const feed = parseFeed('Title,Date,Venue\nVigil,1/31/2026,"Union" Hall\nMarch,1/31/2026,Park\n');
    expect(feed.events.map((e) => e.title)).to.deep.equal(['Vigil']);
    expect(feed.skipped.map((s) => [s.kind, s.index])).to.deep.equal([['event', 1]]);
    expect(feed.skipped[0].reason).to.match(/quote .* never closed/);
    // A quote in the middle of a cell, or a quoted cell with doubled quotes inside, is fine.
    const fine = parseFeed('Title,Date,Venue\nVigil,1/31/2026,Union "Hall"\nMarch,1/31/2026,"The ""Commons"""\n');
    expect(fine.events.map((e) => e.location.venue)).to.deep.equal(['Union "Hall"', 'The "Commons"']);
    expect(fine.skipped).to.deep.equal([]);
  });

  it('CSV: rows without a title or with a bad time are skipped by row number', () => {
    const feed = parseFeed('Title,Date,Time\n,1/31/2026,7pm\nVigil,1/31/2026,25:00\n\nMarch,1/31/2026,7pm\n');
    expect(feed.events.map((e) => e.title)).to.deep.equal(['March']);
    expect(feed.skipped).to.deep.equal([
      { kind: 'event', index: 1, reason: 'it has no title' },
      { kind: 'event', index: 2, label: 'Vigil', reason: 'start time "25:00" is not a time' },
    ]);
  });

  it('partners without names and duplicate partner ids', () => {
    const feed = parseFeed(native([], { partners: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }, { url: 'https://x.example' }] }));
    expect(feed.partners.map((p) => p.name)).to.deep.equal(['A']);
    expect(feed.skipped.map((s) => s.reason)).to.deep.equal([
      'its id "a" is already used by an earlier partner',
      'it has no "name"',
    ]);
  });

  it('campaign days without a start are skipped', () => {
    const feed = parseFeed(native([], { campaign: { name: 'C', days: [{ id: 'd', name: 'Day' }, { name: 'Shutdown', localDate: '30/01/2026' }] } }));
    expect(feed.campaign?.days).to.deep.equal([]);
    expect(feed.skipped.map((s) => [s.kind, s.label, s.reason])).to.deep.equal([
      ['campaign-day', 'Day', 'it has no start (an ISO 8601 "start" or a "localDate")'],
      ['campaign-day', 'Shutdown', 'localDate "30/01/2026" is not a date like 2026-01-30'],
    ]);
  });
});
