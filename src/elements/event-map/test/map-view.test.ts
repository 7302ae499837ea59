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

describe('map-view: points handed before the style is read', () => {
  let host: HTMLElement;
  let view: MapView | undefined;
  afterEach(() => {
    view?.destroy();
    host.remove();
  });

  it('draws them once the events source exists', async function () {
    this.timeout(40000);
    host = document.createElement('div');
    host.style.cssText = 'display:block;position:relative;width:700px;height:450px';
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;inset:0';
    const overlay = document.createElement('div');
    host.append(container, overlay);
    document.body.append(host);
    let idle = 0;
    view = await createMapView({
      container,
      overlay,
      host,
      labels: { map: 'Map of events', cluster: (n) => `${n} events`, place: (ids) => ids.join(', '), count: String },
      bounds: [-125, 24, -66, 50],
      onSelect() {},
      onMove() {},
      onIdle: () => idle++,
      onAttribution() {},
    });
    expect(view.map.getSource('events'), 'the map had already read its style').to.equal(undefined);
    view.setPoints(points(40));
    await waitUntil(() => idle > 0, 'the map never settled', { timeout: 30000 });
    await waitUntil(() => drawn(overlay) === 40, `the map shows ${drawn(overlay)} of 40 points`, { timeout: 10000 });
  });
});
