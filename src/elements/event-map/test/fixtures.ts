// Hand-made normalized data and helpers for the <event-map> tests.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { FeedData, TurnoutEvent } from '../../../feed/types.js';
import type { EventMap } from '../event-map.js';

/**
 * Puts this page under a Content-Security-Policy (a <meta> tag: a test file runs in a page of its own), as a strict
 * host would. Call it before the element's code loads.
 */
export function enforcePolicy(policy: string): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
}

/** The eve of the day of action, as the demo shows it. */
export const EVE = '2026-01-29T18:00:00-05:00';

/** Real towns (rounded centres) to scatter events around. */
export const TOWNS = [
  { locality: 'Minneapolis', region: 'MN', lng: -93.265, lat: 44.978, zone: 'America/Chicago', zip: '55401' },
  { locality: 'Chicago', region: 'IL', lng: -87.63, lat: 41.878, zone: 'America/Chicago', zip: '60601' },
  { locality: 'New York', region: 'NY', lng: -74.006, lat: 40.713, zone: 'America/New_York', zip: '10007' },
  { locality: 'Los Angeles', region: 'CA', lng: -118.244, lat: 34.052, zone: 'America/Los_Angeles', zip: '90012' },
  { locality: 'Houston', region: 'TX', lng: -95.37, lat: 29.76, zone: 'America/Chicago', zip: '77002' },
  { locality: 'Atlanta', region: 'GA', lng: -84.388, lat: 33.749, zone: 'America/New_York', zip: '30303' },
] as const;

let seq = 0;

export function makeEvent(over: Partial<TurnoutEvent> = {}): TurnoutEvent {
  seq += 1;
  return {
    id: `m${seq}`,
    title: `Gathering ${seq}`,
    description: '',
    start: Date.UTC(2026, 0, 31, 18),
    timeZone: 'America/Chicago',
    location: { precision: 'exact', venue: 'Town Square', locality: 'Minneapolis', region: 'MN', country: 'US', lat: 44.978, lng: -93.265 },
    online: false,
    tags: [],
    status: 'scheduled',
    ...over,
  };
}

export function makeFeed(events: TurnoutEvent[], over: Partial<FeedData> = {}): FeedData {
  return { format: 'turnout', events, partners: [], skipped: [], loadedAt: Date.now(), ...over };
}

/** `perTown` exact events around each town (a few km apart, seeded), plus `online` online-only ones. */
export function scattered(perTown: number, online = 0): FeedData {
  const events: TurnoutEvent[] = [];
  let s = 7;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  TOWNS.forEach((t, ti) => {
    for (let i = 0; i < perTown; i++) {
      events.push(
        makeEvent({
          id: `${t.locality.toLowerCase().replace(/\s/g, '-')}-${i}`,
          title: `${['Rally', 'Vigil', 'Teach-in'][i % 3]} ${i + 1} in ${t.locality}`,
          type: ['rally', 'vigil', 'teach_in'][i % 3],
          start: Date.UTC(2026, 0, 31, 15 + (i % 6)),
          timeZone: t.zone,
          host: i % 2 ? 'Riverside Tenants Union' : `Group ${ti}`,
          tags: i % 4 === 0 ? ['Students'] : [],
          url: `https://example.org/e/${ti}-${i}`,
          location: {
            precision: 'exact',
            venue: `Hall ${i}`,
            locality: t.locality,
            region: t.region,
            postalCode: t.zip,
            country: 'US',
            lng: t.lng + (rand() - 0.5) * 0.3,
            lat: t.lat + (rand() - 0.5) * 0.2,
          },
        }),
      );
    }
  });
  for (let i = 0; i < online; i++) {
    events.push(
      makeEvent({
        id: `online-${i}`,
        title: `Phone bank ${i + 1}`,
        online: true,
        onlineUrl: 'https://example.org/join',
        location: { precision: 'none' },
      }),
    );
  }
  return makeFeed(events);
}

export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

/** The events the map's buttons stand for: cluster counts, group counts and single markers added up. */
export const shownOnMap = (el: EventMap) =>
  $$(el, '.overlay .cluster').reduce((n, b) => n + Number(b.textContent!.replace(/\D/g, '')), 0) +
  $$(el, '.overlay .marker').reduce(
    (n, b) => n + (b.classList.contains('group') ? Number(b.textContent!.replace(/\D/g, '')) : 1),
    0,
  );

export function isReady(el: EventMap): boolean {
  return el.matches(':state(ready)');
}

/** Puts an <event-map> on the page (visible, 900 px wide) and optionally waits until its map is idle. */
export async function mountMap(
  feed: FeedData | string | undefined,
  attrs: Record<string, string | boolean> = {},
  { ready = true, width = '900px', keep = false } = {},
): Promise<EventMap> {
  const el = document.createElement('event-map');
  el.setAttribute('lang', 'en-US');
  el.setAttribute('now', EVE);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) el.removeAttribute(k);
    else el.setAttribute(k, v === true ? '' : v);
  }
  if (typeof feed === 'string') el.setAttribute('src', feed);
  else if (feed) el.feed = feed;
  el.style.inlineSize = width;
  el.style.setProperty('--turnout-map-height', '420px');
  if (keep) {
    // Outlives the test (fixture() cleans up after each one): for a block of tests sharing one map; remove it in after().
    document.body.append(el);
  } else await fixture(html`${el}`);
  await el.updateComplete;
  if (ready) await waitUntil(() => isReady(el), 'the map never became ready', { timeout: 20000 });
  return el;
}

/** Waits for the next `turnout-map-ready` (the map settled after a change). */
export function nextReady(el: EventMap): Promise<void> {
  return new Promise((resolve) => el.addEventListener('turnout-map-ready', () => resolve(), { once: true }));
}

/** The MapLibre map inside (tests only; not part of the element's API). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mapOf(el: EventMap): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (el as any).mapView?.map;
}
