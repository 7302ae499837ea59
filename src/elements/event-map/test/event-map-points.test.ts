import { expect } from '@open-wc/testing';
import '../event-map.define.js';
import type { GeoJSONSource } from 'maplibre-gl';
import { $, mapOf, nextReady, shownOnMap } from './fixtures.js';
import { expectAllDrawn, mountLarge } from './points.js';

// A large feed's points go from the parse worker to MapLibre's worker as GeoJSON text (parse-worker.ts, mapPoints;
// map-view.ts, the points protocol), before this thread has taken in the events; the map then keeps them.

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
