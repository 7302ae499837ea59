// `turnout-feed validate`: messages point at the record (index, id, title) and the field; exit codes as documented.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { binCli, cli, demo, ensureBuilt, fixtures, serve, tempDir } from './helpers.mjs';

before(ensureBuilt);

const bad = join(fixtures, 'bad-feed.json');

describe('validate: pinpointing bad records', () => {
  test('names the record index, id, title, field and the value for a bad date', async () => {
    const { code, stdout } = await cli(['validate', bad]);
    assert.equal(code, 0, 'a feed with some good records is usable');
    assert.match(stdout, /error {3}events\[2\] \(id "abc", "Rally at City Hall"\): start: "31\/01\/2026 25:00" is not an ISO 8601 date-time/);
    assert.match(stdout, /events\[3\] \(id "no-title"\): title: missing \(required\)/);
    assert.match(stdout, /events\[5\] \(id "ok-1", "The same id again"\): id: "ok-1" is already used by an earlier event/);
    assert.match(stdout, /partners\[1\] \(id "nameless"\): name: missing \(required\)/);
    assert.match(stdout, /warning events\[4\] \(id "typo", "Vigil with a misspelled field"\): url: "http:\/\/insecure\.example\/vigil" is not an allowed link/);
    assert.match(stdout, /events\[6\] \(id "off-map", "Rally placed off the planet"\): end: is before its start/);
    assert.match(stdout, /events\[6\] .*location\.lat\/lng: 123\.4, -87\.6 are out of range/);
  });

  test('adds what the JSON Schema says about kept records, and suggests the field a typo meant', async () => {
    const { stdout } = await cli(['validate', bad]);
    assert.match(stdout, /events\[1\] \(id "ok-2", "March to the Federal Building"\): status: "canceled" is not one of "scheduled", "cancelled", "postponed", "full" \(JSON Schema\)/);
    assert.match(stdout, /note {4}events\[4\] .*strat: is not a field of this record, so readers ignore it \(did you mean "start"\?\)/);
    // A record the parser skipped is reported once, with the parser's reason, not again by the schema.
    assert.equal(stdout.match(/events\[2\]/g)?.length, 1);
  });

  test('prints a summary with the counts of kept and skipped records and warnings', async () => {
    const { stdout } = await cli(['validate', bad]);
    assert.match(stdout, /^4 events ok, 3 skipped; 1 partner ok, 1 skipped; 4 warnings, 1 note$/m);
  });

  test('--strict fails on skipped records; --json gives every problem with its place', async () => {
    assert.equal((await cli(['validate', bad, '--strict'])).code, 1);
    const { code, stdout } = await cli(['validate', bad, '--json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.format, 'turnout');
    assert.equal(report.usable, true);
    assert.deepEqual(report.counts, { events: 4, eventsSkipped: 3, partners: 1, partnersSkipped: 1, days: 0, daysSkipped: 0, warnings: 4, notes: 1 });
    const date = report.problems.find((p) => p.id === 'abc');
    assert.deepEqual(
      { severity: date.severity, where: date.where, index: date.index, title: date.title, field: date.field },
      { severity: 'error', where: 'events[2]', index: 2, title: 'Rally at City Hall', field: 'start' },
    );
  });

  test('the demo feed with errors: every bad record found where it is', async () => {
    const { code, stdout } = await cli(['validate', join(demo, 'feed-with-errors.json')]);
    assert.equal(code, 0);
    assert.match(stdout, /events\[7\] \(id "bad-date", "Rally with an impossible date"\): start: "2026-01-32T25:00:00-05:00"/);
    assert.match(stdout, /events\[12\]: the record should be an object, not "not an event at all"/);
    assert.match(stdout, /events\[10\] \(id "bad-link", .*\): url: "javascript:alert\(1\)" is not an allowed link/);
    // Relative logo links resolve against wherever the feed is published: no warning for a local file.
    assert.doesNotMatch(stdout, /logo/);
    assert.match(stdout, /^10 events ok, 4 skipped; 3 partners ok, 1 skipped; 1 campaign day; 2 warnings$/m);
  });

  test('CSV rows and Mobilize records are named the way an editor finds them', async () => {
    const csv = await cli(['validate', join(fixtures, 'volunteers.csv')]);
    assert.match(csv.stdout, /row 5 \("Vigil with a typo in the date"\): .*31\/31\/2026/);
    const mobilize = await cli(['validate', join(fixtures, 'mobilize-page2.json')]);
    assert.match(mobilize.stdout, /data\[1\] \(id "9005"\): title: should be text, not null/);
  });

  test('the demo feeds in every format are usable with nothing skipped', async () => {
    for (const name of ['feed.json', 'mobilize.json', 'events.csv', 'events.jsonld']) {
      const { code, stdout } = await cli(['validate', join(demo, name)]);
      assert.equal(code, 0, name);
      assert.match(stdout, /^381 events ok, 0 skipped/m, name);
    }
  });
});

describe('validate: whole-feed problems and exit codes', () => {
  test('a missing file exits 3 with a one-line message (the real bin)', async () => {
    const { code, stdout } = await binCli(['validate', join(fixtures, 'nope.json')]);
    assert.equal(code, 3);
    assert.match(stdout, /nope\.json: cannot read \(file not found\)/);
  });

  test('empty input, an HTML page, an unknown format and a feed with nothing usable exit 1', async () => {
    const dir = tempDir();
    const files = {
      'empty.json': '  \n',
      'page.html': '<!doctype html><html><body>Sign in</body></html>',
      'notes.txt': 'just some words\nno delimiter here\n',
      'other.json': '{"items": [1, 2, 3]}',
      'all-bad.json': '{"turnout": "1.0", "events": [{"title": "No date"}]}',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const run = async (name) => cli(['validate', join(dir, name)]);
    let r = await run('empty.json');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /empty\.json: the feed is empty/);
    r = await run('page.html');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /page\.html: this is a web page \(HTML\), not a feed\./);
    r = await run('notes.txt');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /--from mobilize, csv, ics, jsonld or turnout/);
    r = await run('other.json');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /not in a format Turnout knows/);
    r = await run('all-bad.json');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /events\[0\] \("No date"\): start: missing \(required\)/);
    assert.match(r.stdout, /nothing a widget could show/);
  });

  test('usage errors exit 2 and --help lists the exit codes', async () => {
    assert.equal((await cli(['frobnicate'])).code, 2);
    assert.equal((await cli(['validate'])).code, 2);
    const unknown = await cli(['validate', 'x.json', '--bogus']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option --bogus/);
    assert.equal((await cli(['validate', 'x.json', '--out', 'dir'])).code, 2);
    const help = await binCli(['--help']);
    assert.equal(help.code, 0);
    for (const n of [0, 1, 2, 3, 4]) assert.match(help.stdout, new RegExp(`^  ${n}  `, 'm'));
  });

  test('a feed URL is read, and its headers are checked for cross-origin use and caching', async () => {
    const body = JSON.stringify({ turnout: '1.0', events: [{ id: 'a', title: 'Rally', start: '2026-01-31T12:00:00-06:00' }] });
    const server = await serve((req, res) => {
      const good = req.url === '/good.json';
      res.writeHead(req.url === '/missing.json' ? 404 : 200, {
        'content-type': 'application/json',
        ...(good ? { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300', etag: '"v1"' } : {}),
      });
      res.end(body);
    });
    try {
      const plain = await cli(['validate', `${server.url}/plain.json`]);
      assert.equal(plain.code, 0);
      assert.match(plain.stdout, /Access-Control-Allow-Origin is missing: widgets on other sites cannot read this feed/);
      assert.match(plain.stdout, /Cache-Control is missing/);
      const good = await cli(['validate', `${server.url}/good.json`]);
      assert.equal(good.code, 0);
      assert.doesNotMatch(good.stdout, /Access-Control|Cache-Control|ETag/);
      const missing = await cli(['validate', `${server.url}/missing.json`]);
      assert.equal(missing.code, 3);
      assert.match(missing.stdout, /answered 404 \(not found\)/);
    } finally {
      await server.close();
    }
  });
});
