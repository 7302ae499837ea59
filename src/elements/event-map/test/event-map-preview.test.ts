import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { squash } from '../../../../test/helpers.js';
import '../event-map.define.js';
import type { EventMap } from '../event-map.js';
import { RESERVED_HEIGHTS } from '../../../embed/options.js';
import { $, $$, EVE, mountMap } from './fixtures.js';

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
    try {
      await waitUntil(() => listed(el).length > 0, 'no events were listed while the feed downloaded', { timeout: 10000 });
      expect(loaded, 'the whole feed had already loaded').to.equal(false);
      expect(count(el)).to.match(/^The first \d+ events, while the rest load…$/);
      const first = Number(/\d+/.exec(count(el))![0]);
      expect(first).to.be.within(1, 20);
      expect(listed(el)).to.have.length(first);
      expect(listed(el)[0]).to.match(/^Streamed gathering \d+ in \w+/);
      expect($(el, '[part="list"]')!.getAttribute('aria-busy')).to.equal('true');
      // The count line says the rest is loading; the feed's own status line says nothing more.
      expect(squash($(el, '[part="feed-status"]')!.textContent)).to.equal('');
      // The map waits for every event; the filters' choices too (their line is there, saying so when opened).
      expect(el.matches(':state(ready)')).to.equal(false);
      const filters = $<HTMLDetailsElement>(el, '[part="filters"]')!;
      filters.open = true;
      expect(squash(filters.textContent)).to.equal('Filters Loading events…');
      await expect(el).to.be.accessible();

      // A search asked for now runs once every event is in (town names come from the feed).
      const input = $<HTMLInputElement>(el, 'form[role="search"] input')!;
      input.value = 'Denver';
      $<HTMLButtonElement>(el, 'form[role="search"] button[type="submit"]')!.click();
      await el.updateComplete;
      expect(squash($(el, '[part="search-status"]')!.textContent)).to.equal('Searching…');
      expect(count(el)).to.match(/while the rest load/);
    } finally {
      await fetch(`/__stream/release?key=${key}`);
    }
    await waitUntil(() => loaded, 'the feed never finished', { timeout: 15000 });
    await waitUntil(() => /events within/.test(count(el)), `count still "${count(el)}"`, { timeout: 10000 });
    expect(count(el)).to.equal('800 events within 25 mi of Denver, CO');
    expect(listed(el)[0]).to.match(/ in Denver$/);
    expect(squash($(el, '[part="search-status"]')!.textContent)).to.equal('');
    expect($(el, '[part="list"]')!.getAttribute('aria-busy')).to.equal('false');
    expect($$(el, '[part="filters"] select option').map((o) => o.textContent), 'the filters have their choices').to.deep.equal([
      'All types',
      'March',
      'Rally',
    ]);
  });

  it('keeps the search, the map, the first events and its own height as the rest of the feed and the map arrive', async () => {
    const key = `still-${Date.now()}-${n++}`;
    const el = await fixture<EventMap>(html`<event-map src=${`/__stream/feed?n=4000&key=${key}`} now=${EVE}></event-map>`);
    const top = (selector: string) => Math.round($(el, selector)!.getBoundingClientRect().top);
    // The page below the widget moves when the widget's height changes (the legend and attribution under the map).
    const where = () => [top('form[role="search"]'), top('[part="map"]'), top('[part~="event"]'), Math.round(el.getBoundingClientRect().height)];
    let loaded = false;
    el.addEventListener('turnout-feed-load', () => (loaded = true));
    let before: number[];
    try {
      await waitUntil(() => listed(el).length > 0, 'no events were listed while the feed downloaded', { timeout: 10000 });
      before = where();
    } finally {
      await fetch(`/__stream/release?key=${key}`);
    }
    await waitUntil(() => loaded, 'the feed never finished', { timeout: 15000 });
    await waitUntil(() => /events in the map area|events in person/.test(count(el)), `count still "${count(el)}"`, { timeout: 10000 });
    await waitUntil(() => el.matches(':state(ready)'), 'the map never got ready', { timeout: 15000 });
    expect(where()).to.deep.equal(before);
  });

  it('takes, while its feed is on the way, the height the embed snippets reserve for it (list beside the map)', async () => {
    const key = `reserve-${Date.now()}-${n++}`;
    const reserved = document.createElement('div');
    reserved.style.minHeight = RESERVED_HEIGHTS['event-map'];
    const el = document.createElement('event-map');
    el.setAttribute('src', `/__stream/feed?n=4000&key=${key}&head=0`);
    el.setAttribute('now', EVE);
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 1000px">${reserved}${el}</div>`);
    try {
      await (el as EventMap).updateComplete;
      expect(squash($(el, '[part="feed-status"]')!.textContent)).to.equal('Loading events…');
      const height = el.getBoundingClientRect().height;
      expect(Math.abs(height - reserved.getBoundingClientRect().height), `element ${height} px`).to.be.at.most(4);
    } finally {
      await fetch(`/__stream/release?key=${key}`);
      box.remove();
    }
  });

  it('shows its basemap, credited, without "Loading the map…" over it while a slow feed is still on its way', async () => {
    const key = `basemap-${Date.now()}-${n++}`;
    const el = await mountMap(`/__stream/feed?n=4000&key=${key}&head=0`, {}, { ready: false });
    try {
      // The map starts after at most a second without events, and draws the basemap.
      await waitUntil(() => $(el, '[part="attribution"]'), 'the basemap was never drawn', { timeout: 15000 });
      await el.updateComplete;
      expect($(el, '[part="placeholder"]')!.hidden).to.equal(true);
      expect(squash($(el, '[part="attribution"]')!.textContent)).to.contain('Natural Earth');
      expect(squash($(el, '[part="feed-status"]')!.textContent)).to.equal('Loading events…');
      expect(el.matches(':state(ready)')).to.equal(false);
    } finally {
      await fetch(`/__stream/release?key=${key}`);
    }
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
