/// <reference lib="webworker" />
/**
 * Module worker that parses large feed bodies off the main thread (see parse-client.ts). It loads the same
 * parse module as the main thread, so the result is identical.
 *
 * The answer goes back in pieces: the events in slices of EVENT_SLICE, then the rest of the feed. Each message is
 * copied into the page in a task of its own, so taking in 10k events never blocks the page for long in one go.
 * A `warm` message only loads the parser, so that the worker is ready by the time a large body has arrived.
 */
import { decode } from './decode.js';
import { feedHead } from './feed-head.js';
import type { MapPoints, ParseRequest, ParseResponse } from './parse-client.js';
import type { TurnoutEvent } from './types.js';
import { eventEnd } from '../shared/event-info.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Events per message back to the page (a few ms to take in, even on a slow phone). */
const EVENT_SLICE = 1000;

let parser: Promise<typeof import('./parse.js')> | undefined;

scope.addEventListener('message', async (e: MessageEvent<ParseRequest>) => {
  const request = e.data;
  parser ??= import('./parse.js');
  // A failed import is not kept: the next job tries again.
  parser.catch(() => (parser = undefined));
  if (!('input' in request)) return;
  const { id, input, charset, options, head, points: wanted } = request;
  let parseFeed: typeof import('./parse.js').parseFeed;
  try {
    ({ parseFeed } = await parser);
  } catch (err) {
    scope.postMessage({ id, unavailable: String(err) } satisfies ParseResponse);
    return;
  }
  let data: ReturnType<typeof parseFeed>;
  try {
    let text: string | null = typeof input === 'string' ? input : decode(input, charset);
    // The first events of a body still downloading: none when its beginning does not show them.
    if (head) text = feedHead(text, head);
    if (text === null) {
      scope.postMessage({ id, unavailable: 'no events at the head of the body' } satisfies ParseResponse);
      return;
    }
    data = parseFeed(text, options);
  } catch (err) {
    const { code = 'parse', message = String(err), status } = err as { code?: string; message?: string; status?: number };
    scope.postMessage({ id, error: { code: typeof code === 'string' ? code : 'parse', message, status } } satisfies ParseResponse);
    return;
  }
  const { events } = data;
  // A whole large feed, with a map on the page: its points first, as GeoJSON text that MapLibre's own worker can
  // fetch and read (see mapPoints), while the page still takes in the events.
  if (wanted && !head && !data.nextPage && events.length > EVENT_SLICE * 2) {
    const points = mapPoints(events);
    if (points) {
      scope.postMessage({ id, points } satisfies ParseResponse, [points.coords.buffer, points.ids.buffer, points.ends.buffer]);
    }
  }
  for (let i = 0; i < events.length; i += EVENT_SLICE) {
    scope.postMessage({ id, events: events.slice(i, i + EVENT_SLICE) } satisfies ParseResponse);
  }
  scope.postMessage({ id, data: { ...data, events: [] } } satisfies ParseResponse);
});

/**
 * The events a map draws at an exact point, packed for MapLibre's worker to read (see map-view.ts, the points
 * protocol): their coordinates as numbers and their ids as one JSON array (no GeoJSON text to write here and parse
 * there), with each one's end time so that the page can tell whether any has already ended. Events placed only by
 * their town (approximate) are counted, not drawn: their town centres are found in the page.
 */
function mapPoints(events: TurnoutEvent[]): MapPoints | undefined {
  const coords = new Float64Array(events.length * 2);
  const ends = new Float64Array(events.length);
  const ids: string[] = [];
  let approximate = 0;
  for (const event of events) {
    const { precision, lat, lng } = event.location;
    if (precision === 'approximate') approximate++;
    if (precision !== 'exact' || !Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    coords[ids.length * 2] = lng!;
    coords[ids.length * 2 + 1] = lat!;
    ends[ids.length] = eventEnd(event);
    ids.push(event.id);
  }
  const count = ids.length;
  if (!count) return undefined;
  return {
    coords: coords.slice(0, count * 2),
    ids: new TextEncoder().encode(JSON.stringify(ids)),
    ends: ends.slice(0, count),
    count,
    approximate,
  };
}
