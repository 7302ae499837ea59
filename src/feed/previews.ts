/**
 * First events of large feeds, announced while the rest still downloads (see feed-head.ts and parse-in-worker.ts).
 * One EventTarget per page, shared by every Turnout bundle on it (like the feed cache in load.ts): a widget
 * listens for `preview` events whose `href` is its feed's, and shows `data` until the whole feed is in; a map also
 * for `points`.
 */
import type { MapPoints } from './parse-client.js';
import type { FeedData, ParseOptions } from './types.js';

export interface FeedPreview {
  /** The feed's URL, resolved (as FeedData.url). */
  href: string;
  /** The first events of the feed, parsed with `options`; the rest of the feed (campaign…) may be missing. */
  data: FeedData;
  options: ParseOptions;
}

/**
 * A large feed's map points, announced (`points`) as soon as the worker has them (a native feed's once its JSON is
 * parsed) and before the page has taken in its events: a map may draw them at once (see parse-worker.ts).
 */
export interface FeedPoints {
  /** The feed's URL (the parse's base URL: the loader's href). */
  href: string;
  points: MapPoints;
  options: ParseOptions;
}

const KEY = Symbol.for('turnout.feed-previews.v1');

/** The page's target for `CustomEvent<FeedPreview>('preview')` and `CustomEvent<FeedPoints>('points')`. */
export function feedPreviews(): EventTarget {
  const g = globalThis as unknown as Record<symbol, EventTarget | undefined>;
  return (g[KEY] ??= new EventTarget());
}

const WANTED = Symbol.for('turnout.feed-points.v1');

/**
 * A map on the page wants the points of large feeds (see FeedPoints): until one does, the parse worker does not
 * write them (an <event-list> alone has no use for them). Returns the function that withdraws the wish.
 */
export function wantPoints(): () => void {
  const g = globalThis as unknown as Record<symbol, number | undefined>;
  g[WANTED] = (g[WANTED] ?? 0) + 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    g[WANTED] = (g[WANTED] ?? 1) - 1;
  };
}

/** Does any map on the page want the points of large feeds? */
export function pointsWanted(): boolean {
  return ((globalThis as unknown as Record<symbol, number | undefined>)[WANTED] ?? 0) > 0;
}
