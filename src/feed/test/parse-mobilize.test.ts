import { expect } from '@open-wc/testing';
import { detectFormat, mergePages, parseFeed } from '../parse.js';

async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  return response.text();
}

describe('parseFeed: Mobilize API v1 events page', () => {
  it('makes one event per timeslot with Mobilize ids', async () => {
    const text = await fixture('mobilize-page.json');
    expect(detectFormat(text)).to.equal('mobilize');
    const feed = parseFeed(text);
    expect(feed.format).to.equal('mobilize');
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.events.map((e) => e.id)).to.deep.equal(['101', '102-6001', '102-6002', '103']);
    expect(feed.nextPage).to.equal('https://api.mobilize.us/v1/organizations/1/events?cursor=abc');
    expect(feed.pages).to.equal(1);
  });

  it('normalizes a public in-person event', async () => {
    const [rally] = parseFeed(await fixture('mobilize-page.json')).events;
    expect(rally).to.deep.equal({
      id: '101',
      title: 'ICE Out Rally',
      description: 'Join us & bring signs.\n\nWater\nSnacks',
      start: Date.UTC(2026, 1, 1, 1),
      end: Date.UTC(2026, 1, 1, 3),
      timeZone: 'America/Chicago',
      location: {
        venue: 'Union Park',
        address: '1501 W Randolph St',
        locality: 'Chicago',
        region: 'IL',
        postalCode: '60607',
        country: 'US',
        lat: 41.8847,
        lng: -87.6656,
        precision: 'exact',
      },
      online: false,
      type: 'rally',
      tags: ['ICE Out', 'Immigration'],
      url: 'https://www.mobilize.us/example/event/101/',
      host: 'Chicago Immigrant Coalition',
      status: 'scheduled',
      accessibility: 'Wheelchair accessible',
      featured: true,
    });
  });

  it('reads virtual events, full timeslots and a null location', async () => {
    const events = parseFeed(await fixture('mobilize-page.json')).events;
    const [first, second] = [events[1], events[2]];
    expect(first).to.include({ online: true, onlineUrl: 'https://zoom.example.org/j/123', status: 'full', type: 'phone_bank' });
    expect(first.location).to.deep.equal({ precision: 'none' });
    expect(first.start).to.equal(Date.UTC(2026, 0, 31, 15));
    expect(first.timeZone).to.equal('America/New_York');
    expect(second.status).to.equal('scheduled');
    expect(second.start).to.equal(Date.UTC(2026, 0, 31, 19));
    expect(first.host).to.equal('Riverside Tenants Union');
  });

  it('never turns a PRIVATE address into a point', async () => {
    const house = parseFeed(await fixture('mobilize-page.json')).events[3];
    expect(house.location).to.deep.equal({
      locality: 'Oakland',
      region: 'CA',
      postalCode: '94607',
      country: 'US',
      precision: 'approximate',
    });
    expect(house.end).to.equal(undefined);
    expect(house.host).to.equal(undefined);
    expect(house.tags).to.deep.equal([]);
  });

  it('reads "CANCELLED:" and "POSTPONED:" marks in titles as the status, and drops them from the title', () => {
    const slot = (id: number) => [{ id, start_date: 1769904000, is_full: id === 5 }];
    const titles = [
      'CANCELLED: Vigil at City Hall',
      'Canceled - Teach-in',
      '[CANCELLED] March',
      '(Cancelled) Phone bank',
      'Full but CANCELLED: Rally',
      'POSTPONED: Potluck',
      'Cancelled flights vigil',
      'CANCELLED:',
    ];
    const feed = parseFeed({
      count: titles.length,
      next: null,
      previous: null,
      data: titles.map((title, i) => ({ id: i + 1, title, timeslots: slot(i + 1) })),
    });
    expect(feed.events.map((e) => [e.title, e.status])).to.deep.equal([
      ['Vigil at City Hall', 'cancelled'],
      ['Teach-in', 'cancelled'],
      ['March', 'cancelled'],
      ['Phone bank', 'cancelled'],
      ['Full but CANCELLED: Rally', 'full'],
      ['Potluck', 'postponed'],
      ['Cancelled flights vigil', 'scheduled'],
      ['CANCELLED:', 'scheduled'],
    ]);
  });

  it('a "CANCELLED:" mark beats a full timeslot', () => {
    const feed = parseFeed({
      count: 1,
      next: null,
      previous: null,
      data: [{ id: 9, title: 'Cancelled: Rally', timeslots: [{ id: 1, start_date: 1769904000, is_full: true }] }],
    });
    expect(feed.events.map((e) => [e.title, e.status])).to.deep.equal([['Rally', 'cancelled']]);
  });

  it('accepts an empty page', () => {
    const feed = parseFeed('{"count":0,"next":null,"previous":null,"data":[]}');
    expect(feed.format).to.equal('mobilize');
    expect(feed.events).to.deep.equal([]);
    expect(feed.nextPage).to.equal(undefined);
  });

  it('merges pages: events appended, repeats dropped, skips marked with their page', async () => {
    const first = parseFeed(await fixture('mobilize-page.json'));
    const next = parseFeed({
      count: 3,
      next: null,
      previous: 'https://api.mobilize.us/v1/organizations/1/events',
      data: [
        { id: 103, title: 'House meeting', timeslots: [{ id: 7001, start_date: 1769911200 }] },
        { id: 104, title: 'Teach-in', timezone: 'America/Denver', timeslots: [{ id: 8001, start_date: 1769904000 }] },
        { id: 105, title: 'No times', timeslots: [] },
      ],
    });
    const merged = mergePages(first, next);
    expect(merged.events.map((e) => e.id)).to.deep.equal(['101', '102-6001', '102-6002', '103', '104']);
    expect(merged.pages).to.equal(2);
    expect(merged.nextPage).to.equal(undefined);
    expect(merged.skipped).to.deep.equal([
      { kind: 'event', index: 2, label: 'No times', reason: 'it has no timeslots, so it has no date', page: 2 },
    ]);
  });
});
