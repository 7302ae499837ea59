// What every benchmark page shares: its parameters, the start mark, and the hand-over of its results to
// scripts/bench-map.mjs. The long-task observer itself runs earlier, from the inline script that
// bench/vite.config.mjs puts at the top of every page (it must see tasks that happen before this module loads).

export const params = new URLSearchParams(location.search);
/** Events in the feed (for the record; the page reads `feed`). */
export const size = Number(params.get('n') ?? 0);
/** The feed's URL on the bench server. */
export const feed = params.get('feed') ?? '';
/** Map size in CSS pixels (the same for the two plain pages; the element lays itself out). */
export const mapWidth = Number(params.get('w') ?? 1000);
export const mapHeight = Number(params.get('h') ?? 650);

/** The US in view when a map opens: the same box for every contender (lng/lat, south-west then north-east). */
export const US_BOUNDS = [
  [-125, 24.5],
  [-66.5, 49.5],
];

/** Marks the start of the measured part (performance.now() ms). */
export function start() {
  window.__bench.t0 = performance.now();
}

/** Marks the moment the first events are visible (pages with a list). */
export function firstVisible() {
  window.__bench.first ??= performance.now();
}

/**
 * The map is drawn and idle: hand the timings over (after the long tasks still in flight are reported), once
 * `until` (if given) has resolved too.
 */
export function ready(extra = {}, until = undefined) {
  const b = window.__bench;
  if (b.ready) return;
  b.ready = performance.now();
  Object.assign(b, extra);
  if (until) void until.then(() => window.__benchReady(b));
  else window.__benchReady(b);
}

/** The page cannot finish: report why instead of timing out. */
export function fail(error) {
  window.__benchReady({ ...window.__bench, error: String(error?.stack ?? error) });
}

window.addEventListener('error', (e) => fail(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => fail(e.reason));

/** A container of the map's size at the top left of the page. */
export function mapContainer() {
  const div = document.createElement('div');
  div.id = 'map';
  div.style.cssText = `position:absolute;inset-block-start:0;inset-inline-start:0;inline-size:${mapWidth}px;block-size:${mapHeight}px`;
  document.body.append(div);
  return div;
}
