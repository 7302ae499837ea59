/**
 * Loading feeds over the network. One request per feed URL per page, however many widgets (and however many
 * separately bundled copies of this module) read it: the cache lives on `globalThis` under a versioned
 * `Symbol.for` key and holds plain data only (promises of bytes and of FeedData), so every copy can use it.
 *
 * Requests go out without credentials or referrer, with a timeout and a byte cap; the browser's HTTP cache does
 * revalidation (see docs/feed-hosting.md for the headers a feed host should send).
 */
import { joinBytes } from './decode.js';
import { FeedError, isFeedError } from './errors.js';
import type { FeedData, ParseOptions } from './types.js';
import { expectLargeBody, HEAD_BYTES, importParser, LARGE_LENGTH, parseBody, WARM_THRESHOLD } from './parse-client.js';

export interface LoadOptions extends ParseOptions {
  /** Milliseconds before a request is given up (default 10 000). Covers the headers and the body. */
  timeout?: number;
  /** Largest body accepted, in bytes (default 32 MB). */
  maxBytes?: number;
  /** Mobilize pagination: most pages read (default 20). */
  maxPages?: number;
  /** Reuse a load started less than this many ms ago (default: for the page's life). 0 forces a new request. */
  maxAge?: number;
  /** Aborting rejects this call with FeedError('aborted'); the request itself stops when nobody else waits. */
  signal?: AbortSignal;
}

export const LOAD_DEFAULTS = { timeout: 10_000, maxBytes: 32 * 1024 * 1024, maxPages: 20 } as const;

/** A request or a load that several callers can wait on; the work stops when the last of them gives up. */
interface Shared<T> {
  promise: Promise<T>;
  /** When it started (epoch ms, real clock). */
  started: number;
  settled: boolean;
  waiters: number;
  controller: AbortController;
}

interface FeedCache {
  /** Requests in flight, by URL (dropped once answered, so large bodies are not kept). */
  requests: Map<string, Shared<Body>>;
  /** Loads (pages read, parsed and merged), by URL and parse options; kept for reuse within maxAge. */
  feeds: Map<string, Shared<FeedData>>;
}

interface Body {
  bytes: Uint8Array;
  charset?: string;
  /** The parse worker was started for this body while it downloaded: it parses it, whatever its size. */
  large?: boolean;
}

const KEY = Symbol.for('turnout.feeds.v1');
const g = globalThis as unknown as Record<symbol, FeedCache | undefined>;
const cache: FeedCache = (g[KEY] ??= { requests: new Map(), feeds: new Map() });

/** Forgets every cached load and request on the page (tests; a page that wants a clean slate). */
export function clearFeedCache(): void {
  for (const map of [cache.requests, cache.feeds] as Map<string, Shared<unknown>>[]) {
    for (const entry of map.values()) if (!entry.settled) entry.controller.abort();
    map.clear();
  }
}

/** Resolves `url` against the page and checks it is http(s); throws FeedError('bad-url') otherwise. */
export function feedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), globalThis.location?.href);
  } catch {
    throw new FeedError('bad-url', `Not a usable web address: "${url}"`, undefined, url);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new FeedError('bad-url', `Only http and https addresses can be loaded, not ${parsed.protocol}`, undefined, url);
  }
  return parsed;
}

/**
 * Loads, parses and normalizes the feed at `url`. Mobilize pages are followed through `next` up to `maxPages`.
 * Rejects only with FeedError. The result is shared with other callers: treat it as read-only.
 */
export async function loadFeed(url: string, options: LoadOptions = {}): Promise<FeedData> {
  try {
    const href = feedUrl(url).href;
    const { format, timeZone, timeout, maxBytes, maxPages } = options;
    // Plain values only: the parse options may travel to the worker.
    const opts: PageOptions = { format, timeZone, baseUrl: options.baseUrl ?? href, timeout, maxBytes, maxPages };
    // Callers share a load only when they ask for it the same way, limits included: an element's max-bytes and
    // timeout hold for it alone (elements with other limits on the same feed make requests of their own).
    const key = JSON.stringify([href, format, timeZone, opts.baseUrl, maxPages, timeout, maxBytes]);
    let entry = cache.feeds.get(key);
    const maxAge = options.maxAge ?? Infinity;
    if (!entry || (entry.settled && Date.now() - entry.started >= maxAge)) {
      entry = start(cache.feeds, key, (signal) => loadPages(href, opts, signal));
    }
    return await join(cache.feeds, key, entry, options.signal);
  } catch (e) {
    throw toFeedError(e, url);
  }
}

/** Parses feed content given by script (an object, or JSON/CSV text) exactly as a loaded body would be. */
export async function parseFeedInput(input: unknown, options: ParseOptions = {}): Promise<FeedData> {
  try {
    const data = await parseBody(input, options);
    return { ...data, loadedAt: Date.now() };
  } catch (e) {
    throw toFeedError(e);
  }
}

function toFeedError(e: unknown, url?: string): FeedError {
  if (isFeedError(e)) {
    e.url ??= url;
    return e;
  }
  const message = e instanceof Error ? e.message : String(e);
  return new FeedError('parse', `The feed could not be read: ${message}`, undefined, url);
}

function start<T>(map: Map<string, Shared<T>>, key: string, work: (signal: AbortSignal) => Promise<T>): Shared<T> {
  const controller = new AbortController();
  const entry: Shared<T> = {
    promise: work(controller.signal),
    started: Date.now(),
    settled: false,
    waiters: 0,
    controller,
  };
  entry.promise.then(
    () => {
      entry.settled = true;
    },
    () => {
      entry.settled = true;
      // A failure is not cached: the next caller tries again.
      if (map.get(key) === entry) map.delete(key);
    },
  );
  map.set(key, entry);
  return entry;
}

/** Waits for a shared entry; when `signal` aborts, rejects and stops the work if nobody else is waiting. */
function join<T>(map: Map<string, Shared<T>>, key: string, entry: Shared<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      signal?.removeEventListener('abort', onAbort);
      entry.waiters--;
      if (entry.waiters === 0 && !entry.settled) {
        entry.controller.abort();
        if (map.get(key) === entry) map.delete(key);
      }
    };
    const onAbort = () => {
      leave();
      reject(new FeedError('aborted', 'Loading was cancelled.'));
    };
    entry.waiters++;
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (value) => {
        leave();
        resolve(value);
      },
      (error) => {
        leave();
        reject(error);
      },
    );
  });
}

type PageOptions = ParseOptions & Pick<LoadOptions, 'timeout' | 'maxBytes' | 'maxPages'>;

async function loadPages(href: string, opts: PageOptions, signal: AbortSignal): Promise<FeedData> {
  const loadedAt = Date.now();
  let data = await loadPage(href, opts, signal);
  const maxPages = Math.max(1, opts.maxPages ?? LOAD_DEFAULTS.maxPages);
  const seen = new Set([href]);
  let pages = 1;
  let truncated = false;
  for (let next = nextPage(data, seen); next; next = nextPage(data, seen)) {
    if (pages >= maxPages) {
      truncated = true;
      break;
    }
    seen.add(next);
    let page: FeedData;
    try {
      page = await loadPage(next, { ...opts, baseUrl: next }, signal);
    } catch (e) {
      // Keep the pages already read; a later page failing leaves the list short, not empty.
      if (signal.aborted) throw e;
      truncated = true;
      break;
    }
    const { mergePages } = await importParser();
    data = mergePages(data, page);
    pages++;
  }
  const result: FeedData = { ...data, url: href, loadedAt };
  delete result.nextPage;
  if (data.format === 'mobilize') Object.assign(result, { pages, truncated });
  return result;
}

/** The next Mobilize page to read, when it is an http(s) URL not read yet (the adapter already allowlisted it). */
function nextPage(data: FeedData, seen: Set<string>): string | undefined {
  const next = data.nextPage;
  if (!next) return undefined;
  try {
    const href = feedUrl(next).href;
    return seen.has(href) ? undefined : href;
  } catch {
    return undefined;
  }
}

async function loadPage(href: string, opts: PageOptions, signal: AbortSignal): Promise<FeedData> {
  const key = `${opts.timeout} ${opts.maxBytes} ${href}`;
  let request = cache.requests.get(key);
  if (!request) {
    request = start(cache.requests, key, (s) => fetchBody(href, opts, s));
    // Only requests in flight are shared; the answer is not kept, the parsed feed is.
    request.promise.then(
      () => cache.requests.get(key) === request && cache.requests.delete(key),
      () => undefined,
    );
  }
  const body = await join(cache.requests, key, request, signal);
  const { format, timeZone, baseUrl } = opts;
  return parseBody(body.bytes, { format, timeZone, baseUrl }, body.charset, body.large);
}

async function fetchBody(href: string, opts: PageOptions, signal: AbortSignal): Promise<Body> {
  const maxBytes = opts.maxBytes ?? LOAD_DEFAULTS.maxBytes;
  const timeout = opts.timeout ?? LOAD_DEFAULTS.timeout;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const fail = (code: 'timeout' | 'aborted' | 'network' | 'too-large', message: string) =>
    new FeedError(code, message, undefined, href);
  const interrupted = () =>
    timedOut
      ? fail('timeout', `No complete answer within ${timeout / 1000} s.`)
      : signal.aborted
        ? fail('aborted', 'Loading was cancelled.')
        : undefined;
  const tooLarge = () => fail('too-large', `The feed is larger than the ${formatBytes(maxBytes)} this widget accepts.`);
  try {
    let response: Response;
    try {
      response = await fetch(href, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        // mode 'cors' and cache 'default' (the HTTP cache revalidates) are fetch's defaults.
        signal: controller.signal,
        headers: { Accept: 'application/json, application/ld+json, text/csv;q=0.9, */*;q=0.5' },
      });
    } catch (e) {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw (
        interrupted() ??
        fail(
          'network',
          offline
            ? 'The browser is offline.'
            : `The feed could not be reached (network error, or the server does not allow other sites to read it): ${String(e)}`,
        )
      );
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      const code = response.status === 404 || response.status === 410 ? 'not-found' : 'http';
      throw new FeedError(code, `The server answered ${response.status} ${response.statusText}`.trim(), response.status, href);
    }
    const length = Number(response.headers.get('Content-Length'));
    if (length > maxBytes) {
      controller.abort();
      throw tooLarge();
    }
    const charset = /charset="?([\w-]+)/i.exec(response.headers.get('Content-Type') ?? '')?.[1];
    // A large body will be parsed in a worker: have it start while the body downloads (see parse-client.ts), as
    // soon as the headers announce one, and read the first events from what has arrived, for widgets to show at
    // once. (A gzipped body's length is its compressed size: a tenth of the JSON, or less.)
    const announced = length > LARGE_LENGTH;
    if (announced) expectLargeBody();
    let large = false;
    const grow = (total: number, chunks: Uint8Array[]) => {
      if (large || total <= (announced ? HEAD_BYTES : WARM_THRESHOLD)) return;
      large = true;
      expectLargeBody(chunks.slice(), href, opts, charset);
    };
    const bytes = await readBody(response, maxBytes, grow, () => {
      controller.abort();
      return tooLarge();
    });
    return { bytes, charset, large: announced || large };
  } catch (e) {
    throw isFeedError(e) ? e : (interrupted() ?? fail('network', `The feed could not be read: ${String(e)}`));
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** Reads a body, counting bytes as they arrive, and stops as soon as it passes `maxBytes`. */
async function readBody(
  response: Response,
  maxBytes: number,
  grow: (total: number, chunks: Uint8Array[]) => void,
  over: () => Error,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw over();
    }
    chunks.push(value);
    grow(total, chunks);
  }
  return joinBytes(chunks);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}
