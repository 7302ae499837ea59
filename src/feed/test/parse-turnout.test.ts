import { expect } from '@open-wc/testing';
import { detectFormat, parseFeed } from '../parse.js';

const BASE = 'https://example.org/feeds/turnout.json';

async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  return response.text();
}

describe('parseFeed: native Turnout feed', () => {
  it('normalizes events, partners and the campaign', async () => {
    const text = await fixture('turnout-small.json');
    expect(detectFormat(text)).to.equal('turnout');
    const feed = parseFeed(text, { baseUrl: BASE });
    expect(feed.format).to.equal('turnout');
    expect(feed.version).to.equal('1.0');
    expect(feed.title).to.equal('ICE Out of Everywhere');
    expect(feed.url).to.equal(BASE);
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.events.map((e) => e.id)).to.deep.equal(['chi-vigil', 'home-meeting', 'online-call']);

    expect(feed.events[0]).to.deep.equal({
      id: 'chi-vigil',
      title: 'Vigil at City Hall',
      description: 'Bring candles.\nWe gather at the steps.',
      start: Date.UTC(2026, 1, 1, 1),
      end: Date.UTC(2026, 1, 1, 3),
      timeZone: 'America/Chicago',
      location: {
        venue: 'City Hall',
        address: '121 N LaSalle St',
        locality: 'Chicago',
        region: 'IL',
        postalCode: '60602',
        country: 'US',
        lat: 41.8837,
        lng: -87.6324,
        precision: 'exact',
      },
      online: false,
      type: 'vigil',
      tags: ['ICE Out', 'vigil'],
      url: 'https://example.org/rsvp/chi-vigil',
      host: 'Riverside Tenants Union',
      status: 'scheduled',
      accessibility: 'Step-free entrance on Clark St.',
      featured: true,
    });
  });

  it('keeps a private address to its town: no venue, street or point', async () => {
    const feed = parseFeed(await fixture('turnout-small.json'));
    const home = feed.events[1];
    expect(home.location).to.deep.equal({
      locality: 'Durham',
      region: 'NC',
      postalCode: '27701',
      country: 'US',
      precision: 'approximate',
    });
    // "2026-01-31T14:00:00" has no offset: it is read in the feed's zone (New York).
    expect(home.start).to.equal(Date.UTC(2026, 0, 31, 19));
    expect(home.timeZone).to.equal('America/New_York');
    expect(home.type).to.equal('teach_in');
    expect(home.status).to.equal('cancelled');
  });

  it('drops a javascript: link but keeps the online event, and says so', async () => {
    const feed = parseFeed(await fixture('turnout-small.json'));
    const call = feed.events[2];
    expect(call.online).to.equal(true);
    expect(call.onlineUrl).to.equal('https://meet.example.org/kyr');
    expect(call.url).to.equal(undefined);
    expect(call.location.precision).to.equal('none');
    expect(feed.warnings?.map((w) => w.label)).to.include('Know your rights: online training');
  });

  it('resolves a relative logo against the feed URL, and drops it without one', async () => {
    const text = await fixture('turnout-small.json');
    expect(parseFeed(text, { baseUrl: BASE }).partners[0]).to.deep.equal({
      id: 'rtu',
      name: 'Riverside Tenants Union',
      url: 'https://rtu.example.org/',
      logo: 'https://example.org/logos/rtu.svg',
      description: 'Tenants organizing since 1998.',
      categories: ['Tenants union'],
    });
    const withoutBase = parseFeed(text);
    expect(withoutBase.partners[0].logo).to.equal(undefined);
    expect(withoutBase.partners[1]).to.deep.equal({
      id: 'somali-student-association',
      name: 'Somali Student Association',
      categories: ['Student group'],
    });
  });

  it('reads campaign days, including a calendar day at local midnight', async () => {
    const { campaign } = parseFeed(await fixture('turnout-small.json'), { baseUrl: BASE });
    expect(campaign?.name).to.equal('ICE Out of Everywhere');
    expect(campaign?.hostEventUrl).to.equal('https://example.org/host');
    expect(campaign?.timeZone).to.equal('America/New_York');
    expect(campaign?.days).to.deep.equal([
      {
        id: 'shutdown',
        name: 'National Shutdown',
        start: Date.UTC(2026, 0, 30, 5),
        end: Date.UTC(2026, 0, 31, 5),
        timeZone: 'America/New_York',
        localDate: '2026-01-30',
        description: 'No work, no school, no shopping.',
      },
      {
        id: 'day-of-action',
        name: 'National Day of Action',
        start: Date.UTC(2026, 0, 31, 5),
        end: Date.UTC(2026, 1, 1, 5),
        timeZone: 'America/New_York',
        url: 'https://example.org/jan31',
      },
    ]);
  });

  it('accepts already-parsed JSON and a leading BOM', async () => {
    const text = await fixture('turnout-small.json');
    const fromObject = parseFeed(JSON.parse(text));
    const fromBom = parseFeed('\ufeff' + text);
    expect(fromObject.events.length).to.equal(3);
    expect(fromBom.events.map((e) => e.start)).to.deep.equal(fromObject.events.map((e) => e.start));
  });

  it('reads a feed-wide zone for times without offsets, and all-day dates', () => {
    const feed = parseFeed({
      turnout: '1.0',
      events: [
        { id: 'a', title: 'Teach-in', start: '2026-01-31T19:00:00' },
        { id: 'b', title: 'Fast', start: '2026-01-31', allDay: true },
      ],
    }, { timeZone: 'America/Chicago' });
    expect(feed.events[0].start).to.equal(Date.UTC(2026, 1, 1, 1));
    expect(feed.events[0].timeZone).to.equal('America/Chicago');
    expect(feed.events[0].floating).to.equal(undefined);
    expect(feed.events[1].allDay).to.equal(true);
    expect(feed.events[1].start).to.equal(Date.UTC(2026, 0, 31, 6));
  });

  it('shows a time with no zone anywhere as typed (floating)', () => {
    const feed = parseFeed({ turnout: '1.0', events: [{ id: 'a', title: 'Teach-in', start: '2026-01-31T19:00' }] });
    expect(feed.events[0]).to.include({ start: Date.UTC(2026, 0, 31, 19), timeZone: 'UTC', floating: true });
  });
});
