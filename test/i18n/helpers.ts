// Helpers for the language tests (test/i18n).
import { waitUntil } from '@open-wc/testing';
import type { FeedData, TurnoutEvent } from '../../src/feed/types.js';
import { localeReady } from '../../src/shared/locale.js';

export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The eve of the day of action. */
export const EVE = '2026-01-29T18:00:00-05:00';

function event(over: Partial<TurnoutEvent>): TurnoutEvent {
  return {
    id: 'e',
    title: 'Event',
    description: '',
    start: Date.UTC(2026, 0, 31, 17),
    timeZone: 'America/New_York',
    location: { precision: 'exact', venue: 'Town Square', locality: 'Springfield', region: 'IL', country: 'US' },
    online: false,
    tags: [],
    status: 'scheduled',
    ...over,
  };
}

/** Two events on one day, one online, one cancelled; a campaign day; 2 partners. */
export function feed(): FeedData {
  return {
    format: 'turnout',
    events: [
      event({ id: 'chi', title: 'Rally at Union Park', start: Date.UTC(2026, 1, 1, 1), end: Date.UTC(2026, 1, 1, 3), timeZone: 'America/Chicago', type: 'rally', host: 'Riverside Tenants Union', url: 'https://example.org/rsvp' }),
      event({ id: 'ny', title: 'Vigil at City Hall', start: Date.UTC(2026, 0, 31, 17), type: 'vigil', status: 'cancelled' }),
      event({ id: 'web', title: 'Phone bank', start: Date.UTC(2026, 0, 31, 20), online: true, location: { precision: 'none' }, onlineUrl: 'https://example.org/call' }),
    ],
    partners: [
      { id: 'p1', name: 'Riverside Tenants Union', categories: ['Tenants union'], url: 'https://example.org/rtu' },
      { id: 'p2', name: 'Student Coalition', categories: ['Student group'] },
    ],
    skipped: [],
    loadedAt: Date.now(),
    campaign: {
      days: [
        { id: 'shutdown', name: 'National Shutdown', start: Date.parse('2026-01-30T00:00:00-05:00'), end: Date.parse('2026-01-31T00:00:00-05:00'), timeZone: 'America/New_York' },
      ],
    },
  };
}

/** Waits until the languages on the page are loaded and every element has re-rendered. */
export async function settle(...els: Element[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await localeReady();
    for (const el of els) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
}

/** Mounts `<tag>` with attributes inside a `<div lang=…>` (or with its own lang) and waits for its strings. */
export async function mount<T extends HTMLElement>(tag: string, attrs: Record<string, string>, props: Record<string, unknown> = {}, wrapperLang?: string): Promise<T> {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  const wrapper = wrapperLang === undefined ? el : Object.assign(document.createElement('div'), { lang: wrapperLang });
  if (wrapper !== el) wrapper.append(el);
  place(wrapper);
  await settle(el);
  return el;
}

const placed: Element[] = [];

/**
 * Puts nodes on the page (removed by `unplaceAll`, called after each test). Not @open-wc's fixture() for a wrapper:
 * it waits for an animation frame, which a test page running in the background may never get.
 */
export function place<T extends Element>(node: T): T {
  document.body.append(node);
  placed.push(node);
  return node;
}

export function unplaceAll(): void {
  for (const node of placed.splice(0)) node.remove();
}

afterEach(unplaceAll);

/** Makes an element with attributes and properties. */
export function make<T extends HTMLElement>(tag: string, attrs: Record<string, string> = {}, props: Record<string, unknown> = {}): T {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return Object.assign(el, props);
}

/** A <div lang=…> holding `children`, on the page. */
export function group(lang: string | undefined, children: Element[]): HTMLDivElement {
  const div = document.createElement('div');
  if (lang !== undefined) div.lang = lang;
  div.append(...children);
  return place(div);
}

export const text = (el: Element) => squash(el.shadowRoot!.textContent);

export async function until(fn: () => unknown, message: string): Promise<void> {
  await waitUntil(fn, message, { timeout: 5000 });
}
