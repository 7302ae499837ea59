import { expect, waitUntil } from '@open-wc/testing';
import { createMapView, type EventPoints, type MapView } from '../map-view.js';

// The map half on its own (no element): points handed to a map that has not read its style yet (it does so a frame
// after it is made) must still be drawn. The element can hand them that early: a feed already parsed when the map
// starts, or a large feed's points from the parse worker.

function points(n: number): EventPoints {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      properties: { id: `p${i}` },
      geometry: { type: 'Point', coordinates: [-120 + (i % 10) * 5, 30 + Math.floor(i / 10) * 5] },
    })),
  };
}

/** The events the overlay's buttons stand for (cluster counts and single markers). */
function drawn(overlay: HTMLElement): number {
  return [...overlay.querySelectorAll('button')].reduce(
    (n, b) => n + (b.classList.contains('cluster') || b.classList.contains('group') ? Number(b.textContent!.replace(/\D/g, '')) : 1),
    0,
  );
}

/** A map view in a 700x450 box on the page, calling `onIdle` each time it settles with new points. */
async function mountView(onIdle: () => void): Promise<{ host: HTMLElement; overlay: HTMLElement; view: MapView }> {
  const host = document.createElement('div');
  host.style.cssText = 'display:block;position:relative;width:700px;height:450px';
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0';
  const overlay = document.createElement('div');
  host.append(container, overlay);
  document.body.append(host);
  const view = await createMapView({
    container,
    overlay,
    host,
    labels: { map: 'Map of events', cluster: (n) => `${n} events`, place: (ids) => ids.join(', '), count: String },
    bounds: [-125, 24, -66, 50],
    onSelect() {},
    onMove() {},
    onIdle,
    onAttribution() {},
  });
  return { host, overlay, view };
}

/** Points packed as the parse worker sends a large feed's (a blob: URL for the view's points protocol). */
function packed(given: EventPoints): string {
  const coords = Float64Array.from(given.features.flatMap((f) => f.geometry.coordinates as number[]));
  const ids = new TextEncoder().encode(JSON.stringify(given.features.map((f) => f.properties!.id)));
  return URL.createObjectURL(new Blob([Float64Array.of(given.features.length), coords, ids]));
}

describe('map-view: points handed early', () => {
  let host: HTMLElement;
  let overlay: HTMLElement;
  let view: MapView | undefined;
  let idle = 0;
  beforeEach(async () => {
    idle = 0;
    ({ host, overlay, view } = await mountView(() => idle++));
  });
  afterEach(() => {
    view?.destroy();
    host.remove();
  });
  const settles = (after: number) => waitUntil(() => idle > after, 'the map never settled', { timeout: 30000 });
  const shows = (n: number) => waitUntil(() => drawn(overlay) === n, `the map shows ${drawn(overlay)} of ${n} points`, { timeout: 10000 });

  it('draws points handed before the style is read, once the events source exists', async function () {
    this.timeout(40000);
    expect(view!.map.getSource('events'), 'the map had already read its style').to.equal(undefined);
    view!.setPoints(points(40));
    await settles(0);
    await shows(40);
  });

  it('is not idle for points by URL before they reach the map, even if a frame settles meanwhile', async function () {
    this.timeout(40000);
    // The map settles with no events yet.
    await settles(0);
    const settled = idle;
    view!.setPoints(packed(points(40)));
    // A frame that settles before the points have reached the map (its protocol still registering) is not the
    // map being idle with them: no report, and their blob is not let go.
    view!.map.fire('idle');
    expect(idle, 'idle reported before the points reached the map').to.equal(settled);
    await settles(settled);
    await shows(40);
  });

  it('draws the points given as objects while their URL was still on its way', async function () {
    this.timeout(40000);
    await settles(0);
    const settled = idle;
    // The element adopts the list's points once they match what the URL holds: here before the URL reached the map.
    view!.setPoints(packed(points(40)));
    view!.adopt(points(40));
    await settles(settled);
    await shows(40);
  });
});
