// Pieces of the feed tool that are easier to check one by one: LOCATION text, times with offsets, the JSON Schema
// subset checker and the wording of problems.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { ensureBuilt, root } from './helpers.mjs';

let ics, schemaCheck, report, schema;
before(async () => {
  ensureBuilt();
  ics = await import(join(root, 'dist/cli/ics.js'));
  schemaCheck = await import(join(root, 'dist/cli/schema-check.js'));
  report = await import(join(root, 'dist/cli/report.js'));
  schema = JSON.parse(readFileSync(join(root, 'schema/turnout-feed.schema.json'), 'utf8'));
});

describe('calendar LOCATION text', () => {
  test('venue, street, town, state and ZIP, country', () => {
    assert.deepEqual(ics.splitLocation('City Hall, 121 N LaSalle St, Chicago, IL 60602'), {
      region: 'IL', postalCode: '60602', locality: 'Chicago', venue: 'City Hall', address: '121 N LaSalle St',
    });
    assert.deepEqual(ics.splitLocation('Room 4, Student Union, 1 College Ave, Springfield, IL, 62701'), {
      postalCode: '62701', region: 'IL', locality: 'Springfield', venue: 'Room 4, Student Union', address: '1 College Ave',
    });
    assert.deepEqual(ics.splitLocation('Friends Meeting House, 6 Mount St, Manchester, M2 5NS, UK'), {
      country: 'UK', postalCode: 'M2 5NS', locality: 'Manchester', venue: 'Friends Meeting House', address: '6 Mount St',
    });
    assert.deepEqual(ics.splitLocation('Chicago, IL'), { region: 'IL', locality: 'Chicago' });
  });

  test('text with no recognisable shape stays whole, as the venue', () => {
    assert.deepEqual(ics.splitLocation('Pilsen'), { venue: 'Pilsen' });
    assert.deepEqual(ics.splitLocation('Behind the library'), { venue: 'Behind the library' });
  });
});

describe('instants written with the offset of their zone', () => {
  test('standard and daylight time, UTC and a zone east of UTC', () => {
    assert.equal(ics.instantIso(Date.UTC(2026, 0, 31, 18), 'America/Chicago'), '2026-01-31T12:00:00-06:00');
    assert.equal(ics.instantIso(Date.UTC(2026, 6, 4, 17), 'America/Chicago'), '2026-07-04T12:00:00-05:00');
    assert.equal(ics.instantIso(Date.UTC(2026, 0, 31, 18), 'UTC'), '2026-01-31T18:00:00Z');
    assert.equal(ics.instantIso(Date.UTC(2026, 0, 31, 18), 'Asia/Kolkata'), '2026-01-31T23:30:00+05:30');
  });
});

describe('JSON Schema subset checker on the feed schema', () => {
  test('a valid example from the schema itself passes', () => {
    for (const example of schema.examples) assert.deepEqual(schemaCheck.checkSchema(schema, example), []);
  });

  test('types, patterns, enums, required fields, anyOf and unknown fields', () => {
    const feed = {
      turnout: '1.0',
      campaign: { days: [{ name: 'Shutdown' }] },
      events: [{ title: 'A', start: '2026-01-31 7pm', lat: 41, tags: 5, status: 'maybe' }],
      partners: [{ nmae: 'Typo Org' }],
      $schema: 'https://example.org/schema.json',
    };
    const issues = schemaCheck.checkSchema(schema, feed).map((i) => `${i.path.join('.')}: ${i.message}`);
    assert.deepEqual(issues.sort(), [
      'campaign.days.0.start: is required but missing',
      'events.0.lat: is not a field of this record, so readers ignore it',
      'events.0.start: "2026-01-31 7pm" does not have the expected form (like "2026-01-31T19:00:00-06:00")',
      'events.0.status: "maybe" is not one of "scheduled", "cancelled", "postponed", "full"',
      'events.0.tags: should be a list, not 5',
      'partners.0.name: is required but missing',
      'partners.0.nmae: is not a field of this record, so readers ignore it (did you mean "name"?)',
    ]);
  });
});

describe('problem wording', () => {
  test('the parser reason becomes "field: what is wrong"', () => {
    assert.deepEqual(report.fieldOf('start "31/01/2026 25:00" is not an ISO 8601 date-time'), {
      field: 'start', message: 'start: "31/01/2026 25:00" is not an ISO 8601 date-time',
    });
    assert.deepEqual(report.fieldOf('"title" should be text, not 42'), { field: 'title', message: 'title: should be text, not 42' });
    assert.deepEqual(report.fieldOf('online link "http://x" is not an allowed link'), { field: 'onlineUrl', message: 'onlineUrl: "http://x" is not an allowed link' });
    assert.deepEqual(report.fieldOf('it repeats an earlier event (same title, start, place and link)'), {
      message: 'it repeats an earlier event (same title, start, place and link)',
    });
  });

  test('a problem line carries the place, the id and the title', () => {
    const line = report.problemLine({ severity: 'error', kind: 'event', input: 'f.json', where: 'events[12]', id: 'abc', title: 'Rally at City Hall', message: 'start: "x" is not a date' });
    assert.equal(line, 'events[12] (id "abc", "Rally at City Hall"): start: "x" is not a date');
  });
});
