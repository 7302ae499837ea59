/// <reference lib="webworker" />
/**
 * Module worker that parses large feed bodies off the main thread (see parse-client.ts). It runs the same parser
 * as the main thread (parse-core.ts; the CSV reader loaded only for a CSV body), so the result is identical. It is
 * started while a large body still downloads, and has loaded by the time the body has arrived.
 *
 * The answer goes back in pieces: the events in slices of EVENT_SLICE, then the rest of the feed. Each message is
 * copied into the page in a task of its own, so taking in 10k events never blocks the page for long in one go; and
 * at most IN_FLIGHT slices wait there at a time (see sendEvents).
 */
import { decode } from './decode.js';
import { bodyJson, earlyPoints, parseFeedWith, type CsvReader } from './parse-core.js';
import { feedHead } from './feed-head.js';
import type { MapPoints, ParseRequest, ParseResponse, TakenIn } from './parse-client.js';
import type { FeedData, TurnoutEvent } from './types.js';
import type { AddPoint } from './adapters/turnout.js';
import { eventEnd } from '../shared/event-info.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Events per message back to the page (a few ms to take in, even on a slow phone). */
const EVENT_SLICE = 1000;

/** Slices posted to the page and not yet taken in, per job: at most IN_FLIGHT (see sendEvents). */
const IN_FLIGHT = 2;
const credits = new Map<number, { left: number; wake?: () => void }>();

scope.addEventListener('message', async (e: MessageEvent<ParseRequest | TakenIn>) => {
  if ('taken' in e.data) {
    const credit = credits.get(e.data.id);
    if (credit) {
      credit.left++;
      credit.wake?.();
    }
    return;
  }
  const { id, input, charset, options, head, points: wanted } = e.data;
  let data: FeedData;
  // A whole large feed, with a map on the page: its points go first (packed, see packPoints), for MapLibre's own
  // worker to read while this one normalizes the events and the page takes them in. A native feed's points are read
  // from its JSON before its events are normalized (earlyPoints); other formats' from the normalized events.
  let pointsSent = false;
  const sendPoints = (points: MapPoints | undefined) => {
    if (!points) return;
    pointsSent = true;
    scope.postMessage({ id, points } satisfies ParseResponse, [points.coords.buffer, points.ids.buffer, points.ends.buffer]);
  };
  try {
    let text: string | null = typeof input === 'string' ? input : decode(input, charset);
    // The first events of a body still downloading: none when its beginning does not show them.
    if (head) text = feedHead(text, head);
    if (text === null) {
      scope.postMessage({ id, unavailable: 'no events at the head of the body' } satisfies ParseResponse);
      return;
    }
    const json = bodyJson(text, options);
    let csv: CsvReader | undefined;
    if (json === undefined) {
      // The CSV reader (papaparse) is a chunk of its own, loaded only for a CSV body.
      csv = await import('./adapters/csv.js').then((m) => m.adaptCsv, () => undefined);
      if (!csv) return void scope.postMessage({ id, unavailable: 'the CSV reader could not be loaded' } satisfies ParseResponse);
    }
    const records = (json as { events?: unknown } | undefined)?.events;
    if (wanted && !head && Array.isArray(records) && records.length > EVENT_SLICE * 2) {
      sendPoints(packPoints(records.length, (add) => earlyPoints(json, options, add)?.approximate));
    }
    data = parseFeedWith(json ?? text, options, csv);
  } catch (err) {
    const { code = 'parse', message = String(err), status } = err as { code?: string; message?: string; status?: number };
    scope.postMessage({ id, error: { code: typeof code === 'string' ? code : 'parse', message, status } } satisfies ParseResponse);
    return;
  }
  const { events } = data;
  if (wanted && !head && !pointsSent && !data.nextPage && events.length > EVENT_SLICE * 2) sendPoints(mapPoints(events));
  await sendEvents(id, events);
  scope.postMessage({ id, data: { ...data, events: [] } } satisfies ParseResponse);
});

/**
 * Posts the events in slices, no more than IN_FLIGHT ahead of the page taking them in (it answers each one with
 * `taken`). Messages from all of a page's workers wait in one queue: 100 slices posted at once (a 100k-event feed)
 * kept MapLibre's worker's answers (its clustered points, its tiles) waiting behind them for ~0.5 s, while the map
 * had its points long before (measured: map ready 0.84x of that, the full list 1.06x; docs/benchmarks.md).
 */
async function sendEvents(id: number, events: TurnoutEvent[]): Promise<void> {
  const credit: { left: number; wake?: () => void } = { left: IN_FLIGHT };
  credits.set(id, credit);
  try {
    for (let i = 0; i < events.length; i += EVENT_SLICE) {
      while (credit.left <= 0) await new Promise<void>((resolve) => (credit.wake = resolve));
      credit.left--;
      scope.postMessage({ id, events: events.slice(i, i + EVENT_SLICE) } satisfies ParseResponse);
    }
  } finally {
    credits.delete(id);
  }
}

/**
 * Points for a map, packed for MapLibre's worker to read (see map-view.ts, the points protocol): their coordinates
 * as numbers and their event ids as one JSON array (no GeoJSON text to write here and parse there), with each one's
 * end time so that the page can tell whether any has already ended. `fill` adds at most `size` points and returns
 * how many events are placed only by their town (drawn once the page has found their town centres), or undefined
 * when it cannot tell the points.
 */
function packPoints(size: number, fill: (add: AddPoint) => number | undefined): MapPoints | undefined {
  const coords = new Float64Array(size * 2);
  const ends = new Float64Array(size);
  const ids: string[] = [];
  const approximate = fill((id, lng, lat, end) => {
    coords[ids.length * 2] = lng;
    coords[ids.length * 2 + 1] = lat;
    ends[ids.length] = end;
    ids.push(id);
  });
  const count = ids.length;
  if (approximate === undefined || !count) return undefined;
  return {
    coords: coords.slice(0, count * 2),
    ids: new TextEncoder().encode(JSON.stringify(ids)),
    ends: ends.slice(0, count),
    count,
    approximate,
  };
}

/** The normalized events a map draws at an exact point (online too: a place makes them drawn, see prepare.ts). */
function mapPoints(events: TurnoutEvent[]): MapPoints | undefined {
  return packPoints(events.length, (add) => {
    let approximate = 0;
    for (const event of events) {
      const { precision, lat, lng } = event.location;
      if (precision === 'approximate') approximate++;
      if (precision === 'exact' && Number.isFinite(lat) && Number.isFinite(lng)) {
        add(event.id, lng!, lat!, eventEnd(event));
      }
    }
    return approximate;
  });
}
