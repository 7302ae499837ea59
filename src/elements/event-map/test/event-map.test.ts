import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { localityCentre } from '../../../geo/locality.js';
import { distanceKm } from '../../../geo/distance.js';
import type { LngLat } from '../../../geo/types.js';
import type { FeedData } from '../../../feed/types.js';
import { squash } from '../../../../test/helpers.js';
import '../event-map.define.js';
import { EventMap, TurnoutEventSelectEvent, TurnoutMapReadyEvent } from '../event-map.js';
import { $, $$, EVE, isReady, makeEvent, makeFeed, mapOf, mountMap, nextReady, scattered, shownOnMap, TOWNS } from './fixtures.js';

/** What the buttons over the map say: the sum of cluster counts and single places' events. */
const titles = (el: EventMap, section = 'main') =>
  $$(el, `#section-${section} ~ ul .title-button`).map((b) => squash(b.textContent));
const count = (el: EventMap) => squash($(el, '[part="count"]')?.textContent);
const shadowFocus = (el: EventMap) => el.shadowRoot!.activeElement as HTMLElement | null;

async function search(el: EventMap, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'form[role="search"] input')!;
  input.value = text;
  $<HTMLButtonElement>(el, 'form[role="search"] button[type="submit"]')!.click();
  await el.updateComplete;
  await waitUntil(() => !/Searching/.test($(el, '[part="search-status"]')!.textContent!), 'search never finished', { timeout: 10000 });
  await el.updateComplete;
}

async function choose(el: EventMap, label: string, value: string): Promise<void> {
  const select = $$<HTMLLabelElement>(el, 'label')
    .find((l) => squash(l.querySelector('span')?.textContent) === label)!
    .querySelector('select')!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Reads the map's canvas right after a frame is drawn (the drawing buffer is cleared once shown). */
function canvasColors(el: EventMap): Promise<Set<string>> {
  const map = mapOf(el);
  return new Promise((resolve) => {
    map.once('render', () => {
      const gl = map.painter.context.gl as WebGL2RenderingContext;
      const { width, height } = gl.canvas;
      const pixels = new Uint8Array(width * height * 4);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      const colors = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4 * 97) colors.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
      resolve(colors);
    });
    map.triggerRepaint();
  });
}

afterEach(async () => {
  await emulateMedia({ reducedMotion: 'no-preference' });
});

describe('<event-map>', () => {
  it('defines itself once, and a second define is not an error', () => {
    expect(customElements.get('event-map')).to.equal(EventMap);
    expect(() => EventMap.define()).not.to.throw();
    class Copy extends EventMap {}
    expect(() => Copy.define()).not.to.throw();
    expect(customElements.get('event-map')).to.equal(EventMap);
  });

  // One map for this block (each map costs a WebGL context and a second or two of SwiftShader): the tests run in
  // order and each leaves the map as the next expects it.
  describe('a feed of 120 mappable events', () => {
    let el: EventMap;
    let feed: FeedData;
    let firstReady: Promise<TurnoutMapReadyEvent>;
    before(async () => {
      feed = scattered(20, 3);
      feed.events.push(
        makeEvent({ id: 'past', title: 'Last week', start: Date.UTC(2026, 0, 20, 18), location: feed.events[0].location }),
        makeEvent({ id: 'nowhere', title: 'Place to be announced', location: { precision: 'none' } }),
      );
      el = document.createElement('event-map');
      el.setAttribute('lang', 'en-US');
      el.setAttribute('now', EVE);
      el.style.setProperty('--turnout-map-height', '400px');
      el.feed = feed;
      firstReady = new Promise((resolve) => el.addEventListener('turnout-map-ready', (e) => resolve(e), { once: true }));
      expect(isReady(el)).to.equal(false);
      const wrapper = document.createElement('div');
      wrapper.style.inlineSize = '900px';
      wrapper.append(el);
      document.body.append(wrapper);
      await waitUntil(() => isReady(el), 'never ready', { timeout: 20000 });
    });
    after(() => el.parentElement?.remove());

    it('fires turnout-map-ready with plain details and matches :state(ready)', async () => {
      const event = await firstReady;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ events: 120 });
      expect(isReady(el)).to.equal(true);
    });

    it('draws the basemap and clusters: rendered features and real pixels', async () => {
      const map = mapOf(el);
      expect(map.queryRenderedFeatures({ layers: ['clusters'] }).length).to.be.greaterThan(0);
      expect(map.queryRenderedFeatures({ layers: ['land'] }).length).to.be.greaterThan(0);
      const colors = await canvasColors(el);
      // Sea, land, state lines and cluster fill at least; a blank canvas has one colour.
      expect(colors.size).to.be.greaterThan(3);
    });

    it('shows cluster counts that add up to the mappable events (not online, past or unplaced ones)', () => {
      expect(shownOnMap(el)).to.equal(120);
      expect(count(el)).to.equal('120 events in the map area');
      // Online events are listed in their own section, never on the map.
      expect(titles(el, 'online')).to.deep.equal(['Phone bank 1', 'Phone bank 2', 'Phone bank 3']);
      expect(titles(el, 'unplaced')).to.deep.equal(['Place to be announced']);
      expect(titles(el).join('|')).not.to.contain('Last week');
      const clusters = $$(el, '.overlay .cluster');
      expect(clusters.length).to.be.greaterThan(2);
      expect(clusters.every((b) => /^\d+ events near .+ — zoom in$/.test(b.getAttribute('aria-label')!))).to.equal(true);
      const towns = TOWNS.map((t) => `${t.locality}, ${t.region}`);
      expect(clusters.every((b) => towns.some((t) => b.getAttribute('aria-label')!.includes(` near ${t} `)))).to.equal(true);
    });

    it('has no axe violations when ready', async () => {
      await expect(el).to.be.accessible();
    });

    it('draws only the cards in view of its scrolling list, and a card once scrolled to', async () => {
      const cards = $$(el, '[part~="event"]');
      expect(cards.length).to.be.greaterThan(20);
      // A card's content is what the browser skips while the card is out of view.
      const drawn = (card: HTMLElement) => card.querySelector('article')!.checkVisibility({ contentVisibilityAuto: true });
      const last = cards.at(-1)!;
      expect(drawn(cards[0]), 'the first card').to.equal(true);
      expect(drawn(last), 'a card far below the fold of the list').to.equal(false);
      last.scrollIntoView({ block: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(drawn(last)).to.equal(true);
      const pane = $(el, '.list-pane')!.getBoundingClientRect();
      const box = last.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(40);
      expect(box.bottom).to.be.at.most(pane.bottom + 1);
      expect(box.top).to.be.at.least(pane.top - 1);
      $(el, '.list-pane')!.scrollTop = 0;
    });

    it('filters by type: the map and the list follow', async () => {
      let settled = nextReady(el);
      $<HTMLDetailsElement>(el, 'details.filters')!.open = true;
      await choose(el, 'Type', 'vigil');
      await settled;
      expect(shownOnMap(el)).to.equal(feed.events.filter((e) => e.type === 'vigil' && e.id !== 'past').length);
      expect(titles(el).every((t) => t.startsWith('Vigil'))).to.equal(true);
      settled = nextReady(el);
      await choose(el, 'Type', '');
      await settled;
      expect(shownOnMap(el)).to.equal(120);
    });

    it('reaches clusters with Tab from the zoom buttons; Enter on a cluster zooms in and keeps focus on the map', async () => {
      const map = mapOf(el);
      $<HTMLButtonElement>(el, '[part="zoom"] button')!.focus();
      let reached: HTMLElement | null = null;
      for (let i = 0; i < 8 && !reached; i++) {
        await sendKeys({ press: 'Tab' });
        const f = shadowFocus(el);
        if (f?.matches('.overlay .cluster')) reached = f;
      }
      expect(reached, 'Tab never reached a cluster').to.not.equal(null);
      const before = map.getZoom();
      const settled = nextReady(el);
      await sendKeys({ press: 'Enter' });
      await settled;
      expect(map.getZoom()).to.be.greaterThan(before);
      expect(shadowFocus(el)?.closest('.overlay')).to.not.equal(null);
    });

    it('opens a cluster without animation when reduced motion is asked for', async () => {
      const map = mapOf(el);
      await emulateMedia({ reducedMotion: 'reduce' });
      let moves = 0;
      map.on('move', () => moves++);
      const before = map.getZoom();
      const settled = nextReady(el);
      $<HTMLButtonElement>(el, '.overlay .cluster')!.click();
      await settled;
      expect(map.getZoom()).to.be.greaterThan(before);
      // jumpTo: one move; an animation would move on many frames.
      expect(moves).to.equal(1);
    });

    it('has named zoom buttons that zoom', async () => {
      const map = mapOf(el);
      await emulateMedia({ reducedMotion: 'reduce' });
      const [zoomIn, zoomOut] = $$<HTMLButtonElement>(el, '[part="zoom"] button');
      expect(squash(zoomIn.textContent)).to.contain('Zoom in');
      expect(squash(zoomOut.textContent)).to.contain('Zoom out');
      const before = map.getZoom();
      zoomOut.click();
      expect(map.getZoom()).to.equal(before - 1);
    });

    it('reaches single markers once zoomed in, and lists only the events in view', async () => {
      const map = mapOf(el);
      await emulateMedia({ reducedMotion: 'reduce' });
      const settled = nextReady(el);
      const { lng, lat } = feed.events.find((e) => e.id === 'chicago-0')!.location;
      map.jumpTo({ center: [lng, lat], zoom: 13 });
      await settled;
      await el.updateComplete;
      const markers = $$<HTMLButtonElement>(el, '.overlay .marker');
      expect(markers.length).to.be.greaterThan(0);
      expect(markers[0].getAttribute('aria-label')).to.match(/ in Chicago, Sat, Jan 31$/);
      const listed = titles(el);
      expect(listed.length).to.be.greaterThan(0);
      expect(listed.length).to.be.lessThan(20);
      expect(listed.every((t) => t.endsWith('in Chicago'))).to.equal(true);
      expect(count(el)).to.equal(`${listed.length} events in the map area`);
    });

    it('resizes with its container', async () => {
      const map = mapOf(el);
      const before = map.getCanvas().clientWidth;
      (el.parentElement as HTMLElement).style.inlineSize = '500px';
      await waitUntil(() => map.getCanvas().clientWidth !== before, 'never resized', { timeout: 10000 });
      expect(map.getCanvas().clientWidth).to.be.lessThan(before);
    });

    it('removes its map (and its WebGL context) when taken off the page', async () => {
      const map = mapOf(el);
      let removed = false;
      map.on('remove', () => (removed = true));
      el.remove();
      expect(removed).to.equal(true);
      expect(isReady(el)).to.equal(false);
      expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
    });
  });

  describe('list and map in sync', () => {
    let el: EventMap;
    before(async () => {
      el = await mountMap(
        makeFeed([
          makeEvent({ id: 'a', title: 'Vigil by the river', host: 'River Friends', url: 'https://example.org/a' }),
          makeEvent({
            id: 'b',
            title: 'Rally in Chicago',
            location: { precision: 'exact', venue: 'Union Park', locality: 'Chicago', region: 'IL', country: 'US', lat: 41.884, lng: -87.67 },
          }),
        ]),
        {},
        { keep: true },
      );
    });
    after(() => el.remove());

    it('choosing a marker focuses its item, opens its details and fires turnout-event-select with { id }', async () => {
      const markers = $$<HTMLButtonElement>(el, '.overlay .marker');
      expect(markers.length).to.equal(2);
      const marker = markers.find((m) => m.getAttribute('aria-label')!.startsWith('Vigil by the river'))!;
      expect(marker.getAttribute('aria-label')).to.equal('Vigil by the river, Sat, Jan 31');
      const selected = new Promise<TurnoutEventSelectEvent>((resolve) =>
        el.addEventListener('turnout-event-select', (e) => resolve(e), { once: true }),
      );
      marker.click();
      const event = await selected;
      expect(event.detail).to.deep.equal({ id: 'a' });
      await el.updateComplete;
      const focused = shadowFocus(el)!;
      expect(focused.matches('.title-button')).to.equal(true);
      expect(squash(focused.textContent)).to.equal('Vigil by the river');
      expect(focused.getAttribute('aria-expanded')).to.equal('true');
      const details = $(el, '[part="details"]')!;
      expect(squash(details.textContent)).to.contain('River Friends');
      expect(squash(details.textContent)).to.contain('Sat, Jan 31, 12:00 PM');
      expect(details.querySelector('a[href="https://example.org/a"]')).to.not.equal(null);
      expect(squash(details.textContent)).to.contain('Add to calendar');
      await expect(el).to.be.accessible();
    });

    it('choosing an item rings its marker on the map', async () => {
      const map = mapOf(el);
      const button = $$<HTMLButtonElement>(el, '.title-button').find((b) => squash(b.textContent) === 'Rally in Chicago')!;
      const settled = new Promise((resolve) => map.once('idle', resolve));
      button.click();
      await settled;
      const ring = map.queryRenderedFeatures({ layers: ['selected'] });
      expect(ring.length).to.equal(1);
      expect(ring[0].geometry.coordinates.map((c: number) => c.toFixed(3))).to.deep.equal(['-87.670', '41.884']);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
    });
  });

  describe('search', () => {
    let el: EventMap;
    before(async () => {
      const feed = scattered(6);
      feed.campaign = { hostEventUrl: 'https://coalition.example/host', days: [] };
      el = await mountMap(feed, {}, { keep: true });
    });
    after(() => el.remove());

    it('orders the list by distance from a ZIP code and shows the distance', async () => {
      const settled = nextReady(el);
      await search(el, '60601');
      await settled;
      expect(count(el)).to.equal('6 events within 25 mi of 60601');
      const distances = $$(el, '#section-main ~ ul .distance').map((d) => Number(squash(d.textContent).replace(/[^\d.]/g, '')));
      expect(distances.length).to.equal(6);
      expect([...distances].sort((a, b) => a - b)).to.deep.equal(distances);
      expect(titles(el).every((t) => t.endsWith('in Chicago'))).to.equal(true);
      // The map moved to the place: Chicago is in view, Minneapolis is not.
      const map = mapOf(el);
      expect(map.getBounds().contains([-87.63, 41.878])).to.equal(true);
      expect(map.getBounds().contains([-93.265, 44.978])).to.equal(false);
    });

    it('has no axe violations when searched, with details open', async () => {
      $$<HTMLButtonElement>(el, '.title-button')[0].click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('finds a town the feed names', async () => {
      await search(el, 'Houston');
      expect(count(el)).to.match(/^6 events within 25 mi of Houston/);
    });

    it('says when nothing is nearby, lists the nearest and offers the host link', async () => {
      await search(el, '59801'); // Missoula, MT: hundreds of miles from every town in the feed
      expect(count(el)).to.equal('No events within 25 mi of 59801.');
      const nearest = $$(el, '#section-main ~ ul .title-button');
      expect(nearest.length).to.equal(3);
      expect(squash($(el, '#section-main')!.textContent)).to.equal('Nearest to 59801');
      const link = $<HTMLAnchorElement>(el, '[part="host-link"]')!;
      expect(link.href).to.equal('https://coalition.example/host');
      expect(link.rel).to.equal('noopener noreferrer');
      await expect(el).to.be.accessible();
    });

    it('says when a place is unknown', async () => {
      await search(el, 'Qwxzyville');
      expect(squash($(el, '[part="search-status"]')!.textContent)).to.contain('No place called “Qwxzyville” found');
    });

    it('asks an embedder geocoder for places it does not know', async () => {
      const asked: string[] = [];
      el.geocoder = async (q) => {
        asked.push(q);
        return { label: 'Somewhere', center: [-87.7, 41.9] };
      };
      await search(el, 'Somewhere street 5');
      expect(asked).to.deep.equal(['Somewhere street 5']);
      expect(count(el)).to.equal('6 events within 25 mi of Somewhere');
    });

    it('keeps the map and the list where they are from "Searching…" to the results', async () => {
      let answer!: (place: { label: string; center: [number, number] }) => void;
      el.geocoder = () => new Promise((resolve) => (answer = resolve));
      const top = (selector: string) => Math.round($(el, selector)!.getBoundingClientRect().top);
      const input = $<HTMLInputElement>(el, 'form[role="search"] input')!;
      input.value = 'Somewhere slow 7';
      $<HTMLButtonElement>(el, 'form[role="search"] button[type="submit"]')!.click();
      await el.updateComplete;
      await waitUntil(() => answer, 'the geocoder was not asked', { timeout: 10000 });
      expect(squash($(el, '[part="search-status"]')!.textContent)).to.equal('Searching…');
      const before = [top('[part="map"]'), top('[part="list"]')];
      answer({ label: 'Slowtown', center: [-87.7, 41.9] });
      await waitUntil(() => /Slowtown/.test(count(el)), 'no results', { timeout: 10000 });
      await el.updateComplete;
      expect(squash($(el, '[part="search-status"]')!.textContent)).to.equal('');
      expect([top('[part="map"]'), top('[part="list"]')]).to.deep.equal(before);
    });

    it('goes back to the events in view when the search is cleared', async () => {
      const clear = $$<HTMLButtonElement>(el, 'form[role="search"] button').find((b) => squash(b.textContent) === 'Clear search')!;
      clear.click();
      await el.updateComplete;
      expect(count(el)).to.match(/events in the map area$/);
    });
  });

  describe('starting view', () => {
    it('opens searched near a ZIP code, pre-filtered by host and type', async () => {
      const el = await mountMap(scattered(12), { zip: '10007', host: 'Riverside Tenants Union', type: 'vigil' });
      await waitUntil(() => /within/.test(count(el)), 'the starting search never ran', { timeout: 10000 });
      await el.updateComplete;
      // scattered(): odd-numbered events are hosted by the union; every third one (from the second) is a vigil.
      const expected = scattered(12).events.filter(
        (e) => e.location.locality === 'New York' && e.host === 'Riverside Tenants Union' && e.type === 'vigil',
      );
      expect(count(el)).to.equal(`${expected.length} events within 25 mi of 10007`);
      expect(titles(el).sort()).to.deep.equal(expected.map((e) => e.title).sort());
      const map = mapOf(el);
      await waitUntil(() => map.getBounds().contains([-74.006, 40.713]), 'the map never went to New York', { timeout: 10000 });
    });

    it('opens on the bounds it is given', async () => {
      const el = await mountMap(scattered(3), { bounds: '-90,40,-85,44' });
      const b = mapOf(el).getBounds();
      expect(b.contains([-87.63, 41.878])).to.equal(true);
      expect(b.contains([-74.006, 40.713])).to.equal(false);
      expect(count(el)).to.equal('3 events in the map area');
    });
  });

  describe('geolocation', () => {
    const real = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
    let calls = 0;
    let answer: (ok: PositionCallback, fail: PositionErrorCallback) => void;
    let el: EventMap;
    before(async () => {
      Object.defineProperty(Navigator.prototype, 'geolocation', {
        configurable: true,
        get: () => ({
          getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) => {
            calls++;
            answer(ok, fail);
          },
          watchPosition: () => {
            calls++;
            return 0;
          },
        }),
      });
      el = await mountMap(scattered(4), { 'sync-url': true }, { keep: true });
    });
    after(() => {
      el.remove();
      Object.defineProperty(Navigator.prototype, 'geolocation', real);
      history.replaceState(null, '', location.pathname + location.search);
    });

    const locate = async () => {
      $$<HTMLButtonElement>(el, 'form[role="search"] button').find((b) => squash(b.textContent) === 'Use my location')!.click();
      await el.updateComplete;
    };

    it('is not asked until "Use my location" is pressed, then lists events by distance', async () => {
      answer = (ok) => ok({ coords: { longitude: -74.0, latitude: 40.72 } } as GeolocationPosition);
      await search(el, '60601');
      expect(calls).to.equal(0);
      await locate();
      expect(calls).to.equal(1);
      expect(count(el)).to.equal('4 events within 25 mi of your location');
      expect(titles(el).every((t) => t.endsWith('in New York'))).to.equal(true);
      // The visitor's position never goes into the URL.
      expect(location.hash).not.to.contain('40.72');
      expect(location.hash).not.to.contain('map.q');
    });

    it('explains a refusal', async () => {
      answer = (_ok, fail) => fail({ code: 1, message: 'denied' } as GeolocationPositionError);
      await locate();
      expect(squash($(el, '[part="search-status"]')!.textContent)).to.contain('permission was denied');
    });

    it('explains a timeout', async () => {
      answer = (_ok, fail) => fail({ code: 3, message: 'timeout' } as GeolocationPositionError);
      await locate();
      expect(squash($(el, '[part="search-status"]')!.textContent)).to.contain('took too long');
    });
  });

  describe('privacy', () => {
    it('never puts a private address at a precise point: it sits at its town centre, marked approximate', async () => {
      const hidden: LngLat = [-93.2461, 44.9489];
      const raw = {
        turnout: '1.0',
        events: [
          {
            id: 'home',
            title: 'House meeting',
            start: '2026-01-31T18:00:00-06:00',
            timeZone: 'America/Chicago',
            location: {
              venue: 'A home',
              address: '4000 Private Ave',
              locality: 'Minneapolis',
              region: 'MN',
              country: 'US',
              lat: hidden[1],
              lng: hidden[0],
              private: true,
            },
          },
          {
            id: 'park',
            title: 'Rally at Loring Park',
            start: '2026-01-31T12:00:00-06:00',
            timeZone: 'America/Chicago',
            location: { venue: 'Loring Park', locality: 'Minneapolis', region: 'MN', country: 'US', lat: 44.9695, lng: -93.2777 },
          },
          {
            id: 'london',
            title: 'Vigil in London',
            start: '2026-01-31T12:00:00+00:00',
            timeZone: 'Europe/London',
            location: { venue: 'Parliament Square', locality: 'London', country: 'GB', lat: 51.5007, lng: -0.1268 },
          },
        ],
      };
      const el = document.createElement('event-map');
      el.setAttribute('lang', 'en-US');
      el.setAttribute('now', EVE);
      el.data = raw;
      await fixture(html`<div style="inline-size: 900px">${el}</div>`);
      await waitUntil(() => isReady(el), 'never ready', { timeout: 20000 });
      // The first view fits every event, the private one included (placed before the map is shown).
      expect(count(el)).to.equal('3 events in the map area');
      const map = mapOf(el);
      const data = (await map.getSource('events').getData()) as GeoJSON.FeatureCollection<GeoJSON.Point>;
      const home = data.features.find((f) => f.properties!.id === 'home')!;
      const centre = await localityCentre({ precision: 'approximate', locality: 'Minneapolis', region: 'MN', country: 'US' });
      expect(centre).to.not.equal(null);
      expect(home.geometry.coordinates).to.deep.equal(centre);
      expect(distanceKm(home.geometry.coordinates as LngLat, hidden)).to.be.greaterThan(1);
      expect(home.properties!.a).to.equal(1);
      // Zoomed in as far as the map goes, the marker is at the centre too, named as approximate.
      await emulateMedia({ reducedMotion: 'reduce' });
      const settled = nextReady(el);
      map.jumpTo({ center: centre, zoom: 14 });
      await settled;
      const marker = $$(el, '.overlay .marker').find((m) => m.getAttribute('aria-label')!.startsWith('House meeting'))!;
      expect(marker.getAttribute('aria-label')).to.equal('House meeting, Sat, Jan 31, approximate location: Minneapolis, MN');
      expect(marker.classList.contains('approximate')).to.equal(true);
      const rendered = map.queryRenderedFeatures({ layers: ['points', 'points-approximate'] }).find((f: GeoJSON.Feature) => f.properties!.id === 'home');
      expect(distanceKm(rendered.geometry.coordinates, hidden)).to.be.greaterThan(1);
      expect(squash($(el, '#section-main ~ ul')!.textContent)).to.contain('Approximate location: Minneapolis, MN');
    });

    it('ignores a point given by script for an approximate place', async () => {
      const el = await mountMap(
        makeFeed([
          makeEvent({
            id: 'p',
            location: { precision: 'approximate', locality: 'Chicago', region: 'IL', country: 'US', lat: 41.95, lng: -87.7 },
          }),
        ]),
      );
      const data = await mapOf(el).getSource('events').getData();
      expect(data.features[0].geometry.coordinates).to.not.deep.equal([-87.7, 41.95]);
      expect(data.features[0].geometry.coordinates).to.deep.equal(
        await localityCentre({ precision: 'approximate', locality: 'Chicago', region: 'IL', country: 'US' }),
      );
    });

    it('places private addresses for every map that shares the feed', async () => {
      const feed = makeFeed([
        makeEvent({ id: 'p1', location: { precision: 'approximate', locality: 'Chicago', region: 'IL', country: 'US' } }),
        makeEvent({ id: 'x1' }),
      ]);
      // Side by side, both in view (narrow: map above list).
      const maps = [0, 1].map(() => {
        const el = document.createElement('event-map');
        el.setAttribute('lang', 'en-US');
        el.setAttribute('now', EVE);
        el.style.setProperty('--turnout-map-height', '250px');
        el.feed = makeFeed([makeEvent()]);
        return el;
      });
      await fixture(html`<div style="display: grid; grid-template-columns: 1fr 1fr; inline-size: 800px">${maps}</div>`);
      await waitUntil(() => maps.every(isReady), 'not every map became ready', { timeout: 15000 });
      // The shared feed arrives once both maps are drawn: both must place its private address.
      const settled = Promise.all(maps.map(nextReady));
      for (const el of maps) el.feed = feed;
      await settled;
      for (const el of maps) {
        const data = await mapOf(el).getSource('events').getData();
        expect(data.features.map((f: GeoJSON.Feature) => f.properties!.id).sort()).to.deep.equal(['p1', 'x1']);
      }
    });

    it('makes no request outside the page origin', async () => {
      const el = await mountMap('/demo/data/feed.json');
      const settled = nextReady(el);
      await search(el, '55401');
      await settled;
      const outside = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => !n.startsWith(location.origin) && !n.startsWith('blob:') && !n.startsWith('data:'));
      expect(outside).to.deep.equal([]);
      expect(TOWNS.length).to.be.greaterThan(0);
    });
  });

  describe('sync-url', () => {
    afterEach(() => history.replaceState(null, '', location.pathname + location.search));

    it('keeps search, filters and the chosen event in the hash, next to what was there, and restores them', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#top`);
      const el = await mountMap(scattered(6), { 'sync-url': true });
      await search(el, '60601');
      $<HTMLDetailsElement>(el, 'details.filters')!.open = true;
      await choose(el, 'Type', 'rally');
      $$<HTMLButtonElement>(el, '.title-button')[0].click();
      await el.updateComplete;
      const chosen = squash($(el, '.event.selected .title-button')!.textContent);
      expect(location.hash).to.match(/^#top&map\.q=60601&map\.type=rally&map\.event=/);
      el.remove();

      const again = await mountMap(scattered(6), { 'sync-url': true });
      await waitUntil(() => /within/.test(count(again)), 'search not restored', { timeout: 10000 });
      await again.updateComplete;
      expect($<HTMLInputElement>(again, 'form[role="search"] input')!.value).to.equal('60601');
      expect(count(again)).to.equal('2 events within 25 mi of 60601');
      expect(squash($(again, '.event.selected .title-button')!.textContent)).to.equal(chosen);
      expect(location.hash.startsWith('#top&')).to.equal(true);

      // The page then follows an anchor of its own: the map keeps its view and leaves that hash alone.
      location.hash = '#partners';
      await new Promise((r) => setTimeout(r, 50));
      await again.updateComplete;
      expect(location.hash).to.equal('#partners');
      expect(count(again)).to.equal('2 events within 25 mi of 60601');
    });
  });

  describe('map-style', () => {
    it('uses a style from a URL and shows its credits as text and https links', async () => {
      const style = {
        version: 8,
        sources: {
          shapes: {
            type: 'geojson',
            data: { type: 'FeatureCollection', features: [] },
            attribution: '<a href="https://example.org/credits" target="_blank">&copy; Example Maps</a> and <b>friends</b>',
          },
        },
        layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#ddeeff' } }],
      };
      const url = `/__feed/respond?type=application/json&body=${encodeURIComponent(JSON.stringify(style))}`;
      const el = await mountMap(scattered(3), { 'map-style': url });
      const map = mapOf(el);
      expect(map.getLayer('bg')).to.not.equal(undefined);
      expect(map.getLayer('land')).to.equal(undefined);
      expect(shownOnMap(el)).to.equal(18);
      const credits = $(el, '[part="attribution"]')!;
      expect(squash(credits.textContent)).to.equal('Map data: © Example Maps and friends');
      const link = credits.querySelector('a')!;
      expect(link.href).to.equal('https://example.org/credits');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(credits.querySelector('b')).to.equal(null);
    });

    it('falls back to the offline basemap when the style cannot be loaded', async () => {
      const el = await mountMap(scattered(3), { 'map-style': '/__feed/respond?status=404&body=no' });
      expect(mapOf(el).getLayer('land')).to.not.equal(undefined);
      expect(shownOnMap(el)).to.equal(18);
      expect(squash($(el, '[part="attribution"]')!.textContent)).to.contain('Natural Earth');
    });
  });

  describe('robustness', () => {
    it('keeps the list and says so when WebGL is not available', async () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/.test(type)) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
      try {
        const el = await mountMap(scattered(3, 1), {}, { ready: false });
        await waitUntil(() => /WebGL/.test($(el, '[part="placeholder"]')!.textContent!), 'no message', { timeout: 15000 });
        expect(squash($(el, '[part="placeholder"]')!.textContent)).to.contain('Every event is in the list');
        expect($$(el, '.title-button').length).to.equal(19);
        expect(isReady(el)).to.equal(false);
        expect(el.shadowRoot!.querySelector('canvas.maplibregl-canvas')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        HTMLCanvasElement.prototype.getContext = original;
      }
    });

    it('draws one map again when put back on the page, also when moved while loading', async () => {
      const el = await mountMap(scattered(3), {}, { ready: false });
      const parent = el.parentElement!;
      // Moved while MapLibre loads: the first start is dropped, the second one draws.
      el.remove();
      parent.append(el);
      await waitUntil(() => isReady(el), 'never ready after a move', { timeout: 20000 });
      expect(el.shadowRoot!.querySelectorAll('canvas').length).to.equal(1);
      el.remove();
      expect(el.shadowRoot!.querySelectorAll('canvas').length).to.equal(0);
      parent.append(el);
      await waitUntil(() => isReady(el), 'never ready when put back', { timeout: 20000 });
      expect(el.shadowRoot!.querySelectorAll('canvas').length).to.equal(1);
      expect(shownOnMap(el)).to.equal(18);
    });

    it('shows a feed error as <event-list> does, with no axe violations', async () => {
      const el = await mountMap('/__feed/respond?status=404&body=nope', {}, { ready: false });
      await waitUntil(() => $(el, '.feed-error'), 'no error shown', { timeout: 10000 });
      expect($(el, '[part="feed-retry"]')).to.not.equal(null);
      // The map (the basemap alone) does not pretend to be loading events, and credits the data it draws.
      await waitUntil(() => $(el, '[part="placeholder"]')!.hidden, 'the map placeholder stayed', { timeout: 15000 });
      await waitUntil(() => $(el, '[part="attribution"]'), 'the basemap drawn without its credits', { timeout: 5000 });
      expect(squash($(el, '[part="attribution"]')!.textContent)).to.contain('Natural Earth');
      // Nothing to search among: the error says why, and no search form is offered.
      expect($(el, 'form[role="search"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('has no axe violations while the map loads', async () => {
      const el = await mountMap(scattered(3, 1), {}, { ready: false });
      expect(squash($(el, '[part="placeholder"]')!.textContent)).to.match(/Loading the map|Show the map/);
      await expect(el).to.be.accessible();
    });
  });
});
