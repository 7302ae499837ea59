/**
 * The feed controller: the one way an element gets its data. It watches the host's `feed`, `data` and `src`
 * (in that order of precedence) and the options that change how a feed is read, loads through the shared feed
 * layer, and exposes `status`, `data`, `error`, `updatedAt` and `stale`. With a `refresh` interval it reloads
 * periodically; a failed reload keeps the last good data (stale) and its time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedError } from '../feed/errors.js';
import { loadFeed, parseFeedInput } from '../feed/load.js';
import type { FeedData, FeedFormat, ParseOptions } from '../feed/types.js';

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The properties a host element offers the controller (TurnoutFeedElement has them all). */
export interface FeedHost extends ReactiveControllerHost, EventTarget {
  src?: string | null;
  data?: unknown;
  feed?: FeedData | null;
  format?: FeedFormat | null;
  timeZone?: string | null;
  /** Seconds between reloads of `src`; 0 or unset: no refresh. */
  refresh?: number | null;
  maxBytes?: number | null;
  /** Milliseconds. */
  timeout?: number | null;
}

export interface FeedLoadDetail {
  url: string | null;
  events: number;
  skipped: number;
}
export interface FeedErrorDetail {
  url: string | null;
  code: FeedError['code'];
  message: string;
}

/** Fired on the element when its feed has loaded (also after each refresh). */
export class TurnoutFeedLoadEvent extends Event {
  static readonly type = 'turnout-feed-load';
  constructor(readonly detail: FeedLoadDetail) {
    super(TurnoutFeedLoadEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired on the element when its feed failed to load (also when a refresh failed). */
export class TurnoutFeedErrorEvent extends Event {
  static readonly type = 'turnout-feed-error';
  constructor(readonly detail: FeedErrorDetail) {
    super(TurnoutFeedErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'turnout-feed-load': TurnoutFeedLoadEvent;
    'turnout-feed-error': TurnoutFeedErrorEvent;
  }
}

/** Shortest refresh interval honoured, in seconds. */
export const MIN_REFRESH = 1;

export class FeedController implements ReactiveController {
  status: FeedStatus = 'idle';
  data?: FeedData;
  error?: FeedError;
  /** When the data shown was received (epoch ms, real clock). */
  updatedAt?: number;

  readonly #host: FeedHost;
  #inputs: unknown[] = [];
  #abort?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;
  #connected = false;

  constructor(host: FeedHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True when data is shown but the latest update failed. */
  get stale(): boolean {
    return this.data !== undefined && this.error !== undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    window.addEventListener('online', this.#onOnline);
    // Reconnected after a disconnect interrupted a load or a refresh: pick up where it stopped.
    if (this.#inputs.length) {
      const finished = this.status === 'ready' || (this.status === 'error' && this.error?.code !== 'aborted');
      if (finished) this.#schedule();
      else {
        this.#inputs = [];
        this.#host.requestUpdate();
      }
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    const h = this.#host;
    const inputs = [h.feed, h.data, h.src, h.format, h.timeZone, h.maxBytes, h.timeout, h.refresh];
    if (inputs.length === this.#inputs.length && inputs.every((v, i) => Object.is(v, this.#inputs[i]))) return;
    const onlyRefreshChanged = inputs.slice(0, -1).every((v, i) => Object.is(v, this.#inputs[i]));
    this.#inputs = inputs;
    if (onlyRefreshChanged && this.status === 'ready') this.#schedule();
    else void this.#load(false);
  }

  /** Loads again now, bypassing the page's shared copy (the Retry button). */
  retry(): Promise<void> {
    return this.#load(true, this.data !== undefined);
  }

  #onOnline = () => {
    if (this.error?.code === 'network') void this.retry();
  };

  async #load(force: boolean, background = false): Promise<void> {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const h = this.#host;
    const url = h.src?.trim() || null;
    if (!background) {
      this.data = undefined;
      this.error = undefined;
      this.updatedAt = undefined;
    }
    if (h.feed) return this.#settle(abort, h.feed, undefined, null);
    if (h.data === undefined || h.data === null) {
      if (!url) {
        this.status = 'idle';
        h.requestUpdate();
        return;
      }
    }
    if (!background) {
      this.status = 'loading';
      h.requestUpdate();
    }
    const options: ParseOptions = {
      format: h.format || undefined,
      timeZone: h.timeZone || undefined,
    };
    try {
      const data =
        h.data !== undefined && h.data !== null
          ? await parseFeedInput(h.data, options)
          : await loadFeed(url!, {
              ...options,
              timeout: positive(h.timeout),
              maxBytes: positive(h.maxBytes),
              maxAge: force ? 0 : this.#refreshMs() / 2 || undefined,
              signal: abort.signal,
            });
      this.#settle(abort, data, undefined, url);
    } catch (e) {
      // loadFeed and parseFeedInput reject only with FeedError.
      this.#settle(abort, undefined, e as FeedError, url);
    }
  }

  #settle(abort: AbortController, data: FeedData | undefined, error: FeedError | undefined, url: string | null): void {
    if (abort.signal.aborted || !this.#connected) return;
    if (data) {
      this.data = data;
      this.error = undefined;
      this.updatedAt = data.loadedAt;
      this.status = 'ready';
      this.#host.dispatchEvent(new TurnoutFeedLoadEvent({ url, events: data.events.length, skipped: data.skipped.length }));
    } else if (error) {
      this.error = error;
      this.status = this.data ? 'ready' : 'error';
      this.#host.dispatchEvent(new TurnoutFeedErrorEvent({ url, code: error.code, message: error.message }));
    }
    this.#host.requestUpdate();
    this.#schedule();
  }

  #refreshMs(): number {
    const h = this.#host;
    if (h.feed || (h.data !== undefined && h.data !== null) || !h.src) return 0;
    const s = positive(h.refresh);
    return s ? Math.max(MIN_REFRESH, s) * 1000 : 0;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const ms = this.#refreshMs();
    if (ms && this.#connected) this.#timer = setTimeout(() => void this.#load(false, true), ms);
  }
}

function positive(n: number | null | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}
