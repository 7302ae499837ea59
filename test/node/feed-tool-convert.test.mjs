// `turnout-feed convert`: every input format becomes a native feed that the widgets' parser reads as the same
// events; private addresses never keep their exact point; output folders are ready for a static host.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { binCli, cli, demo, ensureBuilt, feedLayer, fixtures, seen, serve, tempDir } from './helpers.mjs';

let feed; // the compiled feed layer: what the widgets run
before(async () => {
  ensureBuilt();
  feed = await feedLayer();
});

const read = (path) => readFileSync(path, 'utf8');
/** Every number pair in a text, as "lat,lng" strings, to prove a point is absent whatever the key order. */
const hasPoint = (text, lat, lng) => text.includes(String(lat)) || text.includes(String(lng));

/** Converts to a one-file output and returns { code, stdout, text, data (as the widgets read it) }. */
async function convertToFile(args) {
  const out = join(tempDir(), 'feed.json');
  const r = await cli(['convert', ...args, '--out', out]);
  const text = existsSync(out) ? read(out) : '';
  return { ...r, out, text, data: text ? feed.parseFeed(text) : undefined };
}

describe('convert: each input format', () => {
  test('two saved Mobilize pages: merged like the widgets merge them, skipped record named by page', async () => {
    const p1 = join(fixtures, 'mobilize-page1.json');
    const p2 = join(fixtures, 'mobilize-page2.json');
    const { code, stdout, data } = await convertToFile([p1, p2]);
    assert.equal(code, 0, stdout);
    const widget = feed.mergePages(feed.parseFeed(read(p1)), feed.parseFeed(read(p2)));
    assert.equal(data.events.length, 5); // 9001, 9002, 9003 (two timeslots), 9004; 9005 has no title
    assert.deepEqual(seen(data.events), seen(widget.events));
    assert.equal(data.skipped.length, 0);
    assert.match(stdout, /data\[1\] on page 2 \(id "9005"\): title: should be text, not null/);
    assert.match(stdout, /^5 events ok, 1 skipped; 0 warnings$/m);
    const phone = data.events.filter((e) => e.title === 'Phone bank for the shutdown');
    assert.deepEqual(phone.map((e) => e.status), ['scheduled', 'full']);
    assert.ok(phone.every((e) => e.online && e.onlineUrl === 'https://zoom.example/j/123'));
  });

  test('a Mobilize private address is moved to its ZIP centre, never its own point, and the move is counted', async () => {
    const { stdout, text, data } = await convertToFile([join(fixtures, 'mobilize-page1.json')]);
    assert.ok(!hasPoint(text, 41.921234, -87.648765), 'the home coordinates must not be in the output');
    assert.ok(!text.includes('2217 N Home St') && !text.includes("Maria's home"));
    const raw = JSON.parse(text).events.find((e) => e.id === '9002');
    const centre = await feed.localityCentre({ locality: 'Chicago', region: 'IL', postalCode: '60614', country: 'US', precision: 'approximate' });
    assert.ok(centre, 'the ZIP table knows 60614');
    assert.deepEqual([raw.location.lng, raw.location.lat], centre.map((n) => Math.round(n * 1e5) / 1e5));
    assert.equal(raw.location.private, true);
    assert.match(stdout, /Private addresses .*: 1 moved to their locality's centre, 0 left without a point/);
    // The widgets read it as approximate, with no street and no point of their own.
    const event = data.events.find((e) => e.id === '9002');
    assert.equal(event.location.precision, 'approximate');
    assert.equal(event.location.address, undefined);
  });

  test('a volunteer spreadsheet: same events as the widgets read from the CSV, private row snapped', async () => {
    const csv = join(fixtures, 'volunteers.csv');
    const { code, stdout, text, data } = await convertToFile([csv]);
    assert.equal(code, 0);
    assert.deepEqual(seen(data.events), seen(feed.parseFeed(read(csv)).events));
    assert.equal(data.events.length, 3);
    assert.match(stdout, /row 5 \("Vigil with a typo in the date"\)/);
    assert.ok(!hasPoint(text, 41.903456, -87.675432) && !text.includes('1843 W Home Ave'));
    assert.match(stdout, /1 moved to their locality's centre/);
    const teachIn = data.events.find((e) => e.title === 'Teach-in at the Library');
    assert.equal(new Date(teachIn.start).toISOString(), '2026-01-31T16:00:00.000Z'); // 10:00 Central
    assert.equal(teachIn.timeZone, 'America/Chicago');
    assert.equal(teachIn.type, 'teach_in');
  });

  test('an iCalendar file: TZID times, an all-day day, a recurring series, a private address, LOCATION text', async () => {
    const { code, stdout, text, data } = await convertToFile([join(fixtures, 'calendar.ics'), '--max-occurrences', '3']);
    assert.equal(code, 0, stdout);
    const byTitle = (t) => data.events.filter((e) => e.title === t);
    const [vigil] = byTitle('Vigil at City Hall');
    assert.equal(new Date(vigil.start).toISOString(), '2026-02-01T01:00:00.000Z'); // 19:00 in Chicago, winter
    assert.equal(new Date(vigil.end).toISOString(), '2026-02-01T03:00:00.000Z');
    assert.equal(vigil.timeZone, 'America/Chicago');
    assert.deepEqual(
      { venue: vigil.location.venue, address: vigil.location.address, locality: vigil.location.locality, region: vigil.location.region, postalCode: vigil.location.postalCode, lat: vigil.location.lat, lng: vigil.location.lng },
      { venue: 'City Hall', address: '121 N LaSalle St', locality: 'Chicago', region: 'IL', postalCode: '60602', lat: 41.88365, lng: -87.63208 },
    );
    assert.equal(vigil.url, 'https://coalition.example/e/vigil');
    assert.equal(vigil.host, 'Chicago Faith Leaders');
    assert.deepEqual(vigil.tags, ['Vigil', 'Outdoor']);
    const [shutdown] = byTitle('National Shutdown');
    assert.equal(shutdown.allDay, true);
    assert.equal(new Date(shutdown.start).toISOString(), '2026-01-30T05:00:00.000Z'); // midnight in X-WR-TIMEZONE
    // Weekly, COUNT=3, one EXDATE; Windows zone name "Eastern Standard Time".
    const training = byTitle('Rapid response training');
    assert.deepEqual(training.map((e) => new Date(e.start).toISOString()), ['2026-01-15T23:30:00.000Z', '2026-01-29T23:30:00.000Z']);
    // An endless daily series is cut at --max-occurrences, with a note.
    assert.equal(byTitle('Morning outreach').length, 3);
    assert.match(stdout, /VEVENT 6 \(id "daily-outreach@coalition\.example", "Morning outreach"\): RRULE: the series goes on; only 3 occurrences are kept/);
    const [online] = byTitle('Online teach-in');
    assert.equal(online.online, true);
    assert.equal(online.onlineUrl, 'https://meet.example/teach-in');
    // CLASS:PRIVATE: street and GEO gone, locality centre instead.
    assert.ok(!hasPoint(text, 41.921234, -87.648765) && !text.includes('2217 N Home St'));
    const [potluck] = byTitle("Neighbors' potluck");
    assert.equal(potluck.location.precision, 'approximate');
    assert.match(stdout, /1 moved to their locality's centre/);
    assert.match(stdout, /VEVENT 7 \(id "no-title@coalition\.example"\): title: missing or empty \(required\)/);
    assert.equal(JSON.parse(text).title, 'Coalition calendar');
  });

  test('a private place whose locality has no known centre is left without any point, and counted', async () => {
    const path = join(tempDir(), 'private.json');
    writeFileSync(path, JSON.stringify({
      turnout: '1.0',
      events: [
        { id: 'p1', title: 'Kitchen-table meeting', start: '2026-01-31T18:00:00-06:00', location: { venue: 'A home', address: '1 Secret Ln', locality: 'Nowhere Special', region: 'ZZ', country: 'US', lat: 10.123456, lng: 20.654321, private: true } },
        { id: 'p2', title: 'Block party', start: '2026-01-31T12:00:00-06:00', location: { locality: 'Chicago', region: 'IL', country: 'US' } },
      ],
    }));
    const { code, stdout, text, data } = await convertToFile([path]);
    assert.equal(code, 0);
    assert.ok(!hasPoint(text, 10.123456, 20.654321) && !text.includes('Secret'));
    const out = JSON.parse(text).events;
    assert.deepEqual(out.find((e) => e.id === 'p1').location, { locality: 'Nowhere Special', region: 'ZZ', country: 'US', private: true });
    const party = out.find((e) => e.id === 'p2').location;
    assert.equal(party.private, true);
    assert.ok(Math.abs(party.lat - 41.88) < 0.2 && Math.abs(party.lng + 87.63) < 0.2, `Chicago's centre, got ${party.lat}, ${party.lng}`);
    assert.match(stdout, /: 1 moved to their locality's centre, 1 left without a point \(no centre known\)/);
    assert.deepEqual(data.events.map((e) => e.location.precision), ['approximate', 'approximate']);
  });

  test('calendar times with an unknown zone or none at all are noted, and --time-zone fixes them', async () => {
    const path = join(tempDir(), 'zones.ics');
    writeFileSync(path, [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN',
      'BEGIN:VEVENT', 'UID:mars', 'DTSTART;TZID=Mars/Olympus:20260131T120000', 'SUMMARY:Off-world rally', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:floating', 'DTSTART:20260131T090000', 'SUMMARY:Breakfast', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n'));
    const plain = await convertToFile([path]);
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /VEVENT 1 \(id "mars", "Off-world rally"\): time zone "Mars\/Olympus" is unknown/);
    assert.match(plain.stdout, /2 events have times with no time zone; .*--time-zone/);
    assert.ok(plain.data.events.every((e) => e.floating));
    const fixed = await convertToFile([path, '--time-zone', 'America/Denver']);
    const breakfast = fixed.data.events.find((e) => e.title === 'Breakfast');
    assert.equal(new Date(breakfast.start).toISOString(), '2026-01-31T16:00:00.000Z');
    assert.doesNotMatch(fixed.stdout, /no time zone/);
  });

  test('a changed occurrence (RECURRENCE-ID) replaces its slot in the series; a cancelled one stays, marked', async () => {
    const path = join(tempDir(), 'series.ics');
    const zone = 'TZID=America/New_York';
    writeFileSync(path, [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN',
      'BEGIN:VEVENT', 'UID:s1', `DTSTART;${zone}:20260105T180000`, `DTEND;${zone}:20260105T190000`, 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:Weekly meeting', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:s1', `RECURRENCE-ID;${zone}:20260112T180000`, `DTSTART;${zone}:20260113T190000`, `DTEND;${zone}:20260113T200000`, 'SUMMARY:Weekly meeting (moved to Tuesday)', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:s1', `RECURRENCE-ID;${zone}:20260119T180000`, `DTSTART;${zone}:20260119T180000`, 'STATUS:CANCELLED', 'SUMMARY:Weekly meeting', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n'));
    const { code, data } = await convertToFile([path]);
    assert.equal(code, 0);
    assert.deepEqual(
      data.events.map((e) => [e.id, e.title, new Date(e.start).toISOString(), e.status]),
      [
        ['s1-20260105T180000', 'Weekly meeting', '2026-01-05T23:00:00.000Z', 'scheduled'],
        ['s1-20260112T180000', 'Weekly meeting (moved to Tuesday)', '2026-01-14T00:00:00.000Z', 'scheduled'],
        ['s1-20260119T180000', 'Weekly meeting', '2026-01-19T23:00:00.000Z', 'cancelled'],
      ],
    );
  });

  test('JSON-LD ItemList: the same events and organization as the widgets read', async () => {
    const jsonld = join(fixtures, 'events-itemlist.jsonld');
    const { code, stdout, data } = await convertToFile([jsonld]);
    assert.equal(code, 0);
    const widget = feed.parseFeed(read(jsonld));
    assert.deepEqual(seen(data.events), seen(widget.events));
    assert.equal(data.events.length, 3);
    assert.deepEqual(data.partners.map((p) => p.name), ['Front Range Welcome']);
    assert.equal(data.events.find((e) => e.title === 'Tucson March').status, 'cancelled');
    assert.match(stdout, /item 4 \("An event without a date"\): /);
  });

  test('the demo feeds in all four formats convert to the same 381 events the widgets read from them', async () => {
    for (const name of ['feed.json', 'mobilize.json', 'events.csv', 'events.jsonld']) {
      const input = join(demo, name);
      const { code, data } = await convertToFile([input, '--base-url', 'https://coalition.example/data/' + name]);
      assert.equal(code, 0, name);
      const widget = feed.parseFeed(read(input), { baseUrl: 'https://coalition.example/data/' + name });
      assert.equal(data.events.length, 381, name);
      assert.deepEqual(seen(data.events), seen(widget.events), name);
      assert.equal(data.partners.length, widget.partners.length, name);
      // No private event keeps anything more precise than its town.
      const privateIds = new Set(widget.events.filter((e) => e.location.precision === 'approximate' && !e.location.venue).map((e) => e.id));
      assert.equal(privateIds.size, 20, name);
      for (const e of data.events.filter((x) => privateIds.has(x.id))) {
        assert.equal(e.location.venue ?? e.location.address ?? e.location.lat, undefined, `${name} ${e.id}`);
      }
    }
  });
});

describe('convert: output', () => {
  test('--out folder: feed.json, feed.min.json, _headers and a hosting note; deterministic bytes', async () => {
    const dir = tempDir();
    const args = ['convert', join(fixtures, 'mobilize-page1.json'), join(fixtures, 'mobilize-page2.json'), '--out', dir, '--min', '--campaign', join(demo, 'feed.json')];
    const first = await cli(args);
    assert.equal(first.code, 0, first.stdout);
    const pretty = read(join(dir, 'feed.json'));
    const min = read(join(dir, 'feed.min.json'));
    assert.ok(pretty.endsWith('}\n') && !pretty.endsWith('\n\n') && pretty.charCodeAt(0) === 0x7b);
    assert.equal(min.split('\n').length, 2);
    assert.deepEqual(JSON.parse(min), JSON.parse(pretty));
    const parsed = JSON.parse(pretty);
    assert.deepEqual(Object.keys(parsed), ['turnout', 'title', 'campaign', 'events']);
    assert.equal(parsed.turnout, '1.0');
    assert.equal(parsed.campaign.days.length, 3);
    const headers = read(join(dir, '_headers'));
    assert.match(headers, /^\/feed\.json\n {2}Access-Control-Allow-Origin: \*\n {2}Cache-Control: public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400\n {2}Content-Type: application\/json; charset=utf-8/m);
    assert.match(headers, /^\/feed\.min\.json$/m);
    assert.match(read(join(dir, 'README-feed.md')), /stale-while-revalidate/);
    assert.match(first.stdout, /Wrote .*feed\.json \(.* gzip\)/);
    // What the tool writes passes its own strictest check, JSON Schema included.
    const check = await cli(['validate', join(dir, 'feed.json'), '--strict']);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /^5 events ok, 0 skipped; 3 campaign days; 0 warnings$/m);
    assert.doesNotMatch(check.stdout, /note|warning /);
    // Same input, same bytes.
    await cli(args);
    assert.equal(read(join(dir, 'feed.json')), pretty);
  });

  test('without --out the feed goes to standard output and the report to standard error (the real bin)', async () => {
    const { code, stdout, stderr } = await binCli(['convert', join(fixtures, 'events-itemlist.jsonld')]);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).events.length, 3);
    assert.match(stderr, /^3 events ok, 1 skipped/m);
  });

  test('--strict fails when a record is skipped; --json reports counts and privacy', async () => {
    const out = join(tempDir(), 'x.json');
    assert.equal((await cli(['convert', join(fixtures, 'volunteers.csv'), '--out', out, '--strict'])).code, 1);
    const { stdout } = await cli(['convert', join(fixtures, 'volunteers.csv'), '--out', out, '--json']);
    const report = JSON.parse(stdout);
    assert.equal(report.counts.events, 3);
    assert.equal(report.counts.eventsSkipped, 1);
    assert.deepEqual(report.privacy, { moved: 1, dropped: 0 });
  });

  test('clear errors: unknown --from, a calendar that is not one, an unwritable --out, no input', async () => {
    let r = await cli(['convert', join(fixtures, 'volunteers.csv'), '--from', 'xml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown format "xml" for --from/);
    r = await cli(['convert', join(fixtures, 'volunteers.csv'), '--from', 'ics']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /volunteers\.csv: not a valid iCalendar file/);
    r = await cli(['convert', join(fixtures, 'volunteers.csv'), '--out', join(fixtures, 'volunteers.csv', 'sub')]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /cannot write/);
    r = await cli(['convert']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /convert needs an input/);
  });
});

describe('convert --org: a live Mobilize organization', () => {
  test('follows "next" pages on a server that answers like the Mobilize API', async () => {
    const pages = [read(join(fixtures, 'mobilize-page1.json')), read(join(fixtures, 'mobilize-page2.json'))];
    const server = await serve((req, res) => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname !== '/v1/organizations/42/events') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"detail":"Not found."}}');
        return;
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const body = JSON.parse(pages[page - 1]);
      body.next = page < pages.length ? `http://${req.headers.host}/v1/organizations/42/events?page=${page + 1}` : null;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    try {
      const out = join(tempDir(), 'org.json');
      const r = await cli(['convert', '--org', '42', '--mobilize-api', `${server.url}/v1`, '--out', out]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.deepEqual(server.requests, ['/v1/organizations/42/events', '/v1/organizations/42/events?page=2']);
      assert.equal(feed.parseFeed(read(out)).events.length, 5);
      assert.match(r.stdout, /Read Mobilize organization 42 \(Mobilize API events page, 2 pages\)/);
      assert.match(r.stdout, /data\[1\] on page 2 \(id "9005"\)/);
      const limited = await cli(['convert', '--org', '42', '--mobilize-api', `${server.url}/v1`, '--out', out, '--max-pages', '1']);
      assert.match(limited.stdout, /Stopped after 1 pages/);
      const unknown = await cli(['convert', '--org', '7', '--mobilize-api', `${server.url}/v1`, '--out', out]);
      assert.equal(unknown.code, 3);
      assert.match(unknown.stderr, /answered 404 \(not found\)/);
    } finally {
      await server.close();
    }
  });

  test('no network: a clear one-line error and exit 3', async () => {
    const server = await serve(() => {});
    const url = server.url;
    await server.close(); // nothing listens there any more
    const r = await cli(['convert', '--org', '42', '--mobilize-api', `${url}/v1`, '--out', join(tempDir(), 'o.json')]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /could not connect \(ECONNREFUSED\)/);
    assert.match(r.stderr, /save the response to a file/);
    assert.equal((await cli(['convert', '--org', 'coalition'])).code, 2);
  });
});
