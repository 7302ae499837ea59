// The <event-map> contender, loaded the way a partner's page loads it: the CDN bundle (built for the bench from
// the same config as dist/cdn, or the folder given with --cdn) with `src` pointing at a native Turnout feed. The
// bundle is loaded first; the start mark is the moment the element is connected. From there the element fetches
// the feed, shows its list, lazy-loads MapLibre (it is in view) and fires `turnout-map-ready` once the map is idle.
//
// ?mode=cycles: no run; exposes __mount() / __unmount() for the mount/unmount heap check.
// ?mode=fold: the element sits below the fold (3000 px down) and is never scrolled to: reports once its feed is
// in and the page has been quiet for 1.5 s, so the bench can tell what the map itself adds to the download.
import { KIND_NAMES } from '../lib/feeds.mjs';
import { US_BOUNDS, fail, feed, firstVisible, params, ready, start } from './harness.js';

const bundle = params.get('bundle') ?? '/cdn/event-map.js';
/** The events are on 2026-01-31: pin the element's clock before that so none is hidden as past. */
const NOW = '2026-01-30T12:00:00-05:00';

function create() {
  const el = document.createElement('event-map');
  el.setAttribute('src', feed);
  // The same first view as the plain pages (the element would otherwise fit its points, nearly the same box).
  el.setAttribute('bounds', US_BOUNDS.flat().join(','));
  el.setAttribute('now', NOW);
  // The 100k-event feed is ~56 MB of JSON, over the loader's default 32 MB cap.
  el.setAttribute('max-bytes', String(256 * 1024 * 1024));
  return el;
}

/** An event title: "<kind> <cause> — <city>" (bench/lib/feeds.mjs). */
const TITLE = new RegExp(`(${KIND_NAMES.join('|')}) .* \u2014 `);

/**
 * Is the first item of the element's list (its public `part="event"`) laid out in the viewport, with a title from
 * the feed? One query per frame: a walk over the whole shadow tree cost hundreds of ms at 10k events.
 */
function firstItemVisible(el) {
  const item = el.shadowRoot?.querySelector('[part~="event"]');
  if (!item || !TITLE.test(item.textContent ?? '')) return false;
  const r = item.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0;
}

/**
 * Watches every frame for the whole feed in the list: its list pane (`part="list"`) holds events and is no longer
 * `aria-busy` (while a large feed downloads, it lists its first events, busy). Resolves at that frame.
 */
function watchListed(el) {
  return new Promise((resolve) => {
    const tick = () => {
      const list = el.shadowRoot?.querySelector('[part="list"]');
      if (list?.getAttribute('aria-busy') === 'false' && list.querySelector('[part~="event"]')) {
        window.__bench.listed ??= performance.now();
        resolve();
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Watches every frame for the first visible event, until found (or the map is ready). */
function watchFirstVisible(el) {
  const tick = () => {
    if (window.__bench.first || window.__bench.ready) return;
    if (firstItemVisible(el)) firstVisible();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The size of the map's canvas (CSS px), for the plain pages to draw a map of the same size. */
function mapBox(root) {
  const canvas = root.querySelector('canvas');
  if (canvas) {
    const r = canvas.getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  }
  for (const el of root.querySelectorAll('*')) {
    const box = el.shadowRoot && mapBox(el.shadowRoot);
    if (box) return box;
  }
  return null;
}

let current = null;

/** Mounts a new element and resolves when its map is ready. */
function mount() {
  return new Promise((resolve, reject) => {
    const el = create();
    const onReady = (e) => {
      if (!(e.detail?.events > 0)) return;
      el.removeEventListener('turnout-map-ready', onReady);
      resolve();
    };
    el.addEventListener('turnout-map-ready', onReady);
    el.addEventListener('turnout-feed-error', (e) => reject(new Error(`feed error: ${JSON.stringify(e.detail)}`)), { once: true });
    current = el;
    document.body.append(el);
  });
}

try {
  window.__bench.bundleStart = performance.now();
  await import(/* @vite-ignore */ bundle);
  await customElements.whenDefined('event-map');
  if (params.get('mode') === 'cycles') {
    window.__mount = mount;
    window.__unmount = () => {
      current?.remove();
      current = null;
    };
    window.__benchReady({ cycles: true });
  } else if (params.get('mode') === 'fold') {
    const spacer = document.createElement('div');
    spacer.style.blockSize = '3000px';
    const el = create();
    el.addEventListener(
      'turnout-feed-load',
      () => setTimeout(() => window.__benchReady({ fold: true, mapReady: el.matches(':state(ready)') }), 1500),
      { once: true },
    );
    el.addEventListener('turnout-feed-error', (e) => fail(`feed error: ${JSON.stringify(e.detail)}`), { once: true });
    document.body.append(spacer, el);
  } else {
    const el = create();
    // The map may settle before the feed is in (no events yet): the run ends at the first ready with events on it.
    const onReady = (e) => {
      window.__bench.readyEvents = (window.__bench.readyEvents ?? 0) + 1;
      if (!(e.detail?.events > 0)) return;
      el.removeEventListener('turnout-map-ready', onReady);
      // The events drawn, counted as the plain MapLibre page counts them (clusters by size; all are in view) from
      // the element's map (not public API), so that a map "ready" without its points shows in the figures.
      let drawn = 0;
      const map = el.mapView?.map;
      for (const f of map?.queryRenderedFeatures({ layers: ['clusters', 'points', 'points-approximate'] }) ?? []) {
        drawn += f.properties.point_count ?? 1;
      }
      // The run ends once the whole feed is listed too (the map is often ready first at 100k).
      ready({ mapEvents: drawn, announced: e.detail.events }, listed);
      // Measured after the ready mark (it forces a layout); the result leaves the page 150 ms later.
      window.__bench.mapBox = el.shadowRoot && mapBox(el.shadowRoot);
    };
    el.addEventListener('turnout-map-ready', onReady);
    el.addEventListener('turnout-feed-error', (e) => fail(`feed error: ${JSON.stringify(e.detail)}`), { once: true });
    watchFirstVisible(el);
    const listed = watchListed(el);
    start();
    document.body.append(el);
  }
} catch (e) {
  fail(e);
}
