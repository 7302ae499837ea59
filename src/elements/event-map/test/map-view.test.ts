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

describe('map-view: points handed before the style is read', () => {
  let host: HTMLElement;
  let overlay: HTMLElement;
  let view: MapView | undefined;
  afterEach(() => {
    view?.destroy();
    host.remove();
  });

  it('draws them once the events source exists', async function () {
    this.timeout(40000);
    let idle = 0;
    ({ host, overlay, view } = await mountView(() => idle++));
    expect(view.map.getSource('events'), 'the map had already read its style').to.equal(undefined);
    view.setPoints(points(40));
    await waitUntil(() => idle > 0, 'the map never settled', { timeout: 30000 });
    await waitUntil(() => drawn(overlay) === 40, `the map shows ${drawn(overlay)} of 40 points`, { timeout: 10000 });
  });
});

describe('map-view: points handed by URL', () => {
  let host: HTMLElement;
  let overlay: HTMLElement;
  let view: MapView | undefined;
  afterEach(() => {
    view?.destroy();
    host.remove();
  });

  it('is not idle for them before they reach the map, even if a frame settles meanwhile', async function () {
    this.timeout(40000);
    let idle = 0;
    ({ host, overlay, view } = await mountView(() => idle++));
    // The map settles with no events yet.
    await waitUntil(() => idle > 0, 'the map never settled', { timeout: 30000 });
    const settled = idle;
    // A large feed's points, packed as the parse worker sends them: 2600 points, 60 in each of 43 places or so.
    const n = 2600;
    const coords = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) [coords[2 * i], coords[2 * i + 1]] = [-120 + (i % 13) * 4, 30 + (Math.floor(i / 13) % 5) * 3];
    const ids = new TextEncoder().encode(JSON.stringify(Array.from({ length: n }, (_, i) => `p${i}`)));
    const url = URL.createObjectURL(new Blob([Float64Array.of(n), coords, ids]));
    view.setPoints(url);
    // A frame that settles before the points have reached the map (its protocol still registering) is not the
    // map being idle with them: no report, and their blob is not let go.
    view.map.fire('idle');
    expect(idle, 'idle reported before the points reached the map').to.equal(settled);
    await waitUntil(() => idle > settled, 'the map never settled with the points', { timeout: 30000 });
    await waitUntil(() => drawn(overlay) === n, `the map shows ${drawn(overlay)} of ${n} points`, { timeout: 10000 });
  });

  it('draws the same points given as objects while their URL was still on its way', async function () {
    this.timeout(40000);
    let idle = 0;
    ({ host, overlay, view } = await mountView(() => idle++));
    await waitUntil(() => idle > 0, 'the map never settled', { timeout: 30000 });
    const settled = idle;
    const given = points(40);
    const coords = Float64Array.from(given.features.flatMap((f) => f.geometry.coordinates as number[]));
    const ids = new TextEncoder().encode(JSON.stringify(given.features.map((f) => f.properties!.id)));
    // The element adopts the list's points once they match what the URL holds: here before the URL reached the map.
    view.setPoints(URL.createObjectURL(new Blob([Float64Array.of(40), coords, ids])));
    view.adopt(given);
    await waitUntil(() => idle > settled, 'the map never settled with the points', { timeout: 30000 });
    await waitUntil(() => drawn(overlay) === 40, `the map shows ${drawn(overlay)} of 40 points`, { timeout: 10000 });
  });
});
