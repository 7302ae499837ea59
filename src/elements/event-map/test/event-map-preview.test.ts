import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { squash } from '../../../../test/helpers.js';
import '../event-map.define.js';
import type { EventMap } from '../event-map.js';
import { $, $$, EVE } from './fixtures.js';

// A large feed lists its first events while the rest of its body is still on the way (test/server/stream-routes.mjs
// holds the rest back until the test lets it go).
const count = (el: EventMap) => squash($(el, '[part="count"]')?.textContent);
const listed = (el: EventMap) => $$(el, '[part~="event"] .title-button').map((b) => squash(b.textContent));
let n = 0;

describe('<event-map> with a large feed still downloading', () => {
  it('lists the first events at once, then everything once the feed is in', async () => {
    const key = `preview-${Date.now()}-${n++}`;
    const el = await fixture<EventMap>(html`<event-map src=${`/__stream/feed?n=4000&key=${key}`} now=${EVE}></event-map>`);
    let loaded = false;
    el.addEventListener('turnout-feed-load', () => (loaded = true));
    await waitUntil(() => listed(el).length > 0, 'no events were listed while the feed downloaded', { timeout: 10000 });
    expect(loaded, 'the whole feed had already loaded').to.equal(false);
    expect(count(el)).to.match(/^The first \d+ events, while the rest load…$/);
    const first = Number(/\d+/.exec(count(el))![0]);
    expect(first).to.be.within(1, 20);
    expect(listed(el)).to.have.length(first);
    expect(listed(el)[0]).to.match(/^Streamed gathering \d+ in \w+/);
    expect($(el, '[part="list"]')!.getAttribute('aria-busy')).to.equal('true');
    // Searching and filtering wait for every event, and so does the map.
    expect($(el, 'form[role="search"]')).to.equal(null);
    expect(el.matches(':state(ready)')).to.equal(false);
    await expect(el).to.be.accessible();

    await fetch(`/__stream/release?key=${key}`);
    await waitUntil(() => loaded, 'the feed never finished', { timeout: 15000 });
    await el.updateComplete;
    await waitUntil(() => /events in the map area|events in person/.test(count(el)), `count still "${count(el)}"`, { timeout: 10000 });
    expect(count(el)).to.match(/4,000 events/);
    expect($(el, '[part="list"]')!.getAttribute('aria-busy')).to.equal('false');
    expect($(el, 'form[role="search"]')).to.not.equal(null);
  });

  it('a feed under the worker threshold is listed once, whole', async () => {
    const key = `small-${Date.now()}-${n++}`;
    // 300 events (~160 KB): parsed on the page as one piece, no first-events stage.
    const el = await fixture<EventMap>(html`<event-map src=${`/__stream/feed?n=300&key=${key}&head=100000000`} now=${EVE}></event-map>`);
    await waitUntil(() => listed(el).length > 0, 'never listed', { timeout: 10000 });
    expect(count(el)).to.not.match(/while the rest load/);
    expect(count(el)).to.match(/300 events/);
  });
});
