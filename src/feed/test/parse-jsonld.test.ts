import { expect } from '@open-wc/testing';
import { detectFormat, parseFeed } from '../parse.js';
import { supportsOffsetZones } from '../dates.js';

async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  return response.text();
}

const event = (extra: Record<string, unknown> = {}) => ({
  '@type': 'Event',
  name: 'Vigil',
  startDate: '2026-01-31T19:00:00-06:00',
  ...extra,
});

describe('parseFeed: schema.org JSON-LD', () => {
  it('reads events and organizations from an ItemList', async () => {
    const text = await fixture('jsonld-itemlist.json');
    expect(detectFormat(text)).to.equal('jsonld');
    const feed = parseFeed(text);
    expect(feed.format).to.equal('jsonld');
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.events[0]).to.deep.equal({
      id: 'https://example.org/events/1',
      title: 'March for Dignity',
      description: 'Meet at the fountain.',
      start: Date.UTC(2026, 1, 1, 1),
      end: Date.UTC(2026, 1, 1, 3),
      timeZone: '-06:00',
      location: {
        venue: 'Buckingham Fountain',
        address: '301 S Columbus Dr',
        locality: 'Chicago',
        region: 'IL',
        postalCode: '60605',
        country: 'US',
        lat: 41.8758,
        lng: -87.6189,
        precision: 'exact',
      },
      online: false,
      tags: [],
      url: 'https://example.org/events/1',
      host: 'Chicago Immigrant Coalition',
      status: 'scheduled',
    });
    expect(feed.events[1]).to.include({
      title: 'Online teach-in',
      online: true,
      onlineUrl: 'https://meet.example.org/teach-in',
      status: 'cancelled',
      host: 'Know Your Rights Collective',
      timeZone: 'UTC',
    });
    expect(feed.partners).to.deep.equal([
      {
        id: 'riverside-tenants-union',
        name: 'Riverside Tenants Union',
        url: 'https://rtu.example.org/',
        logo: 'https://rtu.example.org/logo.png',
        description: 'Tenants organizing since 1998.',
        categories: [],
      },
    ]);
  });

  it('an offset-only time is shown at that offset, a zone Intl accepts', () => {
    const [e] = parseFeed(event()).events;
    expect(supportsOffsetZones()).to.equal(true); // Chromium; Node 20 falls back to "Etc/GMT+6"
    expect(e.timeZone).to.equal('-06:00');
    const shown = new Intl.DateTimeFormat('en-US', { timeZone: e.timeZone, hour: 'numeric', minute: '2-digit' });
    expect(shown.format(e.start)).to.equal('7:00 PM');
  });

  it('finds nodes alone, in arrays and in @graph, and follows @id references', () => {
    expect(parseFeed({ '@context': 'https://schema.org', ...event() }).events).to.have.length(1);
    expect(parseFeed([event({ name: 'A' }), event({ name: 'B' })]).events.map((e) => e.title)).to.deep.equal(['A', 'B']);
    const graph = parseFeed({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Place', '@id': '#park', name: 'Union Park', geo: { latitude: 41.88, longitude: -87.66 } },
        event({ location: { '@id': '#park' }, organizer: [{ '@type': 'Person', name: 'Ana' }] }),
        { '@type': 'schema:EducationEvent', name: 'Teach-in', startDate: '2026-01-31T10:00:00-05:00' },
        { '@type': 'WebPage', name: 'Not an event' },
      ],
    });
    expect(graph.events.map((e) => e.title)).to.deep.equal(['Vigil', 'Teach-in']);
    expect(graph.events[0].location).to.deep.equal({ venue: 'Union Park', lat: 41.88, lng: -87.66, precision: 'exact' });
    expect(graph.events[0].host).to.equal('Ana');
  });

  it('reads attendance mode and status in full-URL and short forms', () => {
    const feed = parseFeed([
      event({ name: 'a', eventStatus: 'https://schema.org/EventPostponed' }),
      event({ name: 'b', eventStatus: 'EventCancelled', eventAttendanceMode: 'MixedEventAttendanceMode',
        location: [{ '@type': 'Place', name: 'Hall', address: 'Main St, Springfield' }, { '@type': 'VirtualLocation', url: 'https://live.example.org' }] }),
      event({ name: 'c', eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode' }),
      event({ name: 'd', offers: { availability: 'https://schema.org/SoldOut' } }),
    ]);
    expect(feed.events.map((e) => [e.title, e.status, e.online])).to.deep.equal([
      ['a', 'postponed', false],
      ['b', 'cancelled', true],
      ['c', 'scheduled', true],
      ['d', 'full', false],
    ]);
    expect(feed.events[1].location).to.deep.equal({ venue: 'Hall', address: 'Main St, Springfield', precision: 'approximate' });
    expect(feed.events[1].onlineUrl).to.equal('https://live.example.org/');
  });

  it('a scheduled event with sold-out offers is full; a cancelled one stays cancelled', () => {
    const soldOut = { '@type': 'Offer', availability: 'https://schema.org/SoldOut' };
    const feed = parseFeed([
      event({ name: 'a', eventStatus: 'https://schema.org/EventScheduled', offers: soldOut }),
      event({ name: 'b', eventStatus: 'EventCancelled', offers: [soldOut] }),
      event({ name: 'c', eventStatus: 'EventScheduled', offers: { availability: 'https://schema.org/InStock' } }),
    ]);
    expect(feed.events.map((e) => [e.title, e.status])).to.deep.equal([
      ['a', 'full'],
      ['b', 'cancelled'],
      ['c', 'scheduled'],
    ]);
  });

  it('reads a time without offset in the given zone, else as floating', () => {
    const local = event({ startDate: '2026-01-31T19:00:00' });
    expect(parseFeed(local, { timeZone: 'America/Chicago' }).events[0]).to.include({
      start: Date.UTC(2026, 1, 1, 1),
      timeZone: 'America/Chicago',
    });
    expect(parseFeed(local).events[0]).to.include({ start: Date.UTC(2026, 0, 31, 19), floating: true, timeZone: 'UTC' });
  });

  it('nothing from one event carries over to the next (place, coordinates, end, link, host)', () => {
    const feed = parseFeed(
      JSON.stringify([
        event({
          '@id': 'a',
          endDate: '2026-01-31T21:00:00-06:00',
          url: 'https://example.org/a',
          organizer: { '@type': 'Organization', name: 'Tenants Union' },
          location: {
            '@type': 'Place',
            name: 'Union Park',
            address: { '@type': 'PostalAddress', addressLocality: 'Chicago', addressRegion: 'IL' },
            geo: { '@type': 'GeoCoordinates', latitude: 41.88, longitude: -87.67 },
          },
        }),
        event({ '@id': 'b', location: 'Library steps' }),
        event({ '@id': 'c' }),
      ]),
    );
    const [a, b, c] = feed.events;
    expect(a.location).to.deep.equal({
      venue: 'Union Park',
      locality: 'Chicago',
      region: 'IL',
      lat: 41.88,
      lng: -87.67,
      precision: 'exact',
    });
    expect(a.end).to.equal(Date.UTC(2026, 1, 1, 3));
    expect(b).to.deep.equal({
      id: 'b',
      title: 'Vigil',
      description: '',
      start: Date.UTC(2026, 1, 1, 1),
      timeZone: '-06:00',
      location: { venue: 'Library steps', precision: 'approximate' },
      online: false,
      tags: [],
      status: 'scheduled',
    });
    expect(c.location).to.deep.equal({ precision: 'none' });
    expect(c.end).to.equal(undefined);
  });

  it('skips an event with no startDate and an organization with no name', () => {
    const feed = parseFeed({ '@graph': [event({ startDate: undefined }), { '@type': 'Organization', url: 'https://x.example' }] });
    expect(feed.skipped).to.deep.equal([
      { kind: 'event', index: 0, label: 'Vigil', reason: 'startDate is missing' },
      { kind: 'partner', index: 0, reason: 'it has no name' },
    ]);
  });
});
