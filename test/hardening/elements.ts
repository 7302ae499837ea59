/**
 * The elements the hardening suite runs against: one entry per element. Every test file of the suite loops over
 * ELEMENTS, so a new element (event-map) joins every check by adding one entry here.
 */

/** What a feed record the element can show is. */
export type RecordKind = 'event' | 'partner' | 'campaign';

export interface ElementCase {
  tag: string;
  /** Loads the define module (the element's source, as a page that bundles it would). */
  define(): Promise<unknown>;
  /** The kinds of record it shows. A partner list shows partners; the countdown a campaign day or one event. */
  shows: readonly RecordKind[];
  /** True for elements built on TurnoutFeedElement (loading / error / stale / skipped notices, timeout, refresh). */
  feedElement: boolean;
  /**
   * Where a feed that failed to load is explained (the reason, with Retry), in the shadow root. Every element
   * takes `timeout`, `refresh` and `max-bytes`; the countdown and the banner read them in their feed path.
   */
  failure: { reason: string; retry: string };
  /**
   * Attributes it reads that are not in its Lit property list, so declaredAttributes() cannot find them: the
   * countdown's and the banner's feed options, read in their lazily loaded feed path.
   */
  undeclared?: readonly string[];
  /** Attributes that make it show everything it can for a feed (all records, past ones too, its full UI). */
  full: Record<string, string>;
  /** Attributes that make it show one record (elements that show one thing at a time); else undefined. */
  pick?(kind: RecordKind, id: string): Record<string, string> | undefined;
}

/** The countdown and the banner show one campaign day or one event, chosen by its id. */
function pickOne(kind: RecordKind, id: string): Record<string, string> | undefined {
  if (kind === 'campaign') return { campaign: id };
  if (kind === 'event') return { event: id };
  return undefined;
}

/** The feed options the countdown and the banner read in their feed path (feed-window.ts), not as Lit properties. */
const FEED_OPTIONS = ['format', 'timeout', 'refresh', 'max-bytes'] as const;

/** The feed elements' notice of a failed feed (TurnoutFeedElement.renderFeedStatus). */
const FEED_FAILURE = { reason: '.feed-error', retry: '[part="feed-retry"]' };

/** A date before every fixture: fixtures' events (January 31, 2026) are upcoming. */
export const EVE = '2026-01-29T18:00:00-05:00';

export const ELEMENTS: readonly ElementCase[] = [
  {
    tag: 'event-list',
    define: () => import('../../src/elements/event-list/event-list.define.js'),
    shows: ['event'],
    feedElement: true,
    failure: FEED_FAILURE,
    full: { 'show-past': '', 'page-size': '1000', now: EVE },
  },
  {
    tag: 'partner-list',
    define: () => import('../../src/elements/partner-list/partner-list.define.js'),
    shows: ['partner'],
    feedElement: true,
    failure: FEED_FAILURE,
    full: { layout: 'list', 'join-url': 'https://coalition.example/join' },
  },
  {
    tag: 'event-countdown',
    define: () => import('../../src/elements/event-countdown/event-countdown.define.js'),
    shows: ['campaign', 'event'],
    feedElement: false,
    failure: { reason: '[part="problem"] [part="reason"]', retry: '[part="problem"] [part="retry"]' },
    undeclared: FEED_OPTIONS,
    full: { now: EVE },
    pick: pickOne,
  },
  {
    tag: 'action-banner',
    define: () => import('../../src/elements/action-banner/action-banner.define.js'),
    shows: ['campaign', 'event'],
    feedElement: false,
    failure: { reason: '[part="notice"] [part="reason"]', retry: '[part="notice"] [part="retry"]' },
    undeclared: FEED_OPTIONS,
    full: { now: EVE, preview: 'before', countdown: '' },
    pick: pickOne,
  },
  { tag: 'event-map', define: () => import('../../src/elements/event-map/event-map.define.js'), shows: ['event'],
    feedElement: true, failure: FEED_FAILURE, full: { now: EVE } },
];

export async function defineAll(): Promise<void> {
  await Promise.all(ELEMENTS.map((e) => e.define()));
}

/** The attribute names an element declares (Lit's `static properties`), whatever element it is. */
export function declaredAttributes(tag: string): string[] {
  const ctor = customElements.get(tag) as unknown as {
    elementProperties?: Map<PropertyKey, { attribute?: boolean | string; state?: boolean }>;
  };
  const names: string[] = [];
  for (const [key, options] of ctor.elementProperties ?? []) {
    if (options.state || options.attribute === false) continue;
    names.push(typeof options.attribute === 'string' ? options.attribute : String(key).toLowerCase());
  }
  return names;
}

/** The script-only properties an element declares (no attribute), e.g. data and feed. */
export function declaredProperties(tag: string): string[] {
  const ctor = customElements.get(tag) as unknown as {
    elementProperties?: Map<PropertyKey, { attribute?: boolean | string; state?: boolean }>;
  };
  return [...(ctor.elementProperties ?? [])]
    .filter(([, o]) => !o.state && o.attribute === false)
    .map(([k]) => String(k));
}
