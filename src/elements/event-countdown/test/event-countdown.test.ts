import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../event-countdown.define.js';
import type { EventCountdown } from '../event-countdown.js';
import type { FeedData } from '../../../feed/types.js';
import { setReferenceTime } from '../../../shared/clock.js';
import { tickerInfo } from '../../../shared/ticker.js';
import { fakeTime, make, pin, place, squash, textOf, unplace, type FakeTime } from './helpers.js';

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
const digits = (el: Element) => squash($(el, '[part="digits"]')?.textContent);

async function mount(attrs: Record<string, string>, lang = 'en-US'): Promise<EventCountdown> {
  const el = make('event-countdown', attrs);
  place([el], lang);
  await el.updateComplete;
  return el;
}

/** A feed with the national shutdown as a visitor's-own-day and a timed action day. */
function feed(): FeedData {
  return {
    format: 'turnout',
    events: [
      {
        id: 'rally',
        title: 'Rally at Union Park',
        start: Date.parse('2026-01-31T12:00:00-06:00'),
        end: Date.parse('2026-01-31T14:00:00-06:00'),
        timeZone: 'America/Chicago',
        location: { locality: 'Chicago', country: 'US' },
      } as FeedData['events'][number],
    ],
    partners: [],
    skipped: [],
    loadedAt: Date.now(),
    campaign: {
      days: [
        {
          id: 'national-shutdown',
          name: 'National Shutdown',
          start: Date.parse('2026-01-30T00:00:00-05:00'),
          end: Date.parse('2026-01-31T00:00:00-05:00'),
          timeZone: 'America/New_York',
          localDate: '2026-01-30',
        },
        {
          id: 'vigil',
          name: 'Vigil',
          start: Date.parse('2026-02-10T18:00:00-05:00'),
          end: Date.parse('2026-02-10T20:00:00-05:00'),
          timeZone: 'America/New_York',
        },
      ],
    },
  };
}

async function mountFeed(attrs: Record<string, string>): Promise<EventCountdown> {
  const el = make('event-countdown', attrs);
  el.feed = feed();
  place([el]);
  await waitUntil(() => el.state, 'no state', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const START = '2026-01-30T00:00:00-05:00';
const END = '2026-01-31T00:00:00-05:00';
const at = (iso: string, deltaMs: number) => new Date(Date.parse(iso) + deltaMs).toISOString();

describe('<event-countdown>', () => {
  afterEach(() => {
    setReferenceTime(null);
    unplace();
  });

  it('refuses a target without an offset, with a message saying how to write it', async () => {
    const el = await mount({ target: '2026-01-30T00:00' });
    await waitUntil(() => $(el, '[part="problem"]'), 'no message', { timeout: 5000 });
    const problem = $(el, '[part="problem"]')!;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(squash(problem.textContent)).to.contain('"2026-01-30T00:00" is not a date and time with an offset');
    expect(squash(problem.textContent)).to.contain('2026-01-30T00:00:00-05:00');
    expect(el.state).to.equal(undefined);
  });

  for (const zone of ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Australia/Sydney']) {
    describe(`in ${zone}`, () => {
      before(() => pin(zone));
      after(() => pin(null));

      const cases: [string, string, string][] = [
        ['1 s before the start', at(START, -1000), 'before'],
        ['at the start', START, 'live'],
        ['1 s after the start', at(START, 1000), 'live'],
        ['1 s before the end', at(END, -1000), 'live'],
        ['at the end', END, 'after'],
        ['1 s after the end', at(END, 1000), 'after'],
      ];
      for (const [when, now, state] of cases) {
        it(`is ${state} ${when}`, async () => {
          const el = await mount({ target: START, end: END, now, label: 'National Shutdown' });
          expect(el.state).to.equal(state);
          expect(el.getAttribute('state')).to.equal(state);
          expect(el.matches(`:state(${state})`)).to.equal(true);
          const text = textOf(el);
          if (state === 'before') {
            expect(text).to.contain('National Shutdown starts in');
            expect(digits(el)).to.equal('1 second');
          } else if (state === 'live') {
            expect(text).to.contain('National Shutdown is happening now');
          } else {
            expect(text).to.contain('National Shutdown has ended');
          }
        });
      }

      it('writes the start in the organizers\' zone, and in the visitor\'s when it differs', async () => {
        const el = await mount({ target: START, 'time-zone': 'America/New_York', now: at(START, -3600e3) });
        const when = squash($(el, '[part="when"]')!.textContent);
        expect(when).to.contain('starts Friday, January 30, 2026 at 12:00:00 AM EST');
        const yours: Record<string, string> = {
          'America/Los_Angeles': '(Thursday, January 29, 2026 at 9:00:00 PM PST where you are).',
          'Europe/London': '(Friday, January 30, 2026 at 5:00:00 AM GMT where you are).',
          'Australia/Sydney': '(Friday, January 30, 2026 at 4:00:00 PM GMT+11 where you are).',
        };
        if (yours[zone]) expect(when).to.contain(yours[zone]);
        else expect(when).not.to.contain('where you are');
      });

      it('counts to a campaign day that starts at the visitor\'s own midnight', async () => {
        const offsets: Record<string, string> = {
          'America/Los_Angeles': '-08:00',
          'America/New_York': '-05:00',
          'Europe/London': 'Z',
          'Australia/Sydney': '+11:00',
        };
        const midnight = `2026-01-30T00:00:00${offsets[zone]}`;
        const el = await mountFeed({ campaign: 'national-shutdown', now: at(midnight, -1000) });
        expect(el.state).to.equal('before');
        expect(digits(el)).to.equal('1 second');
        expect(squash($(el, '[part="when"]')!.textContent)).to.equal(
          'National Shutdown: Friday, January 30, 2026, from midnight to midnight in your time zone.',
        );
        el.now = midnight;
        await el.updateComplete;
        expect(el.state).to.equal('live');
        el.now = `2026-01-31T00:00:00${offsets[zone]}`;
        await el.updateComplete;
        expect(el.state).to.equal('after');
      });
    });
  }

  describe('a visitor\'s own day in two zones at one instant', () => {
    after(() => pin(null));
    // 2026-01-29 at 14:00 UTC: already January 30 in Sydney (01:00), still January 29 in Los Angeles (06:00).
    const instant = '2026-01-29T14:00:00Z';
    it('is live in Sydney', async () => {
      await pin('Australia/Sydney');
      const el = await mountFeed({ campaign: 'national-shutdown', now: instant });
      expect(el.state).to.equal('live');
    });
    it('is 18 hours away in Los Angeles', async () => {
      await pin('America/Los_Angeles');
      const el = await mountFeed({ campaign: 'national-shutdown', now: instant, units: 'dh' });
      expect(el.state).to.equal('before');
      expect(digits(el)).to.equal('18 hours');
    });
  });

  it('counts across a daylight-saving change in real elapsed time', async () => {
    await pin('America/New_York');
    try {
      // Clocks jump from 2:00 EST to 3:00 EDT on March 8, 2026: from 1:30 EST to 3:30 EDT is one hour.
      const el = await mount({ target: '2026-03-08T03:30:00-04:00', now: '2026-03-08T01:30:00-05:00', units: 'dhm' });
      expect(digits(el)).to.equal('1 hour 0 minutes');
      expect(squash($(el, '[part="when"]')!.textContent)).to.contain('Sunday, March 8, 2026 at 3:30:00 AM EDT');
    } finally {
      await pin(null);
    }
  });

  it('picks the next campaign day when none is named, and an event by id', async () => {
    const next = await mountFeed({ now: '2026-02-01T12:00:00-05:00' });
    expect(textOf(next)).to.contain('Vigil starts in');
    const ev = await mountFeed({ event: 'rally', now: '2026-01-31T13:00:00-06:00' });
    expect(textOf(ev)).to.contain('Rally at Union Park is happening now');
  });

  it('says when an id is not in the feed', async () => {
    const el = await mountFeed({ campaign: 'nope' }).catch(() => undefined);
    const c = el ?? (document.querySelector('event-countdown') as EventCountdown);
    await waitUntil(() => $(c, '[part="problem"]'), 'no problem shown', { timeout: 5000 });
    expect(squash($(c, '[part="problem"]')!.textContent)).to.contain('"nope"');
  });

  it('reads the demo feed from src', async () => {
    const el = make('event-countdown', {
      src: '/demo/data/feed.json',
      campaign: 'lobby-day',
      now: '2026-02-16T12:00:00-05:00',
      units: 'dh',
    });
    place([el]);
    await waitUntil(() => el.state, 'feed not loaded', { timeout: 10000 });
    await el.updateComplete;
    expect(textOf(el)).to.contain('National Day of Lobbying starts in');
  });

  it('follows the page clock (setReferenceTime) and returns to the real clock', async () => {
    setReferenceTime('2026-01-29T18:00:00-05:00');
    const el = await mount({ target: START, units: 'dh' });
    expect(digits(el)).to.equal('6 hours');
    setReferenceTime('2026-01-29T23:00:00-05:00');
    await el.updateComplete;
    expect(digits(el)).to.equal('1 hour');
    setReferenceTime(null);
    await el.updateComplete;
    // Today is after January 30, 2026; without an end the countdown stays live.
    expect(el.state).to.equal(Date.now() >= Date.parse(START) ? 'live' : 'before');
  });

  it('leaves out leading zero units and uses narrow units in the compact layout', async () => {
    const el = await mount({ target: START, now: at(START, -(2 * 864e5 + 5 * 6e4 + 1500)) });
    expect(digits(el)).to.equal('2 days 0 hours 5 minutes 2 seconds');
    el.layout = 'compact';
    await el.updateComplete;
    expect(digits(el)).to.equal('2d 0h 5m 2s');
  });

  it('formats numbers and units in the page language', async () => {
    const el = await mount({ target: START, now: at(START, -2 * 36e5), units: 'dh' }, 'de');
    expect(digits(el)).to.equal('2 Stunden');
  });

  it('hides the ticking numbers from screen readers and keeps the timer quiet', async () => {
    const el = await mount({ target: START, now: at(START, -5000) });
    const timer = $(el, '[role="timer"]')!;
    // A timer's live region is off unless told otherwise.
    expect(timer.getAttribute('aria-live')).to.equal(null);
    expect(timer.closest('[aria-live]')).to.equal(null);
    expect($(el, '[part="digits"]')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('shows the embedder\'s slotted content for each state', async () => {
    const el = make('event-countdown', { target: START, end: END, now: at(START, 5000) });
    el.append(make('strong', { slot: 'live' }, 'We are out today'));
    place([el]);
    await el.updateComplete;
    const slot = $(el, 'slot') as HTMLSlotElement;
    expect(slot.name).to.equal('live');
    expect(squash(slot.assignedElements()[0].textContent)).to.equal('We are out today');
  });

  it('hides itself after the end with hide-after', async () => {
    const el = await mount({ target: START, end: END, now: at(END, 1000), 'hide-after': '' });
    expect(getComputedStyle(el).display).to.equal('none');
    el.now = at(END, -1000);
    await el.updateComplete;
    expect(getComputedStyle(el).display).not.to.equal('none');
  });

  describe('with controlled time', () => {
    let time: FakeTime;
    beforeEach(() => (time = fakeTime()));
    afterEach(() => time.restore());

    it('ticks every second, fires the state change when it goes live and when it ends', async () => {
      const el = await mount({ target: START, end: END, now: at(START, -3000) });
      const seen: string[] = [];
      el.addEventListener('turnout-state-change', (e) => seen.push(e.detail.state));
      expect(digits(el)).to.equal('3 seconds');
      time.advance(1000);
      await el.updateComplete;
      expect(digits(el)).to.equal('2 seconds');
      time.advance(2000);
      await el.updateComplete;
      await el.updateComplete;
      expect(el.state).to.equal('live');
      time.advance(864e5);
      await el.updateComplete;
      await el.updateComplete;
      expect(el.state).to.equal('after');
      expect(seen).to.deep.equal(['live', 'after']);
    });

    it('catches up when the tab becomes visible again', async () => {
      const el = await mount({ target: START, now: at(START, -5 * 36e5), units: 'dhm' });
      expect(digits(el)).to.equal('5 hours 0 minutes');
      time.jump(2 * 36e5); // a background tab: no timer ran
      await el.updateComplete;
      expect(digits(el)).to.equal('5 hours 0 minutes');
      // The runner may have this page in the background: say it is visible, as a returning visitor's tab is.
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
      } finally {
        delete (document as { hidden?: boolean }).hidden;
      }
      await el.updateComplete;
      expect(digits(el)).to.equal('3 hours 0 minutes');
    });

    it('pauses and resumes the seconds', async () => {
      const el = await mount({ target: START, now: at(START, -60000) });
      const pause = $(el, '[part="pause"]') as HTMLButtonElement;
      expect(squash(pause.textContent)).to.equal('Pause countdown');
      pause.click();
      await el.updateComplete;
      time.advance(5000);
      await el.updateComplete;
      expect(digits(el)).to.equal('1 minute 0 seconds');
      expect(squash(pause.textContent)).to.equal('Resume countdown');
      pause.click();
      await el.updateComplete;
      expect(digits(el)).to.equal('55 seconds');
    });

    it('runs one timer for many countdowns', async () => {
      const els = await Promise.all(Array.from({ length: 20 }, () => mount({ target: START, now: at(START, -100000) })));
      const before = time.started();
      time.advance(3000);
      await Promise.all(els.map((e) => e.updateComplete));
      expect(tickerInfo().subscribers).to.equal(20);
      expect(time.pending()).to.equal(1);
      // One timer per second for all twenty (a timer per element would be 60).
      expect(time.started() - before).to.be.at.most(4);
      for (const el of els) expect(digits(el)).to.equal('1 minute 37 seconds');
    });

    it('does no per-second work when seconds are not shown', async () => {
      const el = await mount({ target: START, now: at(START, -(10 * 6e4)), units: 'dhm' });
      const before = time.started();
      time.advance(6e4);
      await el.updateComplete;
      expect(time.started() - before).to.be.at.most(2);
      expect(digits(el)).to.equal('9 minutes');
      expect($(el, '[part="pause"]')).to.equal(null);
    });
  });

  it('drops the seconds (and the pause button) with reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await mount({ target: START, now: at(START, -90500) });
      expect(digits(el)).to.equal('2 minutes');
      expect($(el, '[part="pause"]')).to.equal(null);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  describe('accessibility (axe)', () => {
    for (const [state, now] of [
      ['before', at(START, -5000)],
      ['live', at(START, 5000)],
      ['after', at(END, 5000)],
    ]) {
      for (const layout of ['inline', 'compact', 'banner']) {
        it(`has no violations ${state}, ${layout}`, async () => {
          const el = await mount({ target: START, end: END, now, layout, 'time-zone': 'America/New_York' });
          expect(el.state).to.equal(state);
          await expect(el).to.be.accessible();
        });
      }
    }
    it('has no violations with an error', async () => {
      const el = await mount({ target: 'tomorrow' });
      await waitUntil(() => $(el, '[part="problem"]'), 'no message', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });
  });
});
