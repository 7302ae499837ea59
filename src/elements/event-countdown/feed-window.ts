/**
 * The parts of the countdown and the banner needed only sometimes, loaded when first needed: the feed path (for
 * `src`, `data` or `feed`; an element with just a `target` never downloads the feed layer) and the message for a
 * date that cannot be used.
 */
import { msg, str } from '../../shared/locale.js';
import type { ReactiveControllerHost } from 'lit';
import { campaignWindow, eventWindow, type TimeWindow } from '../../shared/campaign.js';
import { FeedController, type FeedHost } from '../../shared/feed-controller.js';

export interface FeedWindowHost extends FeedHost, ReactiveControllerHost {
  campaign?: string;
  event?: string;
}

/** What resolve() reads and sets on a WindowElement. */
interface ResolveHost extends FeedWindowHost {
  clock: { now(): number };
  /** The element's language (for the feed's translations of a day's name and link). */
  locale?: string;
  window?: TimeWindow;
  problem?: string;
}

const windows = new WeakMap<ResolveHost, FeedWindow>();

/**
 * Sets the host's `window` from its feed, or its `problem` (the message for the unusable date `bad`, an id not in
 * the feed, a feed that failed); sets neither while the feed loads.
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
  if (typeof found === 'string') host.problem = found;
  else host.window = found && { ...found, ...pickTranslation(found.translations, host.locale) };
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

/** The host's feed, and the window it names. */
export class FeedWindow {
  readonly #feed: FeedController;

  constructor(host: FeedWindowHost) {
    this.#feed = new FeedController(host);
  }

  /**
   * The window of the host's `event`, else of its `campaign` day (else the current or next day); a message a
   * person can act on when there is none; undefined while the feed loads.
   */
  window(host: FeedWindowHost, now: number): TimeWindow | string | undefined {
    const data = this.#feed.data;
    if (data) {
      const id = host.event || host.campaign;
      return (
        (host.event ? eventWindow(data, host.event) : campaignWindow(data, host.campaign, now)) ??
        (id
          ? msg(str`No date was found in the feed for "${id}".`)
          : msg('The feed has no campaign dates.'))
      );
    }
    if (this.#feed.status === 'error') return msg('The date could not be loaded.');
  }
}

/** The message for a `target` or `end` that is not an instant with an offset. */
export function badDate(value: string): string {
  return msg(str`"${value}" is not a date and time with an offset. Write it like 2026-01-30T00:00:00-05:00 (or with Z for UTC).`);
}
