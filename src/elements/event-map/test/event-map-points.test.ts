import { expect, waitUntil } from '@open-wc/testing';
import '../event-map.define.js';
import type { GeoJSONSource } from 'maplibre-gl';
import type { MapPoints } from '../../../feed/parse-client.js';
import { feedPreviews, type FeedPoints } from '../../../feed/previews.js';
import { squash } from '../../../../test/helpers.js';
import { $, EVE, mapOf, mountMap, nextReady, shownOnMap } from './fixtures.js';
import { expectAllDrawn, mountLarge } from './points.js';

// A large feed's points go from the parse worker to MapLibre's worker, packed (parse-worker.ts, packPoints; map-view.ts,
// the points protocol), before this thread has taken in the events; the map then keeps them.

describe('<event-map> with a large feed: the points reach MapLibre from the parse worker', () => {
  it('draws every event from the points URL, names its clusters, and fires ready with the count', async function () {
    this.timeout(60000);
    const { el, readyCount, handed } = await mountLarge(2600);
    expect(readyCount).to.equal(2600);
    // One hand-over, by URL, and the map kept it once the list had the events (no copy of 2,600 objects after).
    expect(handed).to.have.length(1);
    expect(handed[0]).to.be.a('string').and.match(/^turnout-points:\/\/blob\/blob%3A/);
    await expectAllDrawn(el, 2600);
    // MapLibre's worker did not post the 2,600 points back to this page: its index alone holds them.
    const source: GeoJSONSource = mapOf(el).getSource('events');
    expect(((await source.getData()) as GeoJSON.FeatureCollection).features, 'a copy came back').to.have.length(0);
    await expect(el).to.be.accessible();
    // That index still opens clusters: a cluster's zoom comes from it, and the events stay on the map.
    const map = mapOf(el);
    const before = map.getZoom();
    const settled = nextReady(el);
    $<HTMLButtonElement>(el, '.overlay .cluster')!.click();
    await settled;
    expect(map.getZoom()).to.be.greaterThan(before);
    expect(shownOnMap(el)).to.be.greaterThan(0);
  });
});

describe('<event-map>: points handed early that the feed\'s full reading does not confirm', () => {
  it('get the events again once the feed is in (a repeated id: one point too many early)', async function () {
    this.timeout(60000);
    const { el, handed } = await mountLarge(2600, '&dup=1');
    // The early points (a URL) held the repeated record too; the list's 2,600 events went to the map after them,
    // and the map shows those (a map that kept the early points would show 2,601).
    expect(handed[0], 'no early points').to.be.a('string').and.match(/^turnout-points:/);
    // Handed in a task of their own once the list has rendered (see #syncPoints).
    await waitUntil(() => typeof handed.at(-1) === 'object', "the list's events never went to the map", { timeout: 10000 });
    expect(handed).to.have.length(2);
    expect((handed[1] as { features: unknown[] }).features).to.have.length(2600);
    await expectAllDrawn(el, 2600);
  });
});

describe('<event-map>: points handed early, then the feed fails', () => {
  it('takes the points off the map again and says the feed could not be read', async function () {
    this.timeout(30000);
    const src = '/__feed/respond?status=500&delay=5000&body=x';
    const el = await mountMap(src, {}, { ready: false });
    await waitUntil(() => mapOf(el)?.loaded(), 'the map never started', { timeout: 20000 });
    // The parse worker's points for this feed (as it announces them, see parse-worker.ts): two events to come.
    const end = Date.parse(EVE) + 86_400_000;
    const points: MapPoints = {
      coords: Float64Array.of(-87.625, 41.875, -93.25, 44.875),
      ids: new TextEncoder().encode('["a","b"]'),
      ends: Float64Array.of(end, end),
      count: 2,
      approximate: 0,
    };
    const detail: FeedPoints = { href: new URL(src, location.href).href, points, options: {} };
    feedPreviews().dispatchEvent(new CustomEvent('points', { detail }));
    await waitUntil(() => shownOnMap(el) === 2, 'the early points were not drawn', { timeout: 10000 });
    await waitUntil(() => /500/.test(squash(el.shadowRoot!.textContent)), 'the feed error is not shown', { timeout: 15000 });
    await waitUntil(() => shownOnMap(el) === 0, `${shownOnMap(el)} events of a failed feed are still on the map`, {
      timeout: 10000,
    });
  });
});
