/**
 * The events of a feed as <event-map> lists, filters and places them (see Entry), computed once per feed and
 * shared by every element showing it. A lazy chunk of its own, loaded when the element connects (alongside the
 * feed's download), so that the entry bundle stays within its budget.
 */
import type { MapPoints } from '../../feed/parse-client.js';
import { feedPreviews, wantPoints, type FeedPoints, type FeedPreview } from '../../feed/previews.js';
import type { FeedData, TurnoutEvent } from '../../feed/types.js';
import type { LngLat } from '../../geo/types.js';
import { eventDayKey, eventEnd, foldText, formatPlace } from '../../shared/format.js';

// The filters' row comes with this chunk: it is drawn only once the events are prepared.
export { renderFilterRow, type Filter, type FilterHost } from './filters.js';

/** An event with what filtering, placing and listing need, computed once per feed. */
export interface Entry {
  event: TurnoutEvent;
  /** Position in the prepared list (stable ids for the DOM). */
  index: number;
  /** The day it starts on in its own zone ("2026-01-31"). */
  day: string;
  /** Online only: no place, listed in the "Online" section, never on the map. */
  online: boolean;
  host: string;
  tags: string[];
  end: number;
  /** Where it is drawn: the venue (exact), or its locality's centre (approximate). Unknown: not on the map. */
  at?: LngLat;
  approximate: boolean;
  /** "Minneapolis, MN": names clusters and groups. */
  locality: string;
}

export interface Prepared {
  entries: Entry[];
  byId: Map<string, Entry>;
  /** One position per locality, to name clusters ("12 events near Minneapolis"). */
  localities: { name: string; at: LngLat }[];
  /** Resolves once every approximate place has its locality centre (or is known to have none). */
  placed: Promise<void>;
  done: boolean;
}

/** Feeds with more events than this are prepared in slices, over several tasks. */
const SLICE_ABOVE = 2000;

const prepared = new WeakMap<FeedData, Prepared>();
const localityKey = (e: TurnoutEvent) =>
  [e.location.locality, e.location.region, e.location.postalCode, e.location.country].map((p) => p ?? '').join('|');

/** An event's entry; approximate places are queued in `pending` (by locality) to get their locality's centre. */
function entryOf(event: TurnoutEvent, pending: Map<string, Entry[]>): Entry {
  const loc = event.location;
  const hasPlace = loc.precision !== 'none';
  const entry: Entry = {
    event,
    index: 0,
    day: eventDayKey(event),
    online: event.online && !hasPlace && !formatPlace(loc),
    host: foldText(event.host ?? ''),
    tags: event.tags.map(foldText),
    end: eventEnd(event),
    approximate: loc.precision === 'approximate',
    locality: [loc.locality, loc.region].filter(Boolean).join(', ') || loc.postalCode || '',
  };
  if (loc.precision === 'exact' && loc.lat !== undefined && loc.lng !== undefined) entry.at = [loc.lng, loc.lat];
  else if (loc.precision === 'approximate') {
    const key = localityKey(event);
    const list = pending.get(key);
    if (list) list.push(entry);
    else pending.set(key, [entry]);
  }
  return entry;
}

/**
 * Entries for a feed, with exact places at once; approximate places (private addresses, places known by their
 * town or ZIP only) get their locality's centre from src/geo/locality.ts, never a point the feed may carry.
 */
export function prepare(data: FeedData): Prepared {
  let p = prepared.get(data);
  if (p) return p;
  const pending = new Map<string, Entry[]>();
  p = finishPrepare(data.events.map((event) => entryOf(event, pending)), pending);
  prepared.set(data, p);
  return p;
}

/** Events per task when a big feed is prepared in slices (some 10-30 ms of work each). */
const PREPARE_SLICE = 1500;

/**
 * Ends the current task. With scheduler.yield() the next slice goes ahead of other waiting tasks (the list is what
 * the visitor waits for) while rendering and input still get their turn; elsewhere, a plain new task.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
const preparing = new WeakMap<FeedData, Promise<Prepared>>();

/**
 * prepare() for a big feed, in slices of PREPARE_SLICE events with a task boundary between them, so that neither
 * this nor the page's other work makes a long block of the main thread. Shared by the elements showing the feed.
 */
function prepareInSlices(data: FeedData): Promise<Prepared> {
  let promise = preparing.get(data);
  if (promise) return promise;
  promise = (async () => {
    const pending = new Map<string, Entry[]>();
    const entries: Entry[] = [];
    const { events } = data;
    for (let i = 0; i < events.length; i += PREPARE_SLICE) {
      await nextTask();
      const end = Math.min(events.length, i + PREPARE_SLICE);
      const run: Entry[] = [];
      for (let k = i; k < end; k++) run.push(entryOf(events[k], pending));
      // Each slice sorted here: the final sort (finishPrepare) then merges sorted runs, a fraction of the work.
      entries.push(...run.sort(byDayAndStart));
    }
    await nextTask();
    let p = prepared.get(data);
    if (!p) prepared.set(data, (p = finishPrepare(entries, pending)));
    return p;
  })();
  preparing.set(data, promise);
  return promise;
}

/** The list's order: by the day events start on (in their own zone), then by start. */
const byDayAndStart = (a: Entry, b: Entry) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.event.start - b.event.start);

function finishPrepare(entries: Entry[], pending: Map<string, Entry[]>): Prepared {
  entries.sort(byDayAndStart);
  entries.forEach((e, i) => (e.index = i));
  const byId = new Map(entries.map((e) => [e.event.id, e]));
  const result: Prepared = { entries, byId, localities: [], placed: Promise.resolve(), done: !pending.size };
  const collectLocalities = () => {
    const seen = new Map<string, LngLat>();
    for (const e of entries) if (e.at && e.locality && !seen.has(e.locality)) seen.set(e.locality, e.at);
    result.localities = [...seen].map(([name, at]) => ({ name, at }));
  };
  collectLocalities();
  if (pending.size) {
    result.placed = import('../../geo/locality.js')
      .then(async ({ localityCentre }) => {
        await Promise.all(
          [...pending.values()].map(async (list) => {
            let at: LngLat | null = null;
            try {
              at = await localityCentre(list[0].event.location);
            } catch {
              at = null;
            }
            if (at) for (const e of list) e.at = [at[0], at[1]];
          }),
        );
      })
      .catch(() => undefined)
      .then(() => {
        result.done = true;
        collectLocalities();
      });
  }
  return result;
}

/** The feed's entries: at once for a small feed, in slices (over several tasks) for a big one. */
export function prepareFeed(data: FeedData): Promise<Prepared> {
  return data.events.length > SLICE_ABOVE ? prepareInSlices(data) : Promise.resolve(prepare(data));
}

/** The feed's entries if they are ready, or made now if the feed is small; else undefined (use prepareFeed). */
export function preparedNow(data: FeedData): Prepared | undefined {
  return prepared.get(data) ?? (data.events.length > SLICE_ABOVE ? undefined : prepare(data));
}

/** What watchPreview() needs of the element: its feed's address and parse options. */
interface PreviewHost {
  src?: string;
  format?: string;
  timeZone?: string;
}

/**
 * Calls `then` with the first events of the host's feed when a large one announces them while it downloads, and
 * `drawn` with its map points once they are parsed (src/feed/previews.ts): same address, same parse options.
 * Returns the function that stops listening.
 */
export function watchPreview(
  host: PreviewHost,
  then: (data: FeedData) => void,
  drawn: (points: MapPoints) => void,
): () => void {
  const ours = ({ href, options }: FeedPreview | FeedPoints) => {
    if ((options.format ?? '') !== (host.format || '') || (options.timeZone ?? '') !== (host.timeZone || '')) return false;
    let own = '';
    try {
      own = new URL(host.src?.trim() ?? '', location.href).href;
    } catch {
      // Not a usable address: the feed's own error says so.
    }
    return !!host.src && href === own;
  };
  const onPreview = (e: Event) => {
    const { detail } = e as CustomEvent<FeedPreview>;
    if (ours(detail)) then(detail.data);
  };
  const onPoints = (e: Event) => {
    const { detail } = e as CustomEvent<FeedPoints>;
    if (ours(detail)) drawn(detail.points);
  };
  const target = feedPreviews();
  target.addEventListener('preview', onPreview);
  target.addEventListener('points', onPoints);
  const unwant = wantPoints();
  return () => {
    target.removeEventListener('preview', onPreview);
    target.removeEventListener('points', onPoints);
    unwant();
  };
}

/**
 * A blob: URL of a large feed's packed map points (src/feed/parse-worker.ts, mapPoints), for MapLibre's worker to read
 * while this thread still takes in the events, when they are exactly what the map is to draw: the element narrows
 * nothing (the caller checks), no event is placed by its town only (those wait for their town's centre), and none
 * has ended (unless past events are shown). Else undefined: the points come the usual way, once the feed is in.
 */
export function pointsUrl(points: MapPoints, now: number, showPast: boolean): string | undefined {
  if (points.approximate || (!showPast && points.ends.some((end) => end < now))) return undefined;
  // The points protocol's format (map-view.ts): the count, the coordinates, then the ids.
  const parts = [Float64Array.of(points.count), points.coords, points.ids] as BlobPart[];
  return URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
}
