/**
 * Runs parseFeed on the main thread for small inputs and in a module Web Worker for large bodies, so a
 * 10k-event feed does not freeze the page. The result is the same either way. When a worker cannot start (a
 * Content-Security-Policy without worker-src, a bundle served from another origin), parsing falls back to the
 * main thread. The parser and the worker client (parse-in-worker.ts) are both loaded on first use, so an
 * element's first bytes stay small.
 */
import { decode } from './decode.js';
import { FeedError } from './errors.js';
import type { FeedData, ParseOptions, TurnoutEvent } from './types.js';

/** Bodies larger than this many bytes are parsed in a worker. */
export const WORKER_THRESHOLD = 1.5 * 1024 * 1024;

/** Bodies growing past this many bytes start the worker while the rest is still downloading. */
export const WARM_THRESHOLD = 512 * 1024;

/** A Content-Length over this starts the worker at once; the first events are then read at HEAD_BYTES. */
export const LARGE_LENGTH = 256 * 1024;
export const HEAD_BYTES = 128 * 1024;

/** A job for parse-worker.ts. */
export interface ParseRequest {
  id: number;
  input: Uint8Array | string;
  charset?: string;
  options: ParseOptions;
  /** Only the first `head` events of a body still downloading (see feed-head.ts). */
  head?: number;
  /** A map on the page wants a large feed's points (see previews.ts, wantPoints). */
  points?: boolean;
}

/** A large feed's exactly placed events, packed for a map (see parse-worker.ts, mapPoints). */
export interface MapPoints {
  /** Longitude, latitude of each point, one after the other. */
  coords: Float64Array;
  /** UTF-8 JSON array of the points' event ids, in the same order. */
  ids: Uint8Array;
  /** Each point's end time (ms), in the same order. */
  ends: Float64Array;
  count: number;
  /** Events placed only by their town (not among the points). */
  approximate: number;
}

/** The page's answer to each slice of events it has taken in (see parse-worker.ts, sendEvents). */
export interface TakenIn {
  id: number;
  taken: true;
}

/** The answer to a job: its map points, its events in slices (`events`), then the feed itself, or an error, or "cannot". */
export type ParseResponse =
  | { id: number; points: MapPoints }
  | { id: number; events: TurnoutEvent[] }
  | { id: number; data: FeedData }
  | { id: number; error: { code: string; message: string; status?: number } }
  | { id: number; unavailable: string };

let useWorker = true;
type WorkerClient = typeof import('./parse-in-worker.js');
let workerClient: WorkerClient | undefined;

/** Turns the worker off or on (tests; a page that wants everything on the main thread). Starts afresh. */
export function useParseWorker(on: boolean): void {
  useWorker = on;
  workerClient?.stopWorker();
}

/**
 * A body being downloaded has grown large (load.ts calls this once it passes WARM_THRESHOLD): start the worker
 * and load its parser now, so that its start-up overlaps the rest of the download instead of following it.
 * With `head` (the bytes so far), the worker also reads the first events from them, for widgets to show at once
 * (see parse-in-worker.ts, previewFeed).
 */
export function expectLargeBody(head?: Uint8Array[], href?: string, options?: ParseOptions, charset?: string): void {
  if (!useWorker || typeof globalThis.Worker === 'undefined') return;
  const warm = () => workerClient?.warmWorker(head, href, options, charset);
  // The body may be complete before the worker client has loaded: parseBody() then sends this first.
  warmFirst = warm;
  void import('./parse-in-worker.js').then(
    (client) => {
      workerClient ??= client;
      if (useWorker && warmFirst === warm) sendWarm();
    },
    () => undefined,
  );
}

let warmFirst: (() => void) | undefined;
function sendWarm(): void {
  const warm = warmFirst;
  warmFirst = undefined;
  warm?.();
}

/** Parses a body (bytes or text) or feed content given by script (an object); `large`: in the worker started for it. */
export async function parseBody(input: unknown, options: ParseOptions, charset?: string, large?: boolean): Promise<FeedData> {
  const size = input instanceof Uint8Array ? input.byteLength : typeof input === 'string' ? input.length : 0;
  if ((size > WORKER_THRESHOLD || large) && useWorker) {
    // If even the worker client cannot be loaded, the main thread tries (and says so if the parser cannot load).
    workerClient ??= await import('./parse-in-worker.js').catch(() => undefined);
    sendWarm();
    const data = await workerClient?.parseInWorker(input as Uint8Array | string, options, charset);
    if (data) return data;
  }
  const { bodyJson, parseFeedWith } = await importParser();
  const body = input instanceof Uint8Array ? decode(input, charset) : input;
  // The CSV reader (papaparse) is a chunk of its own, loaded only for a CSV body.
  const json = typeof body === 'string' ? bodyJson(body, options) : body;
  const csv = typeof body === 'string' && json === undefined ? await importParser(() => import('./adapters/csv.js')) : undefined;
  return parseFeedWith(json ?? body, options, csv?.adaptCsv);
}

/**
 * The parser (parse-core.ts; parseFeed and the feed tool use parse.ts, which adds the CSV reader), or another part
 * of it, loaded on first use.
 */
export async function importParser<T = typeof import('./parse-core.js')>(
  load: () => Promise<T> = () => import('./parse-core.js') as Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (e) {
    throw new FeedError('network', `The feed reader could not be loaded: ${String(e)}`);
  }
}
