/**
 * Time, around the 2026 daylight-saving changes (US March 8, EU March 29, Sydney April 5), with the browser's zone
 * pinned (test/helpers.ts pin(), test/server/timezone-plugin.mjs) to each of six zones. test/time-zones.test.ts
 * covers the list's wall-clock times in the US; this file adds the EU and Sydney changes (Mobilize epoch times,
 * a repeated hour, a skipped hour), the countdown's remaining time across a change, its date sentence, and the
 * before / live / after states of the countdown and the banner on a 23- and a 25-hour local day. Every expected
 * value below is written out by hand.
 */
import { expect } from '@open-wc/testing';
import type { FeedData } from '../../src/feed/types.js';
import { pin, squash } from '../helpers.js';
import { defineAll } from './elements.js';
import { create, figure, place, settled, unplace } from './harness.js';

const ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'] as const;
type Zone = (typeof ZONES)[number];

/** Each zone's DST day of 2026 (Kolkata has none) and its local midnights, as UTC instants. */
const LOCAL_DAY: Record<Zone, { date: string; start: string; end: string }> = {
  'America/Los_Angeles': { date: '2026-03-08', start: '2026-03-08T08:00:00Z', end: '2026-03-09T07:00:00Z' },
  'America/New_York': { date: '2026-03-08', start: '2026-03-08T05:00:00Z', end: '2026-03-09T04:00:00Z' },
  'Europe/London': { date: '2026-03-29', start: '2026-03-29T00:00:00Z', end: '2026-03-29T23:00:00Z' },
  'Europe/Berlin': { date: '2026-03-29', start: '2026-03-28T23:00:00Z', end: '2026-03-29T22:00:00Z' },
  'Asia/Kolkata': { date: '2026-03-29', start: '2026-03-28T18:30:00Z', end: '2026-03-29T18:30:00Z' },
  'Australia/Sydney': { date: '2026-04-05', start: '2026-04-04T13:00:00Z', end: '2026-04-05T14:00:00Z' },
};

/** Noon, March 8 2026 in New York (EDT, the day the clocks went forward) where each viewer is. */
const NY_NOON_WHERE_YOU_ARE: Record<Zone, string | null> = {
  'America/Los_Angeles': 'Sunday, March 8, 2026 at 9:00:00 AM',
  'America/New_York': null,
  'Europe/London': 'Sunday, March 8, 2026 at 4:00:00 PM',
  'Europe/Berlin': 'Sunday, March 8, 2026 at 5:00:00 PM',
  'Asia/Kolkata': 'Sunday, March 8, 2026 at 9:30:00 PM',
  'Australia/Sydney': 'Monday, March 9, 2026 at 3:00:00 AM',
};

const minute = 60_000;
const iso = (t: number) => new Date(t).toISOString();

function dayFeed(day: Record<string, unknown>): FeedData {
  return {
    format: 'turnout',
    events: [],
    partners: [],
    skipped: [],
    loadedAt: Date.now(),
    campaign: { days: [{ id: 'day', name: 'National Shutdown', timeZone: 'America/New_York', start: 0, ...day } as never] },
  };
}

/** Mobilize times are epoch seconds with the event's IANA zone: the adapter must not shift them across a change. */
const mobilize = {
  count: 5,
  next: null,
  previous: null,
  data: [
    ['Berlin, after the jump', Date.UTC(2026, 2, 29, 1, 30) / 1000, 'Europe/Berlin'], // 03:30 CEST
    ['London, after the jump', Date.UTC(2026, 2, 29, 1, 30) / 1000, 'Europe/London'], // 02:30 BST
    ['Sydney, first 2:30', Date.UTC(2026, 3, 4, 15, 30) / 1000, 'Australia/Sydney'], // 02:30 AEDT
    ['Sydney, second 2:30', Date.UTC(2026, 3, 4, 16, 30) / 1000, 'Australia/Sydney'], // 02:30 AEST
    ['Kolkata morning', Date.UTC(2026, 2, 29, 3, 30) / 1000, 'Asia/Kolkata'], // 09:00 IST
  ].map(([title, start, timezone], i) => ({
    id: 100 + i,
    title,
    timeslots: [{ start_date: start, end_date: null }],
    timezone,
    location: { locality: String(timezone).split('/')[1], country: 'XX' },
    browser_url: `https://www.mobilize.us/example/event/${100 + i}/`,
  })),
};
const MOBILIZE_WHEN: [string, RegExp][] = [
  ['Berlin, after the jump', /^Sun, Mar 29, 3:30 AM/],
  ['London, after the jump', /^Sun, Mar 29, 2:30 AM/],
  ['Sydney, first 2:30', /^Sun, Apr 5, 2:30 AM/],
  ['Sydney, second 2:30', /^Sun, Apr 5, 2:30 AM/],
  ['Kolkata morning', /^Sun, Mar 29, 9:00 AM/],
];

describe('hardening: time around daylight-saving changes, in six zones', function () {
  this.timeout(30000);
  let checks = 0;
  before(defineAll);
  afterEach(unplace);
  after(async () => {
    await pin(null);
    figure('time checks (zones x fixtures)', checks);
  });

  for (const zone of ZONES) {
    describe(`viewer in ${zone}`, () => {
      before(() => pin(zone));

      it('the countdown and the banner are before, live and after at the edges of a 23/24/25-hour local day', async () => {
        const day = LOCAL_DAY[zone];
        const start = Date.parse(day.start);
        const end = Date.parse(day.end);
        const moments: [number, string][] = [
          [start - minute, 'before'],
          [start + minute, 'live'],
          [end - minute, 'live'],
          [end + minute, 'after'],
        ];
        const hosts = moments.flatMap(([t]) =>
          ['event-countdown', 'action-banner'].map((tag) => {
            const el = create(tag, { now: iso(t), campaign: 'day' });
            (el as HTMLElement & { feed: FeedData }).feed = dayFeed({ localDate: day.date, start, end });
            return el;
          }),
        );
        place(hosts);
        await settled(hosts);
        moments.forEach(([t, state], i) => {
          for (const el of hosts.slice(i * 2, i * 2 + 2)) {
            expect(el.getAttribute('state'), `<${el.localName}> at ${iso(t)}`).to.equal(state);
            checks++;
          }
        });
        // One minute before: one minute left; the bar names the local day.
        expect(squash(hosts[0].shadowRoot!.querySelector('[part="digits"]')?.textContent)).to.equal('1 minute 0 seconds');
        const long = new Date(`${day.date}T12:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'full', timeZone: 'UTC' });
        expect(squash(hosts[1].shadowRoot!.querySelector('[part="message"]')?.textContent)).to.equal(`National Shutdown: ${long}.`);
      });

      it('the countdown counts real hours across a change: 23 hours (US, EU), 1 day 1 hour (Sydney)', async () => {
        const cases: [string, string, string][] = [
          ['2026-03-07T12:00:00-05:00', '2026-03-08T12:00:00-04:00', '23 hours'],
          ['2026-03-28T12:00:00+01:00', '2026-03-29T12:00:00+02:00', '23 hours'],
          ['2026-04-04T12:00:00+11:00', '2026-04-05T12:00:00+10:00', '1 day 1 hour'],
        ];
        const hosts = cases.map(([now, target]) => create('event-countdown', { now, target, units: 'dh', 'time-zone': 'America/New_York' }));
        place(hosts);
        await settled(hosts);
        cases.forEach(([, , left], i) => {
          expect(squash(hosts[i].shadowRoot!.querySelector('[part="digits"]')?.textContent)).to.equal(left);
          checks++;
        });
      });

      it('the date sentence gives the organizers’ time, and the viewer’s when it differs', async () => {
        const el = create('event-countdown', { now: '2026-03-07T12:00:00-05:00', campaign: 'day' });
        (el as HTMLElement & { feed: FeedData }).feed = dayFeed({ start: Date.parse('2026-03-08T12:00:00-04:00'), end: Date.parse('2026-03-08T20:00:00-04:00') });
        place([el]);
        await settled([el]);
        const sentence = squash(el.shadowRoot!.querySelector('[part="when"]')?.textContent);
        expect(sentence).to.match(/^National Shutdown starts Sunday, March 8, 2026 at 12:00:00 PM EDT/);
        const yours = NY_NOON_WHERE_YOU_ARE[zone];
        if (yours) expect(sentence).to.include(`(${yours}`).and.to.match(/ where you are\)\.$/);
        else expect(sentence).not.to.include('where you are');
        checks++;
      });

      it('the list shows Mobilize events at their own wall-clock time across the EU and Sydney changes', async () => {
        const el = create('event-list', { now: '2026-03-01T00:00:00Z', 'page-size': '50' });
        (el as HTMLElement & { data: unknown }).data = mobilize;
        place([el]);
        await settled([el]);
        for (const [title, when] of MOBILIZE_WHEN) {
          const item = [...el.shadowRoot!.querySelectorAll('li.event')].find((li) => squash(li.querySelector('.title-text')?.textContent) === title);
          expect(item, title).to.exist;
          expect(squash(item!.querySelector('time')?.textContent), title).to.match(when);
          checks++;
        }
      });
    });
  }
});
