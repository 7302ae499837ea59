/**
 * The parts of the countdown and the banner needed only sometimes, loaded when first needed: the feed path (for
 * `src`, `data` or `feed`; an element with just a `target` never downloads the feed layer), the feed options
 * `timeout`, `refresh` and `max-bytes`, what a person sees when the feed fails (the reason and a Retry button)
 * and the message for a date that cannot be used.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { campaignWindow, eventWindow, type TimeWindow } from '../../shared/campaign.js';
import type { FeedError } from '../../feed/errors.js';
import { FeedController, type FeedHost } from '../../shared/feed-controller.js';
import { msg, str } from '../../shared/locale.js';

type Notices = typeof import('./feed-failure.js');
/** The reasons for a failed feed, loaded with the first failure; null if they could not be loaded. */
let notices: Notices | null | undefined;
let noticesLoading: Promise<unknown> | undefined;

export type FeedWindowHost = FeedHost &
  ReactiveControllerHost &
  HTMLElement & {
    campaign?: string;
    event?: string;
  };

/** What resolve() reads and sets on a WindowElement. */
type ResolveHost = FeedWindowHost & {
  clock: { now(): number };
  /** The element's language (for the feed's translations of a day's name and link). */
  locale?: string;
  window?: TimeWindow;
  problem?: unknown;
};

const windows = new WeakMap<ResolveHost, FeedWindow>();

/**
 * Sets the host's `window` from its feed, or its `problem` (the message for the unusable date `bad`, an id not in
 * the feed, a feed that failed: its reason and a Retry button); sets neither while the feed loads.
 */
export function resolve(host: ResolveHost, bad?: string | false): void {
  if (bad) {
    host.problem = badDate(bad);
    return;
  }
  let feed = windows.get(host);
  if (!feed) {
    windows.set(host, (feed = new FeedWindow(host)));
    // The new controller takes part from the next update on.
    host.updateComplete.then(() => host.requestUpdate());
  }
  const found = feed.window(host, host.clock.now());
  if (typeof found === 'object' && 'start' in found) host.window = { ...found, ...pickTranslation(found.translations, host.locale) };
  else host.problem = found;
}

/**
 * What `translations` says for a language tag, field by field: the exact tag's ("es-mx"), else the shorter tags'
 * ("es"); undefined when no tag matches (the default text stands).
 */
export function pickTranslation<T extends object>(translations: Record<string, T> | undefined, tag: string | undefined): T | undefined {
  let found: T | undefined;
  for (let t = tag?.toLowerCase() ?? ''; translations && t; t = t.slice(0, Math.max(0, t.lastIndexOf('-')))) {
    if (translations[t]) found = { ...translations[t], ...found };
  }
  return found;
}

/**
 * The feed options the other feed elements declare as properties (TurnoutFeedElement), with the same meaning:
 * `format` (forces a format instead of detecting it), `timeout` (milliseconds), `refresh` (seconds) and
 * `max-bytes`. The countdown and the banner read them here, in the feed path, so that their bundles carry nothing
 * for them: each becomes a property of the element (a value set by script counts until the attribute changes
 * again, as with Lit's properties), and a change of the attribute updates the element.
 */
const OPTIONS = { format: 'format', timeout: 'timeout', refresh: 'refresh', maxBytes: 'max-bytes' } as const;
type Option = keyof typeof OPTIONS;

function feedOptions(host: FeedWindowHost): void {
  const values = new Map<Option, unknown>();
  const read = (key: Option): unknown => {
    const text = host.getAttribute(OPTIONS[key]);
    return values.has(key) ? values.get(key) : text === null || key === 'format' ? text : Number(text);
  };
  for (const key of Object.keys(OPTIONS) as Option[]) {
    // A value a script set before this module loaded.
    if (Object.hasOwn(host, key)) values.set(key, host[key]);
    delete host[key];
    Object.defineProperty(host, key, {
      configurable: true,
      get: () => read(key),
      set: (value: unknown) => {
        values.set(key, value);
        host.requestUpdate();
      },
    });
  }
  new MutationObserver((changes) => {
    for (const { attributeName } of changes) {
      values.delete((Object.keys(OPTIONS) as Option[]).find((key) => OPTIONS[key] === attributeName)!);
    }
    host.requestUpdate();
  }).observe(host, { attributeFilter: Object.values(OPTIONS) });
}

/** The host's feed, and the window it names. */
export class FeedWindow {
  readonly #feed: FeedController;
  /** While a Retry runs, the failure stays shown (its button disabled) so keyboard focus is not lost. */
  #retrying = false;
  /** The failure shown (kept while a Retry runs). */
  #error?: FeedError;

  constructor(host: FeedWindowHost) {
    feedOptions(host);
    this.#feed = new FeedController(host);
  }

  /**
   * The window of the host's `event`, else of its `campaign` day (else the current or next day); a message a
   * person can act on when there is none; undefined while the feed loads. After a good load, a refresh that fails
   * keeps the last good data, so the dates stay shown.
   */
  window(host: FeedWindowHost, now: number): TimeWindow | string | TemplateResult | undefined {
    const { data, error, status } = this.#feed;
    if (data) {
      const id = host.event || host.campaign;
      return (
        (host.event ? eventWindow(data, host.event) : campaignWindow(data, host.campaign, now)) ??
        (id
          ? msg(str`No date was found in the feed for "${id}".`)
          : msg('The feed has no campaign dates.'))
      );
    }
    if (status === 'error') this.#error = error;
    else if (!this.#retrying) return undefined;
    if (notices === undefined) {
      // Shown once the reasons are in (a moment, the first time), like a feed that is still loading.
      (noticesLoading ??= import('./feed-failure.js').then(
        (m) => (notices = m),
        () => (notices = null),
      )).then(() => host.requestUpdate());
      return undefined;
    }
    const reason = notices ? notices.feedErrorMessage(this.#error!) : msg('The date could not be loaded.');
    // The reason, and Retry (a plain button in the shadow root: it belongs to no form).
    return html`<span part="reason">${reason}</span>
      <button part="retry" aria-disabled=${this.#retrying} @click=${() => this.#retry(host)}>
        ${msg('Retry', { id: 'feed.retry' })}
      </button>`;
  }

  async #retry(host: FeedWindowHost): Promise<void> {
    if (this.#retrying) return;
    this.#retrying = true;
    host.requestUpdate();
    try {
      await this.#feed.retry();
    } finally {
      this.#retrying = false;
      host.requestUpdate();
    }
  }
}

/** The countdown's sentence for a campaign day that is each visitor's own calendar day (`date`: that day). */
export function localDay(name: string, date: string): string {
  return msg(str`${name}: ${date}, from midnight to midnight in your time zone.`);
}

/** The message for a `target` or `end` that is not an instant with an offset. */
export function badDate(value: string): string {
  return msg(str`"${value}" is not a date and time with an offset. Write it like 2026-01-30T00:00:00-05:00 (or with Z for UTC).`);
}
