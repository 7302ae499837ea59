/**
 * What a visitor reads must not depend on their computer's zone. The browser page's zone is pinned (DevTools
 * emulation, see test/server/timezone-plugin.mjs) to zones around the world; the same feeds must show the same
 * wall-clock times, in the event's own zone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/elements/event-list/event-list.define.js';
import type { EventList } from '../src/elements/event-list/event-list.js';
import { parseFeed } from '../src/feed/parse.js';
import { pin, squash } from './helpers.js';



const native = {
  turnout: '1.0',
  events: [
    {
      id: 'chi',
      title: 'Rally in Chicago',
      start: '2026-01-31T19:00:00-06:00',
      end: '2026-01-31T21:00:00-06:00',
      timeZone: 'America/Chicago',
      location: { locality: 'Chicago', region: 'IL', country: 'US', lat: 41.88, lng: -87.63 },
    },
    // DST starts in New York on March 8, 2026 at 2:00 (clocks jump to 3:00): 3:30 is EDT, -04:00.
    {
      id: 'spring',
      title: 'Spring-forward vigil',
      start: '2026-03-08T03:30:00-04:00',
      timeZone: 'America/New_York',
      location: { locality: 'New York', region: 'NY', country: 'US' },
    },
    // DST ends in New York on November 1, 2026 at 2:00: the first 1:30 is EDT, the second EST.
    {
      id: 'fall',
      title: 'Fall-back teach-in',
      start: '2026-11-01T01:30:00-05:00',
      timeZone: 'America/New_York',
      location: { locality: 'New York', region: 'NY', country: 'US' },
    },
  ],
};

// A spreadsheet row typed by a volunteer: 7:00 PM with a "Central" zone column, and a row with no zone at all.
const csv = [
  'Event Name,Date,Start Time,Time Zone,City,State',
  'Tenants rally,1/31/2026,7:00 PM,Central,Chicago,IL',
  'Floating potluck,1/31/2026,6:30 PM,,Springfield,IL',
].join('\n');

async function mount(feedText: unknown): Promise<EventList> {
  const el = document.createElement('event-list') as EventList;
  el.setAttribute('lang', 'en-US');
  el.setAttribute('now', '2026-01-29T18:00:00-05:00');
  el.feed = parseFeed(feedText);
  await fixture(html`${el}`);
  await el.updateComplete;
  return el;
}

function whenOf(el: EventList, title: string): string {
  const item = [...el.shadowRoot!.querySelectorAll('li.event')].find(
    (li) => squash(li.querySelector('.title-text')?.textContent) === title,
  );
  expect(item, `event "${title}" is listed`).to.exist;
  return squash(item!.querySelector('time')?.textContent);
}

const ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];

describe('time zones: the visitor’s zone never moves an event', () => {
  after(() => pin(null));

  for (const zone of ZONES) {
    it(`a viewer in ${zone} sees each event at its own wall-clock time`, async () => {
      await pin(zone);
      // The pin is real: the page's own clock now reports that zone.
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(
        new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone,
      );

      const el = await mount(native);
      expect(whenOf(el, 'Rally in Chicago')).to.equal('Sat, Jan 31, 7:00 PM – 9:00 PM CST');
      expect(whenOf(el, 'Spring-forward vigil')).to.match(/^Sun, Mar 8, 3:30 AM( EDT)?$/);
      expect(whenOf(el, 'Fall-back teach-in')).to.match(/^Sun, Nov 1, 1:30 AM( EST)?$/);
      // The zone is named only for viewers on another clock.
      const nyViewer = zone === 'America/New_York';
      expect(whenOf(el, 'Spring-forward vigil').endsWith('EDT')).to.equal(!nyViewer);

      const sheet = await mount(csv);
      expect(whenOf(sheet, 'Tenants rally')).to.equal('Sat, Jan 31, 7:00 PM CST');
      // No zone anywhere: shown exactly as typed, never converted to the viewer's zone.
      expect(whenOf(sheet, 'Floating potluck')).to.equal('Sat, Jan 31, 6:30 PM');
    });
  }

  it('an instant with only an offset is shown at that offset', async () => {
    await pin('Asia/Kolkata');
    const el = await mount({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Offset-only march',
      startDate: '2026-01-31T19:00:00-06:00',
      location: { '@type': 'Place', name: 'Plaza', address: { '@type': 'PostalAddress', addressLocality: 'Dallas' } },
    });
    expect(whenOf(el, 'Offset-only march')).to.match(/^Sat, Jan 31, 7:00 PM/);
  });
});
