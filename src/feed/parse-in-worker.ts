/**
 * The worker side of parse-client.ts, loaded only when a body is large enough to be parsed off the main thread:
 * starts the module worker (parse-worker.ts), sends it bodies and turns its answers back into FeedData or
 * FeedError. When no worker can start or one fails, jobs resolve with null and the caller parses on the main
 * thread instead.
 */
import { joinBytes } from './decode.js';
import { FeedError } from './errors.js';
import type { ParseRequest, ParseResponse, TakenIn } from './parse-client.js';
import { feedPreviews, pointsWanted, type FeedPoints, type FeedPreview } from './previews.js';
import type { FeedData, ParseOptions, TurnoutEvent } from './types.js';

/** Events read from the head of a large body for widgets to show first (a screenful or two). */
const PREVIEW_EVENTS = 100;

let worker: Worker | null | undefined;
let shimUrl: string | undefined;
let nextId = 1;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<
  number,
  {
    resolve: (data: FeedData | null) => void;
    reject: (e: FeedError) => void;
    events: TurnoutEvent[][];
    options: ParseOptions;
  }
>();

/**
 * Starts the worker (which loads the parser with it), ahead of a large body still downloading. Given the body's first
 * bytes (`head`), it also reads the first events from them and announces them on feedPreviews() (see previews.ts).
 */
export function warmWorker(head?: Uint8Array[], href?: string, options: ParseOptions = {}, charset?: string): void {
  const w = getWorker();
  if (!w) return;
  if (head?.length && href) void previewFeed(head, href, options, charset);
  // Stopped again if no job comes.
  else if (!pending.size) {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stopWorker, 15_000);
  }
}

async function previewFeed(head: Uint8Array[], href: string, options: ParseOptions, charset?: string): Promise<void> {
  const bytes = joinBytes(head);
  const parseOptions: ParseOptions = { format: options.format, timeZone: options.timeZone, baseUrl: options.baseUrl };
  const data = await parseInWorker(bytes, parseOptions, charset, PREVIEW_EVENTS).catch(() => null);
  if (!data?.events.length) return;
  const detail: FeedPreview = { href, data: { ...data, url: href }, options: parseOptions };
  feedPreviews().dispatchEvent(new CustomEvent('preview', { detail }));
}

/** Resolves with the parsed data, or null when no worker could do it (the caller then parses here). */
export function parseInWorker(
  input: Uint8Array | string,
  options: ParseOptions,
  charset?: string,
  head?: number,
): Promise<FeedData | null> {
  const w = getWorker();
  if (!w) return Promise.resolve(null);
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, events: [], options });
    // The bytes are copied, not transferred: a response may be shared by several loads.
    w.postMessage({ id, input, charset, options, head, points: pointsWanted() } satisfies ParseRequest);
  });
}

/** Stops the worker (if any); jobs still waiting go back to the main thread. The next job starts a new one. */
export function stopWorker(): void {
  clearTimeout(idleTimer);
  if (shimUrl) URL.revokeObjectURL(shimUrl);
  shimUrl = undefined;
  worker?.terminate();
  worker = undefined;
  for (const job of pending.values()) job.resolve(null);
  pending.clear();
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof globalThis.Worker === 'undefined') return (worker = null);
  // Written as bundlers expect (`new Worker(new URL('./x.js', import.meta.url), ...)`), so that Vite bundles the
  // worker and rewrites its URL; the local `Worker` receives that URL and can fall back to a blob: shim.
  const Worker = WorkerStarter;
  worker = new Worker(new URL('./parse-worker.js', import.meta.url), { type: 'module', name: 'turnout-parse' }).worker;
  if (!worker) return null;
  const own = worker;
  worker.addEventListener('message', (e: MessageEvent<ParseResponse>) => {
    // Each slice of events is answered (even a job no longer waited for), so the worker sends the next one.
    if ('events' in e.data) own.postMessage({ id: e.data.id, taken: true } satisfies TakenIn);
    const job = pending.get(e.data.id);
    if (!job) return;
    // The map's points come first: announced for the maps showing this feed (see previews.ts).
    if ('points' in e.data) {
      const { options } = job;
      const detail: FeedPoints = { href: options.baseUrl ?? '', points: e.data.points, options };
      feedPreviews().dispatchEvent(new CustomEvent('points', { detail }));
      return;
    }
    // A slice of the events: kept until the feed itself arrives.
    if ('events' in e.data) {
      job.events.push(e.data.events);
      return;
    }
    pending.delete(e.data.id);
    if ('data' in e.data) job.resolve({ ...e.data.data, events: job.events.flat() });
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
    return new globalThis.Worker(trustedScriptUrl(String(url)) as string, options);
  } catch {
    return null;
  }
}

interface TrustedUrls {
  policy: { createScriptURL(url: string): unknown } | null;
  /** The worker scripts and shims this page's Turnout bundles start, the only URLs the policy vouches for. */
  vouched: Set<string>;
}
const TRUSTED_KEY = Symbol.for('turnout.trusted-types.v1');

/**
 * Under Trusted Types (a CSP with `require-trusted-types-for 'script'`) a Worker must be given a TrustedScriptURL,
 * or it is blocked and reported. One policy named "turnout", shared by every Turnout bundle on the page (a CSP's
 * `trusted-types` list may then name it once), vouches for exactly the worker URLs these bundles start. Where the
 * policy may not be created, the plain URL is used: the worker is then refused and parsing stays on the main thread.
 */
function trustedScriptUrl(url: string): unknown {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedUrls['policy'] } })
    .trustedTypes;
  if (!tt) return url;
  const g = globalThis as unknown as Record<symbol, TrustedUrls | undefined>;
  let state = g[TRUSTED_KEY];
  if (!state) {
    const vouched = new Set<string>();
    let policy: TrustedUrls['policy'] = null;
    try {
      policy = tt.createPolicy('turnout', {
        createScriptURL: (u: string) => {
          if (!vouched.has(u)) throw new TypeError(`Turnout does not start a worker from ${u}`);
          return u;
        },
      });
    } catch {
      // A CSP `trusted-types` list without "turnout": no policy.
    }
    state = g[TRUSTED_KEY] = { policy, vouched };
  }
  if (!state.policy) return url;
  state.vouched.add(url);
  return state.policy.createScriptURL(url);
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
