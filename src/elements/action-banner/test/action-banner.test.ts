import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../action-banner.define.js';
import { parseDuration, type ActionBanner } from '../action-banner.js';
import type { FeedData } from '../../../feed/types.js';
import { deepActive, make, pin, place, squash, textOf, unplace } from '../../event-countdown/test/helpers.js';

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
const START = '2026-01-30T00:00:00-05:00';
const END = '2026-01-31T00:00:00-05:00';
const KEY = 'turnout-banner:national-shutdown:takeover';
const BAR_KEY = 'turnout-banner:national-shutdown:bar';

function feed(): FeedData {
  return {
    format: 'turnout',
    events: [],
    partners: [],
    skipped: [],
    loadedAt: Date.now(),
    campaign: {
      days: [
        {
          id: 'national-shutdown',
          name: 'National Shutdown',
          start: Date.parse(START),
          end: Date.parse(END),
          timeZone: 'America/New_York',
          localDate: '2026-01-30',
          url: 'https://coalition.example/shutdown',
        },
      ],
    },
  };
}

/** A page: a focusable button, the banner (first), a nav and some content. */
async function page(attrs: Record<string, string>, withFeed = true) {
  const el = make('action-banner', attrs);
  if (withFeed) el.feed = feed();
  const nav = make('nav');
  nav.append(make('a', { href: '#x' }, 'Home'));
  const root = place([make('button', { id: 'before' }, 'Before'), el, nav, make('main', { style: 'height: 200px' }, 'Content')]);
  await waitUntil(() => el.state, 'no state', { timeout: 5000 });
  await el.updateComplete;
  return { root, el, nav: root.querySelector('nav')!, button: root.querySelector<HTMLButtonElement>('#before')! };
}

function ourKeys(storage: Storage): string[] {
  return Object.keys(storage).filter((k) => k.startsWith('turnout-banner:'));
}

describe('<action-banner>', () => {
  afterEach(unplace);
  beforeEach(() => {
    for (const k of ourKeys(sessionStorage)) sessionStorage.removeItem(k);
    for (const k of ourKeys(localStorage)) localStorage.removeItem(k);
  });

  describe('states from the clock', () => {
    for (const [zone, offset] of [
      ['America/Los_Angeles', '-08:00'],
      ['America/New_York', '-05:00'],
      ['Europe/London', 'Z'],
      ['Australia/Sydney', '+11:00'],
    ]) {
      describe(`in ${zone}`, () => {
        before(() => pin(zone));
        after(() => pin(null));
        const midnight = (day: string, delta = 0) =>
          new Date(Date.parse(`2026-01-${day}T00:00:00${offset}`) + delta).toISOString();
        for (const [when, now, state] of [
          ['1 s before the visitor\'s midnight', midnight('30', -1000), 'before'],
          ['at the visitor\'s midnight', midnight('30'), 'live'],
          ['1 s before the day ends', midnight('31', -1000), 'live'],
          ['when the day ends', midnight('31'), 'after'],
          ['1 s after the day', midnight('31', 1000), 'after'],
        ]) {
          it(`is ${state} ${when}`, async () => {
            const { el } = await page({ campaign: 'national-shutdown', now });
            expect(el.state).to.equal(state);
            if (state === 'after') expect(getComputedStyle(el).display).to.equal('none');
            else expect(squash($(el, '[part="message"]')!.textContent)).to.equal(
              state === 'before' ? 'National Shutdown: Friday, January 30, 2026.' : 'Today: National Shutdown.',
            );
          });
        }
      });
    }
  });

  it('takes its own space in the page: the navigation moves down, nothing is covered', async () => {
    const { el, nav } = await page({ campaign: 'national-shutdown', preview: 'before' });
    const bar = el.getBoundingClientRect();
    expect(bar.height).to.be.greaterThan(20);
    const link = nav.querySelector('a')!.getBoundingClientRect();
    expect(link.top).to.be.at.least(bar.bottom);
    const hit = document.elementFromPoint(link.left + 2, link.top + link.height / 2);
    expect(hit).to.equal(nav.querySelector('a'));
    expect(getComputedStyle(el).position).to.equal('static');
  });

  it('does the same at the bottom', async () => {
    const { el } = await page({ campaign: 'national-shutdown', preview: 'live', position: 'bottom' });
    expect(getComputedStyle(el).position).to.equal('static');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(20);
  });

  it('after the day it takes no space and never blocks clicks', async () => {
    const { el, nav } = await page({ campaign: 'national-shutdown', preview: 'after' });
    expect(el.getBoundingClientRect().height).to.equal(0);
    const link = nav.querySelector('a')!.getBoundingClientRect();
    expect(document.elementFromPoint(link.left + 2, link.top + link.height / 2)).to.equal(nav.querySelector('a'));
    expect(el.shadowRoot!.children.length).to.equal(0);
  });

  it('links its call to action with the source attribution, safely', async () => {
    const { el } = await page({ campaign: 'national-shutdown', preview: 'before', source: 'ssa' });
    const a = $(el, 'a[part="cta"]') as HTMLAnchorElement;
    expect(a.href).to.equal('https://coalition.example/shutdown?source=ssa');
    expect(a.rel).to.equal('noopener noreferrer');
    expect(a.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(squash(a.textContent)).to.equal('Learn more');
    el.setAttribute('href', 'javascript:alert(1)');
    el.setAttribute('cta-label', 'Why we strike');
    await el.updateComplete;
    // The unsafe link is refused; the campaign day's link stands in.
    const b = $(el, 'a[part="cta"]') as HTMLAnchorElement;
    expect(b.href).to.equal('https://coalition.example/shutdown?source=ssa');
    expect(squash(b.textContent)).to.equal('Why we strike');
  });

  it('takes its dates and message from attributes, without a feed', async () => {
    const { el } = await page(
      { target: START, end: END, now: '2026-01-30T12:00:00-05:00', message: 'We are on strike today', href: 'https://union.example/' },
      false,
    );
    expect(el.state).to.equal('live');
    expect(squash($(el, '[part="message"]')!.textContent)).to.equal('We are on strike today');
    expect(($(el, 'a') as HTMLAnchorElement).href).to.equal('https://union.example/');
  });

  it('shows a countdown in the bar before the day', async () => {
    const { el } = await page({ campaign: 'national-shutdown', now: '2026-01-29T18:00:00-05:00', countdown: '' }, true);
    await pin('America/New_York');
    try {
      el.requestUpdate();
      await el.updateComplete;
      const c = $(el, 'event-countdown')!;
      await waitUntil(() => customElements.get('event-countdown') && c.shadowRoot?.textContent, 'no countdown');
      await (c as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(squash(c.shadowRoot!.querySelector('[part="digits"]')!.textContent)).to.match(/^\d+h \d+m$/);
    } finally {
      await pin(null);
    }
  });

  describe('dismissal and storage', () => {
    it('stores nothing until dismissed, and the bar\'s dismissal lasts only for the page view', async () => {
      const { el, root } = await page({ campaign: 'national-shutdown', preview: 'before' });
      expect(ourKeys(sessionStorage)).to.deep.equal([]);
      expect(ourKeys(localStorage)).to.deep.equal([]);
      ($(el, '[part="dismiss"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(getComputedStyle(el).display).to.equal('none');
      expect(ourKeys(sessionStorage)).to.deep.equal([]);
      expect(ourKeys(localStorage)).to.deep.equal([]);
      root.remove();
      const again = await page({ campaign: 'national-shutdown', preview: 'before' });
      expect(getComputedStyle(again.el).display).not.to.equal('none');
    });

    it('remembers a bar dismissal in localStorage for remember-dismiss', async () => {
      const { el, root } = await page({ campaign: 'national-shutdown', preview: 'before', 'remember-dismiss': 'P7D' });
      ($(el, '[part="dismiss"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(ourKeys(localStorage)).to.deep.equal([BAR_KEY]);
      const until = Number(localStorage.getItem(BAR_KEY));
      expect(until - Date.now()).to.be.within(7 * 864e5 - 60e3, 7 * 864e5);
      expect(ourKeys(sessionStorage)).to.deep.equal([]);
      root.remove();
      const again = await page({ campaign: 'national-shutdown', preview: 'before' });
      expect(getComputedStyle(again.el).display).to.equal('none');
      // Expired: shown again, and the stale entry is removed.
      localStorage.setItem(BAR_KEY, String(Date.now() - 1));
      again.root.remove();
      const third = await page({ campaign: 'national-shutdown', preview: 'before' });
      expect(getComputedStyle(third.el).display).not.to.equal('none');
      expect(ourKeys(localStorage)).to.deep.equal([]);
    });

    it('remembers the takeover\'s dismissal for the session, and not with no-remember', async () => {
      const first = await page({ campaign: 'national-shutdown', preview: 'live', mode: 'takeover' });
      ($(first.el, '[part="continue"]') as HTMLButtonElement).click();
      await first.el.updateComplete;
      expect(ourKeys(sessionStorage)).to.deep.equal([KEY]);
      expect(ourKeys(localStorage)).to.deep.equal([]);
      first.root.remove();
      const second = await page({ campaign: 'national-shutdown', preview: 'live', mode: 'takeover' });
      expect($(second.el, 'dialog')).to.equal(null);
      second.root.remove();
      sessionStorage.removeItem(KEY);
      const third = await page({ campaign: 'national-shutdown', preview: 'live', mode: 'takeover', 'no-remember': '' });
      ($(third.el, '[part="continue"]') as HTMLButtonElement).click();
      await third.el.updateComplete;
      expect(ourKeys(sessionStorage)).to.deep.equal([]);
      expect(ourKeys(localStorage)).to.deep.equal([]);
    });
  });

  describe('the takeover overlay', () => {
    it('is a modal dialog that keeps focus inside, closes on Escape and gives focus back', async () => {
      const button = make('button', {}, 'Before');
      const root = place([button]);
      button.focus();
      const el = make('action-banner', { campaign: 'national-shutdown', mode: 'takeover', preview: 'live' });
      el.feed = feed();
      root.append(el);
      await waitUntil(() => $(el, 'dialog')?.hasAttribute('open'), 'no dialog');
      const dialog = $(el, 'dialog') as HTMLDialogElement;
      expect(dialog.matches(':modal')).to.equal(true);
      expect(squash(dialog.querySelector('h2')!.textContent)).to.equal('Today we are on strike');
      for (let i = 0; i < 5; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        expect(active && dialog.contains(active), `Tab ${i + 1} left the dialog: ${active?.outerHTML}`).to.equal(true);
      }
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, 'dialog')).to.equal(null);
      expect(document.activeElement).to.equal(button);
      expect(ourKeys(sessionStorage)).to.deep.equal([KEY]);
    });

    it('"Continue to site" closes it and gives focus back', async () => {
      const { el, button } = await page({ campaign: 'national-shutdown', preview: 'live', mode: 'takeover' });
      expect(textOf(el)).to.contain('Learn why');
      button.focus();
      // Opened before the button was focused in this test: re-open to record the focus.
      (el as ActionBanner).requestUpdate();
      ($(el, '[part="continue"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect($(el, 'dialog')).to.equal(null);
      expect(getComputedStyle(el).display).to.equal('none');
    });

    it('shows the bar before the day', async () => {
      const { el } = await page({ campaign: 'national-shutdown', preview: 'before', mode: 'takeover' });
      expect($(el, 'dialog')).to.equal(null);
      expect($(el, '[part="bar"]')).to.not.equal(null);
    });
  });

  describe('accessibility (axe)', () => {
    for (const [name, attrs] of [
      ['the bar before', { preview: 'before', countdown: '' }],
      ['the bar on the day', { preview: 'live' }],
      ['the bar at the bottom', { preview: 'live', position: 'bottom' }],
      ['the takeover', { preview: 'live', mode: 'takeover' }],
      ['after', { preview: 'after' }],
    ] as [string, Record<string, string>][]) {
      it(`has no violations: ${name}`, async () => {
        const { el } = await page({ campaign: 'national-shutdown', ...attrs });
        await expect(el).to.be.accessible();
      });
    }
  });

  it('reads durations', () => {
    expect(parseDuration('P7D')).to.equal(7 * 864e5);
    expect(parseDuration('P1W')).to.equal(7 * 864e5);
    expect(parseDuration('PT12H')).to.equal(12 * 36e5);
    expect(parseDuration('PT30M')).to.equal(30 * 6e4);
    expect(parseDuration('3')).to.equal(3 * 864e5);
    expect(parseDuration('P')).to.equal(0);
    expect(parseDuration('PT')).to.equal(0);
    expect(parseDuration('soon')).to.equal(0);
    expect(parseDuration('')).to.equal(0);
  });
});

describe('the demo page\'s pair (banner and countdown from the demo feed)', () => {
  before(() => pin('America/New_York'));
  after(async () => {
    unplace();
    await pin(null);
    const { setReferenceTime } = await import('../../../shared/clock.js');
    setReferenceTime(null);
  });

  it('on the eve shows the bar and about six hours to go, and both follow the real clock', async () => {
    const { setReferenceTime } = await import('../../../shared/clock.js');
    await import('../../event-countdown/event-countdown.define.js');
    setReferenceTime('2026-01-29T18:00:00-05:00');
    const banner = make('action-banner', { src: '/demo/data/feed.json', campaign: 'national-shutdown', 'no-remember': '' });
    const countdown = make('event-countdown', { src: '/demo/data/feed.json', campaign: 'national-shutdown', units: 'dhm' });
    place([banner, countdown]);
    await waitUntil(() => banner.state && countdown.state, 'feed not loaded', { timeout: 10000 });
    await countdown.updateComplete;
    expect(banner.state).to.equal('before');
    expect(getComputedStyle(banner).display).to.equal('block');
    expect(squash(countdown.shadowRoot!.querySelector('[part="digits"]')!.textContent)).to.equal('6 hours 0 minutes');
    setReferenceTime(null); // "Use the real clock": the days are over
    await banner.updateComplete;
    await countdown.updateComplete;
    expect(banner.state).to.equal('after');
    expect(getComputedStyle(banner).display).to.equal('none');
    expect(countdown.state).to.equal('after');
  });
});
