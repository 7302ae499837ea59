/**
 * The countdown's feed options (`timeout`, `refresh`, `max-bytes`, read in its lazily loaded feed path) and what a
 * person sees when its feed fails: the reason, in an alert, with a Retry button that keeps keyboard focus.
 */
import { expect, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import '../event-countdown.define.js';
import type { EventCountdown } from '../event-countdown.js';
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
} from './helpers.js';

const feedUrl = campaignFeedUrl;

function mount(attrs: Record<string, string>, lang = 'en-US'): EventCountdown {
  const el = make('event-countdown', { now: EVE, ...attrs });
  place([el], lang);
  return el;
}

describe('<event-countdown> feed failures and options', function () {
  this.timeout(20000);
  afterEach(resetPage);

  it('a feed that fails says why, in an alert, with a Retry button that keeps focus', async () => {
    const src = feedUrl('&status=503');
    const el = mount({ src });
    await waitUntil(() => $(el, '[part="retry"]'), 'no Retry', { timeout: 5000 });
    const problem = $(el, '[part="problem"]')!;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(squash(problem.textContent)).to.contain("The feed's server answered with an error (503). Try again later.");
    expect($(el, '[part="countdown"]')).to.equal(null);
    const retry = $(el, '[part="retry"]') as HTMLButtonElement;
    expect(squash(retry.textContent)).to.equal('Retry');
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
    retry.focus();
    retry.click();
    await el.updateComplete;
    // While it loads again the button stays, disabled for assistive technology, and keeps focus.
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(deepActive()).to.equal(retry);
    await waitUntil(async () => (await hits(src)) === 2, 'no second request', { timeout: 5000 });
    await waitUntil(() => retry.getAttribute('aria-disabled') === 'false', 'the retry never ended', { timeout: 5000 });
    expect(retry.isConnected, 'the same button').to.equal(true);
    expect(deepActive()).to.equal(retry);
    expect(squash(problem.textContent)).to.contain('(503)');
  });

  it('Retry shows the countdown once the feed answers', async () => {
    // The first request fails as a dropped connection does; the next ones reach the server.
    const restore = dropFirstFetch();
    try {
      const el = mount({ src: feedUrl() });
      await waitUntil(() => $(el, '[part="retry"]'), 'no Retry', { timeout: 5000 });
      expect(squash($(el, '[part="problem"]')!.textContent)).to.contain('could not be reached');
      $(el, '[part="retry"]')!.click();
      await waitUntil(() => $(el, '[part="countdown"]'), 'no countdown after Retry', { timeout: 5000 });
      expect(squash($(el, '[part="label"]')!.textContent)).to.equal('Day of Action starts in');
      expect($(el, '[part="problem"]')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('timeout (ms) gives up on a feed that never answers', async () => {
    const el = mount({ src: `/__hardening/hold?key=countdown-${Math.random()}`, timeout: '300' });
    // The default is 10 s: only the attribute makes the message come within the wait.
    await waitUntil(() => $(el, '[part="reason"]'), 'no timeout message', { timeout: 4000 });
    expect(squash($(el, '[part="reason"]')!.textContent)).to.equal('The events took too long to arrive. Try again later.');
  });

  it('max-bytes refuses a larger feed', async () => {
    const el = mount({ src: `/__feed/respond?t=${Math.random()}&bytes=5000`, 'max-bytes': '1000' });
    await waitUntil(() => $(el, '[part="reason"]'), 'no message', { timeout: 5000 });
    expect(squash($(el, '[part="reason"]')!.textContent)).to.contain('larger than this widget accepts');
  });

  it('format forces a format instead of detecting it', async () => {
    const el = mount({ src: feedUrl(), format: 'mobilize' });
    await waitUntil(() => $(el, '[part="problem"]'), 'no message', { timeout: 5000 });
    expect($(el, '[part="countdown"]')).to.equal(null);
    el.removeAttribute('format');
    await waitUntil(() => $(el, '[part="countdown"]'), 'no countdown once detected', { timeout: 5000 });
  });

  it('the options work as properties set by script, too', async () => {
    const el = make('event-countdown', { now: EVE, src: `/__hardening/hold?key=countdown-prop-${Math.random()}` }) as EventCountdown;
    el.timeout = 300;
    place([el]);
    await waitUntil(() => $(el, '[part="reason"]'), 'no timeout message', { timeout: 4000 });
    expect(el.timeout).to.equal(300);
    expect(squash($(el, '[part="reason"]')!.textContent)).to.contain('took too long');
  });

  it('refresh set after the first load starts reloading; a failed reload keeps the date', async () => {
    const src = feedUrl('&fail-after=1');
    const el = mount({ src });
    await waitUntil(() => $(el, '[part="countdown"]'), 'no countdown', { timeout: 5000 });
    const when = squash($(el, '[part="when"]')!.textContent);
    expect(when).to.contain('January 30, 2026');
    let failed = 0;
    el.addEventListener('turnout-feed-error', () => failed++);
    el.setAttribute('refresh', '1');
    expect(el.refresh).to.equal(1);
    await waitUntil(() => failed > 0, 'no reload', { timeout: 5000 });
    await el.updateComplete;
    expect(await hits(src)).to.be.at.least(2);
    expect(squash($(el, '[part="when"]')!.textContent)).to.equal(when);
    expect($(el, '[part="problem"]')).to.equal(null);
  });

  for (const [name, scheme, lang] of APPEARANCES) {
    it(`the failure has no axe violation: ${name}`, async () => {
      const el = await failedIn(mount, feedUrl('&status=404'), scheme, lang);
      if (lang === 'ar') {
        // Translated, and mirrored.
        expect(squash($(el, '[part="retry"]')!.textContent)).not.to.equal('Retry');
        expect(getComputedStyle(el).direction).to.equal('rtl');
      }
      expect(await axeViolations(el.parentElement!)).to.deep.equal([]);
    });
  }
});
