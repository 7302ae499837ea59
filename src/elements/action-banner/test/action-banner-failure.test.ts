/**
 * What a person sees when the banner has no date to go by: the embedder's own message in the bar when there is
 * one, else a slim notice in the bar's place that says why, with Retry when the feed failed. Never a blank space
 * where the bar should be, never an overlay without a date. Plus the feed options it reads in its feed path.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../action-banner.define.js';
import type { ActionBanner } from '../action-banner.js';
import { hits } from '../../../../test/helpers.js';
import {
  $,
  APPEARANCES,
  axeViolations,
  campaignFeedUrl,
  deepActive,
  dropFirstFetch,
  EVE,
  failedIn,
  make,
  place,
  resetPage,
  squash,
} from '../../event-countdown/test/helpers.js';

const feedUrl = (params = '') => campaignFeedUrl(params, { url: 'https://coalition.example/day' });

/** The banner first on a page, with a button before it (for keyboard checks). */
function mount(attrs: Record<string, string>, lang = 'en-US'): ActionBanner {
  const el = make('action-banner', { now: EVE, campaign: 'day', ...attrs });
  place([make('button', {}, 'Before'), el, make('main', {}, 'Content')], lang);
  return el;
}

describe('<action-banner> without a date', function () {
  this.timeout(20000);
  afterEach(resetPage);

  it('a failed feed shows a slim notice that says why, with Retry', async () => {
    const el = mount({ src: feedUrl('&status=500') });
    await waitUntil(() => $(el, '[part="retry"]'), 'no Retry', { timeout: 5000 });
    const notice = $(el, '[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(squash(notice.querySelector('[part="reason"]')!.textContent)).to.equal(
      "The feed's server answered with an error (500). Try again later.",
    );
    expect(squash(notice.querySelector('[part="retry"]')!.textContent)).to.equal('Retry');
    // In the bar's place, not the bar: no announcement region, no link, no dismiss button, no overlay.
    expect($(el, '[part="bar"]')).to.equal(null);
    expect($(el, 'dialog')).to.equal(null);
    const box = el.getBoundingClientRect();
    expect(box.height, 'visible').to.be.greaterThan(20);
    expect(box.height, 'slim').to.be.lessThan(60);
  });

  it('Retry keeps keyboard focus while it loads again, and after a new failure', async () => {
    const src = feedUrl('&status=503');
    const el = mount({ src });
    await waitUntil(() => $(el, '[part="retry"]'), 'no Retry', { timeout: 5000 });
    const retry = $(el, '[part="retry"]') as HTMLButtonElement;
    // Reached with the keyboard from the control before the banner.
    (el.previousElementSibling as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(retry);
    // (The key press takes a round trip through the test runner: the retry may be over when it returns.)
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await hits(src)) === 2, 'no second request', { timeout: 5000 });
    await waitUntil(() => retry.getAttribute('aria-disabled') === 'false', 'the retry never ended', { timeout: 5000 });
    expect(deepActive()).to.equal(retry);
    expect(squash($(el, '[part="notice"]')!.textContent)).to.contain('(503)');
  });

  it('Retry shows the bar once the feed answers', async () => {
    const restore = dropFirstFetch();
    try {
      const el = mount({ src: feedUrl() });
      await waitUntil(() => $(el, '[part="retry"]'), 'no Retry', { timeout: 5000 });
      $(el, '[part="retry"]')!.click();
      await waitUntil(() => $(el, '[part="bar"]'), 'no bar after Retry', { timeout: 5000 });
      expect(squash($(el, '[part="message"]')!.textContent)).to.equal('Day of Action: Friday, January 30, 2026.');
      expect($(el, '[part="notice"]')).to.equal(null);
    } finally {
      restore();
    }
  });

  it("with the embedder's own message and link, a failed feed shows the bar with them, silently", async () => {
    const el = mount({
      src: feedUrl('&status=404'),
      message: 'Strike with us on January 30.',
      href: 'https://union.example/strike',
      countdown: '',
      mode: 'takeover',
    });
    await waitUntil(() => $(el, '[part="bar"]'), 'no bar', { timeout: 5000 });
    await el.updateComplete;
    expect(squash($(el, '[part="message"]')!.textContent)).to.equal('Strike with us on January 30.');
    expect(($(el, 'a[part="cta"]') as HTMLAnchorElement).href).to.equal('https://union.example/strike');
    // No date: no countdown, no overlay, no notice.
    expect($(el, 'event-countdown')).to.equal(null);
    expect($(el, 'dialog')).to.equal(null);
    expect($(el, '[part="notice"]')).to.equal(null);
  });

  it('an unusable target says so (no Retry: nothing to load)', async () => {
    const el = mount({ target: 'next friday' });
    await waitUntil(() => $(el, '[part="notice"]'), 'no notice', { timeout: 5000 });
    expect(squash($(el, '[part="notice"]')!.textContent)).to.contain('"next friday" is not a date and time with an offset');
    expect($(el, '[part="retry"]')).to.equal(null);
  });

  it('the overlay is never shown from a failed feed, even on a preview of the day', async () => {
    const el = mount({ src: feedUrl('&status=500'), mode: 'takeover', preview: 'live' });
    await waitUntil(() => $(el, '[part="notice"] [part="retry"]'), 'no notice', { timeout: 5000 });
    expect($(el, 'dialog')).to.equal(null);
  });

  it('timeout and max-bytes are honoured', async () => {
    const slow = mount({ src: `/__hardening/hold?key=banner-${Math.random()}`, timeout: '300' });
    const big = mount({ src: `/__feed/respond?t=${Math.random()}&bytes=5000`, 'max-bytes': '1000' });
    await waitUntil(() => $(slow, '[part="reason"]') && $(big, '[part="reason"]'), 'no messages', { timeout: 4000 });
    expect(squash($(slow, '[part="reason"]')!.textContent)).to.contain('took too long');
    expect(squash($(big, '[part="reason"]')!.textContent)).to.contain('larger than this widget accepts');
  });

  for (const [name, scheme, lang] of APPEARANCES) {
    it(`the notice has no axe violation: ${name}`, async () => {
      const el = await failedIn(mount, feedUrl('&status=404'), scheme, lang);
      const notice = $(el, '[part="notice"]')!;
      if (lang === 'ar') {
        expect(squash(notice.textContent)).not.to.contain('Retry');
        expect(getComputedStyle(notice).direction).to.equal('rtl');
      }
      // Dark text on a light surface, or the reverse, as the visitor's appearance asks.
      const bg = getComputedStyle(notice).backgroundColor;
      expect(bg).to.equal(scheme === 'dark' ? 'rgb(23, 25, 30)' : 'rgb(255, 255, 255)');
      expect(await axeViolations(el.parentElement!)).to.deep.equal([]);
    });
  }
});
