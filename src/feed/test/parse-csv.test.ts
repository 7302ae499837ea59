import { expect } from '@open-wc/testing';
import { detectFormat, parseFeed } from '../parse.js';

async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  return response.text();
}

/** One event from a one-row CSV with these columns. */
function row(columns: Record<string, string>, options = {}) {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const text = `${Object.keys(columns).map(quote).join(',')}\n${Object.values(columns).map(quote).join(',')}\n`;
  return parseFeed(text, options);
}

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

describe('parseFeed: CSV', () => {
  it('reads a spreadsheet of events with forgiving column names', async () => {
    const text = await fixture('events.csv');
    expect(detectFormat(text)).to.equal('csv');
    const feed = parseFeed(text);
    expect(feed.format).to.equal('csv');
    expect(feed.events.map((e) => e.title)).to.deep.equal([
      'Vigil at City Hall',
      'Rally, then march',
      'Kitchen-table meeting',
      'Online call',
    ]);
    const [vigil, rally, kitchen, call] = feed.events;
    expect(vigil).to.deep.include({
      description: 'Bring candles.\nDress warm.',
      start: Date.UTC(2026, 1, 1, 1),
      end: Date.UTC(2026, 1, 1, 3),
      timeZone: 'America/Chicago',
      online: false,
      type: 'vigil',
      tags: ['ice out', 'vigil'],
      url: 'https://example.org/rsvp/1',
      host: 'Riverside Tenants Union',
      status: 'scheduled',
    });
    expect(vigil.location).to.deep.equal({
      venue: 'City Hall',
      address: '121 N LaSalle St',
      locality: 'Chicago',
      region: 'IL',
      postalCode: '60602',
      country: 'US',
      lat: 41.8837,
      lng: -87.6324,
      precision: 'exact',
    });
    expect([iso(rally.start), iso(rally.end), rally.timeZone, rally.host]).to.deep.equal([
      '2026-01-31T17:00:00.000Z',
      '2026-01-31T19:00:00.000Z',
      'America/New_York',
      'Lawyers Guild, NYC',
    ]);
    expect(kitchen.location).to.deep.equal({ locality: 'Denver', region: 'CO', postalCode: '80202', country: 'US', precision: 'approximate' });
    expect(iso(kitchen.start)).to.equal('2026-01-31T17:00:00.000Z');
    expect(call).to.deep.include({ online: true, status: 'cancelled', floating: true, timeZone: 'UTC', start: Date.UTC(2026, 0, 31, 19) });
    expect(feed.skipped).to.deep.equal([
      { kind: 'event', index: 3, label: 'Bad date row', reason: 'start date "31/31/2026" is not a date' },
    ]);
  });

  it('reads a spreadsheet of partners', async () => {
    const feed = parseFeed(await fixture('partners.csv'));
    expect(feed.events).to.deep.equal([]);
    expect(feed.partners).to.deep.equal([
      {
        id: 'riverside-tenants-union',
        name: 'Riverside Tenants Union',
        url: 'https://rtu.example.org/',
        logo: 'https://rtu.example.org/logo.png',
        description: 'Tenants organizing since 1998.',
        categories: ['Tenants union'],
      },
      {
        id: 'somali-student-association',
        name: 'Somali Student Association',
        url: 'https://ssa.example.edu/',
        categories: ['Student group', 'Campus'],
      },
    ]);
    expect(feed.skipped).to.deep.equal([{ kind: 'partner', index: 3, reason: 'it has no name' }]);
  });

  it('reads partner headers in British and American spelling', () => {
    for (const header of ['Organisation Name', 'Organization Name', 'Org Name', 'Group name']) {
      const feed = parseFeed(`${header},Website,Sector\nRiverside Tenants Union,https://rtu.example.org,Tenants union\n`);
      expect(feed.partners.map((p) => p.name), header).to.deep.equal(['Riverside Tenants Union']);
      expect(feed.partners[0].categories, header).to.deep.equal(['Tenants union']);
    }
  });

  const chicago7pm = '2026-02-01T01:00:00.000Z';
  const dates: [string, string][] = [
    ['1/31/2026', '7:00 PM'],
    ['01/31/26', '7pm'],
    ['2026-01-31', '19:00'],
    ['Jan 31, 2026', '7 p.m.'],
    ['January 31 2026', '7:00pm'],
    ['Saturday, January 31, 2026', '19:00:00'],
    ['31 January 2026', '7 PM'],
  ];
  for (const [date, time] of dates) {
    it(`reads the date "${date}" and the time "${time}"`, () => {
      const feed = row({ Title: 'Vigil', Date: date, Time: time, 'Time zone': 'America/Chicago' });
      expect(feed.skipped).to.deep.equal([]);
      expect(iso(feed.events[0].start)).to.equal(chicago7pm);
    });
  }

  it('reads a date and time in one cell, and time ranges', () => {
    const one = row({ Name: 'Vigil', Start: '1/31/2026 7:00 PM', End: '1/31/2026 9:00 PM', TZ: 'CST' });
    expect([iso(one.events[0].start), iso(one.events[0].end)]).to.deep.equal([chicago7pm, '2026-02-01T03:00:00.000Z']);
    const range = row({ Name: 'Vigil', Date: 'Jan 31, 2026', Time: '7-9pm', Zone: 'Central' });
    expect([iso(range.events[0].start), iso(range.events[0].end)]).to.deep.equal([chicago7pm, '2026-02-01T03:00:00.000Z']);
    const noon = row({ Name: 'Lunch', Date: '1/31/2026', Time: 'noon', Zone: 'Eastern' });
    expect(iso(noon.events[0].start)).to.equal('2026-01-31T17:00:00.000Z');
    const late = row({ Name: 'Night vigil', Date: '1/31/2026', 'Start time': '10pm', 'End time': '1am', Zone: 'ET' });
    expect(iso(late.events[0].end)).to.equal('2026-02-01T06:00:00.000Z');
  });

  it('reads zones as volunteers write them, then the feed default, then floating', () => {
    const zones: [string, string][] = [
      ['Eastern', 'America/New_York'],
      ['EST', 'America/New_York'],
      ['Pacific Time', 'America/Los_Angeles'],
      ['Mountain', 'America/Denver'],
      ['Alaska', 'America/Anchorage'],
      ['Hawaii', 'Pacific/Honolulu'],
      ['Arizona', 'America/Phoenix'],
      ['BST', 'Europe/London'],
      ['UK', 'Europe/London'],
      ['america/chicago', 'America/Chicago'],
    ];
    for (const [zone, iana] of zones) {
      expect(row({ Title: 'x', Date: '1/31/2026', Time: '7pm', Timezone: zone }).events[0].timeZone, zone).to.equal(iana);
    }
    const byDefault = row({ Title: 'x', Date: '1/31/2026', Time: '7pm' }, { timeZone: 'Europe/London' }).events[0];
    expect([byDefault.timeZone, iso(byDefault.start)]).to.deep.equal(['Europe/London', '2026-01-31T19:00:00.000Z']);
    const unknown = row({ Title: 'x', Date: '1/31/2026', Time: '7pm', Timezone: 'Narnia' });
    expect(unknown.events[0].floating).to.equal(true);
    expect(unknown.warnings?.[0].reason).to.contain('time zone "Narnia" is unknown');
  });

  it('a date with no time is an all-day event', () => {
    const [e] = row({ Title: 'Shutdown', Date: '1/30/2026' }, { timeZone: 'America/New_York' }).events;
    expect(e.allDay).to.equal(true);
    expect(iso(e.start)).to.equal('2026-01-30T05:00:00.000Z');
  });

  it('a "CANCELLED:" title mark sets the status unless the status column says cancelled or postponed', () => {
    const marked = row({ Title: 'CANCELLED: Vigil', Date: '1/31/2026', Status: 'Scheduled' }).events[0];
    expect([marked.title, marked.status]).to.deep.equal(['Vigil', 'cancelled']);
    const both = row({ Title: '[Cancelled] Vigil', Date: '1/31/2026', Status: 'Postponed' }).events[0];
    expect([both.title, both.status]).to.deep.equal(['Vigil', 'postponed']);
  });

  it('reads semicolon- and tab-separated sheets', () => {
    const semi = parseFeed('Title;Date;Time\nVigil;31/01/2026;19:00\n');
    expect(iso(semi.events[0].start)).to.equal('2026-01-31T19:00:00.000Z');
    const tabs = parseFeed('Title\tDate\nVigil\t2026-01-31\n');
    expect(tabs.events[0].title).to.equal('Vigil');
  });
});

describe('parseFeed: CSV rows without ids', () => {
  it('the same title at the same time in two towns are two events; an identical row is a repeat', () => {
    const feed = parseFeed(
      'Title,Date,Time,City,Zone\n' +
        'Vigil for Justice,1/31/2026,7pm,Chicago,Central\n' +
        'Vigil for Justice,1/31/2026,7pm,Peoria,Central\n' +
        'Vigil for Justice,1/31/2026,7pm,Chicago,Central\n',
    );
    expect(feed.events.map((e) => e.location.locality)).to.deep.equal(['Chicago', 'Peoria']);
    expect(feed.events[0].id).to.not.equal(feed.events[1].id);
    expect(feed.skipped).to.deep.equal([
      { kind: 'event', index: 3, label: 'Vigil for Justice', reason: 'it repeats an earlier event (same title, start, place and link)' },
    ]);
  });

  it('ids derived from content are stable when rows move', () => {
    const a = parseFeed('Title,Date\nA,1/31/2026\nB,1/31/2026\n').events;
    const b = parseFeed('Title,Date\nB,1/31/2026\nA,1/31/2026\n').events;
    expect(a.find((e) => e.title === 'A')?.id).to.equal(b.find((e) => e.title === 'A')?.id);
  });
});
