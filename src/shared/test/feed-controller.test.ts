import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '../../feed/load.js';
import { hits, nativeFeed, noUnhandledRejections, respond } from '../../feed/test/feed-fixtures.js';
import { seen, type TestFeedElement } from './feed-test-element.js';

const cancelled = async (path: string) =>
  ((await (await fetch(`/__feed/cancelled?path=${encodeURIComponent(path)}`)).json()) as { count: number }).count;

const ready = (el: TestFeedElement) => waitUntil(() => el.state.status === 'ready', `${el.src} never loaded`);

describe('FeedController', () => {
  beforeEach(() => clearFeedCache());

  it('three elements on one URL make one request', async () => {
    const src = respond({ body: nativeFeed(), delay: 100 });
    const box = fixtureSync<HTMLElement>(html`<div>
      <test-feed-element src=${src}></test-feed-element>
      <test-feed-element src=${src}></test-feed-element>
      <test-feed-element src=${src}></test-feed-element>
    </div>`);
    const els = [...box.querySelectorAll('test-feed-element')];
    for (const el of els) await ready(el);
    for (const el of els) expect(seen(el)).to.contain('Vigil at City Hall');
    expect(await hits(src)).to.equal(1);
    // A fourth element that arrives later reuses the page's copy.
    const late = document.createElement('test-feed-element');
    late.src = src;
    box.append(late);
    await ready(late);
    expect(await hits(src)).to.equal(1);
  });

  it('a second copy of the feed layer (another bundle) shares the same request', async () => {
    // The same modules under another URL are separate module instances, as in two bundles on one page.
    const specifier = new URL('../../feed/load.js?bundle=2', import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('../../feed/load.js');
    const mine = await import('../../feed/load.js');
    expect(copy.loadFeed).not.to.equal(mine.loadFeed);
    const src = respond({ body: nativeFeed(), delay: 100 });
    const [a, b] = await Promise.all([mine.loadFeed(src), copy.loadFeed(src)]);
    expect(a.events.length).to.equal(2);
    expect(b).to.deep.equal(a);
    expect(await hits(src)).to.equal(1);
  });

  it('a feed given as raw data is parsed like a loaded one, and time-zone applies', async () => {
    const csv = 'Title,Date,Time\nVigil at City Hall,1/31/2026,7:00 PM\n';
    const el = await fixture<TestFeedElement>(
      html`<test-feed-element time-zone="America/Chicago" .data=${csv}></test-feed-element>`,
    );
    await ready(el);
    const [event] = el.state.data!.events;
    expect(event.title).to.equal('Vigil at City Hall');
    expect(event.start).to.equal(Date.UTC(2026, 1, 1, 1)); // 7 pm CST is 01:00 UTC the next day
    expect(seen(el)).to.contain('Vigil at City Hall');
  });

  it('two time zones on one CSV URL: one request, each element reads the times in its own zone', async () => {
    const src = respond({ type: 'text/csv', body: 'Title,Date,Time\nVigil at City Hall,1/31/2026,7:00 PM\n', delay: 100 });
    const box = fixtureSync<HTMLElement>(html`<div>
      <test-feed-element time-zone="America/Chicago" src=${src}></test-feed-element>
      <test-feed-element time-zone="Europe/London" format="csv" src=${src}></test-feed-element>
    </div>`);
    const [chicago, london] = box.querySelectorAll('test-feed-element');
    await ready(chicago);
    await ready(london);
    expect(chicago.state.data!.events[0].start).to.equal(Date.UTC(2026, 1, 1, 1));
    expect(london.state.data!.events[0].start).to.equal(Date.UTC(2026, 0, 31, 19));
    expect(await hits(src)).to.equal(1);
  });

  it('feed beats data beats src', async () => {
    const src = respond({ body: nativeFeed(['From src']) });
    const el = await fixture<TestFeedElement>(html`<test-feed-element src=${src}></test-feed-element>`);
    await waitUntil(() => seen(el).includes('From src'));
    el.data = nativeFeed(['From data']);
    await waitUntil(() => seen(el).includes('From data'));
    el.feed = { ...el.state.data!, events: [{ ...el.state.data!.events[0], title: 'From feed' }] };
    await waitUntil(() => seen(el).includes('From feed'));
    el.feed = undefined;
    await waitUntil(() => seen(el).includes('From data'));
  });

  it('a refresh that fails keeps the last good data and says as of when', async () => {
    // The first answer is good, every later one is a 500.
    const src = respond({ body: nativeFeed(), 'fail-after': 1, cache: 'no-store' });
    const el = await fixture<TestFeedElement>(html`<test-feed-element refresh="1" src=${src}></test-feed-element>`);
    await ready(el);
    const goodAt = el.state.updatedAt!;
    expect(goodAt).to.be.a('number');
    const failed = await oneEvent(el, 'turnout-feed-error');
    expect(failed.detail.code).to.equal('http');
    await el.updateComplete;
    expect(el.state.status).to.equal('ready');
    expect(el.state.stale).to.equal(true);
    expect(el.state.updatedAt).to.equal(goodAt);
    expect(seen(el)).to.contain('Rally at Union Park');
    const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(goodAt);
    expect(seen(el)).to.contain(`Showing events as of ${time}; the latest update failed.`);
    expect(await hits(src)).to.equal(2);
    await expect(el).shadowDom.to.be.accessible();
    el.remove();
  });

  it('widgets with the same refresh share each reload', async () => {
    const src = respond({ body: nativeFeed(), cache: 'no-store' });
    const box = fixtureSync<HTMLElement>(html`<div>
      <test-feed-element refresh="1" src=${src}></test-feed-element>
      <test-feed-element refresh="1" src=${src}></test-feed-element>
    </div>`);
    const els = [...box.querySelectorAll('test-feed-element')];
    for (const el of els) await ready(el);
    expect(await hits(src)).to.equal(1);
    const loads = els.map(() => 0);
    els.forEach((el, i) => el.addEventListener('turnout-feed-load', () => loads[i]++));
    await waitUntil(() => loads.every((n) => n >= 1), 'no refresh', { timeout: 5000 });
    expect(await hits(src)).to.equal(2);
    box.remove();
  });

  it('stops on disconnect: no request result changes the element afterwards', async () => {
    await noUnhandledRejections(async () => {
      const src = respond({ body: nativeFeed(), delay: 600 });
      const el = await fixture<TestFeedElement>(html`<test-feed-element src=${src}></test-feed-element>`);
      expect(el.state.status).to.equal('loading');
      let events = 0;
      el.addEventListener('turnout-feed-load', () => events++);
      el.addEventListener('turnout-feed-error', () => events++);
      el.remove();
      const renders = el.renders;
      await new Promise((r) => setTimeout(r, 900));
      expect(events).to.equal(0);
      expect(el.renders).to.equal(renders);
      expect(el.state.data).to.equal(undefined);
      // Put back, it loads again.
      document.body.append(el);
      await ready(el);
      expect(seen(el)).to.contain('Rally at Union Park');
      el.remove();
    });
  });

  it('removing the only element on a feed cancels its request; one of two does not', async () => {
    const src = respond({ body: nativeFeed(), delay: 800 });
    const el = await fixture<TestFeedElement>(html`<test-feed-element src=${src}></test-feed-element>`);
    await waitUntil(async () => (await hits(src)) === 1);
    el.remove();
    await waitUntil(async () => (await cancelled(src)) === 1, 'the request went on');

    const shared = respond({ body: nativeFeed(), delay: 800 });
    const box = fixtureSync<HTMLElement>(html`<div>
      <test-feed-element src=${shared}></test-feed-element><test-feed-element src=${shared}></test-feed-element>
    </div>`);
    const [a, b] = box.querySelectorAll('test-feed-element');
    await waitUntil(async () => (await hits(shared)) === 1);
    a.remove();
    await ready(b);
    expect(await cancelled(shared)).to.equal(0);
  });

  it('Retry loads again after an error', async () => {
    const src = respond({ status: 503, cache: 'no-store' });
    const el = await fixture<TestFeedElement>(html`<test-feed-element src=${src}></test-feed-element>`);
    await waitUntil(() => el.state.status === 'error');
    await el.updateComplete;
    expect(seen(el)).to.contain("The feed's server answered with an error (503). Try again later.");
    const retry = el.shadowRoot!.querySelector('button')!;
    retry.focus();
    retry.click();
    await waitUntil(async () => (await hits(src)) === 2, 'Retry made no request');
    await waitUntil(() => el.state.status === 'error');
    await el.updateComplete;
    // Still failing: the same button is there and keeps the keyboard focus.
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
  });
});
