/**
 * Runs parseFeed on the main thread for small inputs and in a module Web Worker for large bodies, so a
 * 10k-event feed does not freeze the page. The result is the same either way. When a worker cannot start (a
 * Content-Security-Policy without worker-src, a bundle served from another origin), parsing falls back to the
 * main thread.
 */
import { decode } from './decode.js';
import { FeedError } from './errors.js';
import type { FeedData, ParseOptions } from './types.js';

/** Bodies larger than this many bytes are parsed in a worker. */
export const WORKER_THRESHOLD = 1.5 * 1024 * 1024;

/** Messages between this module and parse-worker.ts. */
export interface ParseRequest {
  id: number;
  input: Uint8Array | string;
  charset?: string;
  options: ParseOptions;
}
export type ParseResponse =
  | { id: number; data: FeedData }
  | { id: number; error: { code: string; message: string; status?: number } }
  | { id: number; unavailable: string };

const settings = { worker: true };

/** Turns the worker off or on (tests; a page that wants everything on the main thread). Starts afresh. */
export function useParseWorker(on: boolean): void {
  settings.worker = on;
  stopWorker();
}

/** Parses a body (bytes or text) or feed content given by script (an object). */
export async function parseBody(input: unknown, options: ParseOptions, charset?: string): Promise<FeedData> {
  const size = input instanceof Uint8Array ? input.byteLength : typeof input === 'string' ? input.length : 0;
  if (size > WORKER_THRESHOLD && settings.worker) {
    const data = await parseInWorker(input as Uint8Array | string, options, charset);
    if (data) return data;
  }
  const { parseFeed } = await importParser();
  return parseFeed(input instanceof Uint8Array ? decode(input, charset) : input, options);
}

/** The parser is loaded on first use, so an element's first bytes stay small. */
export async function importParser(): Promise<typeof import('./parse.js')> {
  try {
    return await import('./parse.js');
  } catch (e) {
    throw new FeedError('network', `The feed reader could not be loaded: ${String(e)}`);
  }
}

let worker: Worker | null | undefined;
let shimUrl: string | undefined;
let nextId = 1;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, { resolve: (data: FeedData | null) => void; reject: (e: FeedError) => void }>();

/** Resolves with the parsed data, or null when no worker could do it (the caller then parses here). */
function parseInWorker(input: Uint8Array | string, options: ParseOptions, charset?: string): Promise<FeedData | null> {
  const w = getWorker();
  if (!w) return Promise.resolve(null);
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // The bytes are copied, not transferred: a response may be shared by several loads.
    w.postMessage({ id, input, charset, options } satisfies ParseRequest);
  });
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof globalThis.Worker === 'undefined') return (worker = null);
  // Written as bundlers expect (`new Worker(new URL('./x.js', import.meta.url), ...)`), so that Vite bundles the
  // worker and rewrites its URL; the local `Worker` receives that URL and can fall back to a blob: shim.
  const Worker = WorkerStarter;
  worker = new Worker(new URL('./parse-worker.js', import.meta.url), { type: 'module', name: 'turnout-parse' }).worker;
  if (!worker) return null;
  worker.addEventListener('message', (e: MessageEvent<ParseResponse>) => {
    const job = pending.get(e.data.id);
    if (!job) return;
    pending.delete(e.data.id);
    if ('data' in e.data) job.resolve(e.data.data);
    else if ('error' in e.data) {
      const { code, message, status } = e.data.error;
      job.reject(new FeedError(code as FeedError['code'], message, status));
    } else job.resolve(null);
    if (pending.size === 0) idleTimer = setTimeout(stopWorker, 15_000);
  });
  // A worker that fails to load (blocked, missing file) never answers: give every job back to the main thread.
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    stopWorker();
    worker = null;
  });
  return worker;
}

/** Starts a worker from its URL, or else through the cross-origin shim; `worker` is null when neither may start. */
class WorkerStarter {
  readonly worker: Worker | null;
  constructor(url: URL, options: WorkerOptions) {
    this.worker = tryWorker(url, options) ?? tryWorker(crossOriginShim(url), options);
  }
}

function tryWorker(url: URL | string | undefined, options: WorkerOptions): Worker | null {
  if (!url) return null;
  try {
    return new globalThis.Worker(url, options);
  } catch {
    return null;
  }
}

/**
 * A page may not start a worker from another origin (a bundle served by a CDN), but a worker of its own may
 * import one: a one-line module worker from a blob: URL that imports the real worker script (CORS applies, and
 * CDNs allow it). A CSP without blob: in worker-src blocks this too; then parsing stays on the main thread.
 */
function crossOriginShim(url: URL): string | undefined {
  if (typeof URL.createObjectURL !== 'function') return undefined;
  shimUrl = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  return shimUrl;
}

function stopWorker(): void {
  clearTimeout(idleTimer);
  if (shimUrl) URL.revokeObjectURL(shimUrl);
  shimUrl = undefined;
  worker?.terminate();
  worker = undefined;
  for (const job of pending.values()) job.resolve(null);
  pending.clear();
}
