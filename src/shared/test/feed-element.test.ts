import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { setReferenceTime } from '../clock.js';
import { TurnoutFeedErrorEvent, TurnoutFeedLoadEvent } from '../feed-element.js';
import { seen, type TestFeedElement } from './feed-test-element.js';
import { nativeFeed, respond } from '../../feed/test/feed-fixtures.js';
import { clearFeedCache } from '../../feed/load.js';
import type { FeedData, TurnoutEvent } from '../../feed/types.js';

const event = (id: string, title: string): TurnoutEvent => ({
  id,
  title,
  description: '',
  start: Date.UTC(2026, 0, 31, 18),
  timeZone: 'America/Chicago',
  location: { precision: 'none' },
  online: false,
  tags: [],
  status: 'scheduled',
});

const sample = (): FeedData => ({
  format: 'turnout',
  events: [event('a', 'Rally at Union Park'), event('b', 'Vigil at City Hall')],
  partners: [],
  skipped: [
    { kind: 'event', index: 2, label: 'March downtown', reason: 'the start date is missing' },
    { kind: 'event', index: 5, reason: 'the title is empty' },
  ],
  loadedAt: Date.UTC(2026, 0, 29, 20, 5),
});

describe('TurnoutFeedElement', () => {
  beforeEach(() => clearFeedCache());

  it('renders a feed set by script, the skipped count and the reasons for the editor', async () => {
    const el = await fixture<TestFeedElement>(html`<test-feed-element .feed=${sample()}></test-feed-element>`);
    expect(el.state.status).to.equal('ready');
    expect(seen(el)).to.contain('Rally at Union Park');
    expect(seen(el)).to.contain('2 entries could not be shown');
    const details = el.shadowRoot!.querySelector('details')!;
    expect(details.textContent).to.contain('Entry 3 (March downtown): the start date is missing');
    expect(details.textContent).to.contain('Entry 6: the title is empty');
    const one = sample();
    one.skipped = one.skipped.slice(0, 1);
    el.feed = one;
    await el.updateComplete;
    expect(seen(el)).to.contain('1 entry could not be shown');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says what a 404 means, offers Retry, and fires turnout-feed-error', async () => {
    const src = respond({ status: 404, body: 'nope' });
    const el = document.createElement('test-feed-element') as TestFeedElement;
    const fired = oneEvent(el, 'turnout-feed-error');
    el.src = src;
    document.body.append(el);
    try {
      const e = (await fired) as TurnoutFeedErrorEvent;
      expect(e).to.be.instanceOf(TurnoutFeedErrorEvent);
      expect(e.bubbles && e.composed).to.equal(true);
      expect(e.detail.code).to.equal('not-found');
      await el.updateComplete;
      expect(el.state.status).to.equal('error');
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(status.textContent).to.contain("This feed could not be found (404). Check the address in the widget's src.");
      const retry = el.shadowRoot!.querySelector('button')!;
      expect(retry.textContent!.trim()).to.equal('Retry');
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('shows "Loading events…" while the feed is on its way', async () => {
    const el = await fixture<TestFeedElement>(
      html`<test-feed-element src=${respond({ delay: 3000, body: '{}' })}></test-feed-element>`,
    );
    expect(el.state.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading events…');
    el.remove();
  });

  it('says when the feed took too long, and when the src is not a web address', async () => {
    const slow = await fixture<TestFeedElement>(
      html`<test-feed-element timeout="200" src=${respond({ delay: 2000, body: '{}' })}></test-feed-element>`,
    );
    await waitUntil(() => slow.state.status === 'error', 'no timeout error');
    await slow.updateComplete;
    expect(seen(slow)).to.contain('The events took too long to arrive. Try again later.');
    const bad = await fixture<TestFeedElement>(html`<test-feed-element src="javascript:alert(1)"></test-feed-element>`);
    await waitUntil(() => bad.state.status === 'error', 'no bad-url error');
    await bad.updateComplete;
    expect(bad.state.error?.code).to.equal('bad-url');
    expect(seen(bad)).to.contain("The widget's src is not a web address");
  });

  it('names skipped records of later Mobilize pages by page, and says when pages were left unread', async () => {
    const data: FeedData = {
      ...sample(),
      format: 'mobilize',
      pages: 20,
      truncated: true,
      skipped: [{ kind: 'event', index: 4, page: 3, label: '1234', reason: 'the event has no timeslots' }],
    };
    const el = await fixture<TestFeedElement>(html`<test-feed-element .feed=${data}></test-feed-element>`);
    expect(seen(el)).to.contain('Only the first 20 pages of this feed were read; some events may be missing.');
    expect(seen(el)).to.contain('1 entry could not be shown');
    expect(el.shadowRoot!.querySelector('details li')!.textContent).to.equal(
      'Page 3, Entry 5 (1234): the event has no timeslots',
    );
  });

  it('tells an offline visitor so, and loads by itself when the connection is back', async () => {
    const realFetch = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    let el: TestFeedElement;
    try {
      el = await fixture<TestFeedElement>(html`<test-feed-element src=${respond({ body: nativeFeed() })}></test-feed-element>`);
      await waitUntil(() => el.state.status === 'error');
      await el.updateComplete;
      expect(el.state.error?.code).to.equal('network');
      expect(el.state.error?.message).to.contain('offline');
      expect(seen(el)).to.contain('You seem to be offline. Connect to the internet and try again.');
    } finally {
      window.fetch = realFetch;
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.state.status === 'ready', 'no reload when back online');
    await el.updateComplete;
    expect(seen(el)).to.contain('Rally at Union Park');
    expect(seen(el)).not.to.contain('offline');
  });

  it('lists at most 100 reasons, and counts the rest', async () => {
    const data: FeedData = {
      ...sample(),
      skipped: Array.from({ length: 1234 }, (_, i) => ({ kind: 'event' as const, index: i, reason: 'no title' })),
    };
    const el = await fixture<TestFeedElement>(html`<test-feed-element .feed=${data}></test-feed-element>`);
    expect(seen(el)).to.contain('1,234 entries could not be shown');
    expect(el.shadowRoot!.querySelectorAll('details li').length).to.equal(100);
    expect(el.shadowRoot!.querySelector('details')!.textContent).to.contain('…and 1,134 more.');
  });

  it('fires turnout-feed-load with plain counts', async () => {
    const el = document.createElement('test-feed-element') as TestFeedElement;
    const fired = oneEvent(el, 'turnout-feed-load');
    el.feed = sample();
    document.body.append(el);
    const e = (await fired) as TurnoutFeedLoadEvent;
    expect(e).to.be.instanceOf(TurnoutFeedLoadEvent);
    expect(e.detail).to.deep.equal({ url: null, events: 2, skipped: 2 });
    el.remove();
  });

  it('takes its own now, warns about a bad one, and re-renders when the page clock changes', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await fixture<TestFeedElement>(
        html`<test-feed-element now="2026-01-29T18:00:00-05:00" .feed=${sample()}></test-feed-element>`,
      );
      expect(el.clockNow - Date.UTC(2026, 0, 29, 23)).to.be.within(0, 1000);
      el.now = 'tomorrow';
      await el.updateComplete;
      expect(warnings.length).to.equal(1);
      el.now = undefined;
      await el.updateComplete;
      const before = el.renders;
      setReferenceTime('2026-01-30T12:00:00-05:00');
      await el.updateComplete;
      expect(el.renders).to.equal(before + 1);
      expect(el.clockNow - Date.UTC(2026, 0, 30, 17)).to.be.within(0, 1000);
      el.remove();
      setReferenceTime(null);
      await el.updateComplete;
      expect(el.renders).to.equal(before + 1);
    } finally {
      console.warn = warn;
      setReferenceTime(null);
    }
  });
});
