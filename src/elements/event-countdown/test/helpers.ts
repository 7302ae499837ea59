/**
 * Test helpers for the countdown and the banner: a controllable time (Date.now, setTimeout and clearTimeout
 * replaced by hand, so time only moves when a test says so) and the browser's time zone.
 */
import { waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { pin, squash } from '../../../../test/helpers.js';

export { pin, squash };

/** The element's visible text, with its shadow root's slots resolved to their default content. */
export function textOf(el: Element): string {
  return squash(el.shadowRoot!.textContent);
}

export interface FakeTime {
  /** Moves time forward, firing the timers that fall due on the way (as a foreground tab does). */
  advance(ms: number): void;
  /** Moves time forward without firing timers (as a throttled background tab does). */
  jump(ms: number): void;
  /** How many timers were started since the fake time was installed. */
  started(): number;
  /** Timers pending now. */
  pending(): number;
  restore(): void;
}

export function fakeTime(): FakeTime {
  const real = { now: Date.now, set: window.setTimeout, clear: window.clearTimeout };
  let t = real.now();
  let id = 1e6;
  let started = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  Date.now = () => t;
  window.setTimeout = ((fn: () => void, ms = 0) => {
    started++;
    timers.set(++id, { at: t + Math.max(0, ms), fn });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((i: number) => void timers.delete(i)) as typeof window.clearTimeout;
  return {
    advance(ms) {
      const end = t + ms;
      for (;;) {
        let next: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
        if (!next) break;
        timers.delete(next[0]);
        t = next[1].at;
        next[1].fn();
      }
      t = end;
    },
    jump(ms) {
      t += ms;
    },
    started: () => started,
    pending: () => timers.size,
    restore() {
      Date.now = real.now;
      window.setTimeout = real.set;
      window.clearTimeout = real.clear;
      // Timers that other code (the test runner) started meanwhile still run, now.
      for (const { fn } of timers.values()) window.setTimeout(fn, 0);
      timers.clear();
    },
  };
}

const placed: Element[] = [];

/**
 * Puts `nodes` in a new <div lang=…> on the page (removed by `unplace`). Unlike @open-wc's fixture() for plain
 * elements it does not wait for an animation frame, which never comes while the test page is in the background
 * (the runner runs two pages at once).
 */
export function place(nodes: Node[], lang = 'en-US'): HTMLDivElement {
  const div = document.createElement('div');
  div.lang = lang;
  div.append(...nodes);
  document.body.append(div);
  placed.push(div);
  return div;
}

export function unplace(): void {
  for (const el of placed.splice(0)) el.remove();
}

/** A new element with these attributes. */
export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text) el.textContent = text;
  return el;
}

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The ids of axe-core's WCAG 2.0–2.2 A/AA violations under `root` (the test file imports axe-core/axe.min.js). */
export async function axeViolations(root: Element): Promise<string[]> {
  const run = (window as unknown as { axe: { run(c: Element, o: object): Promise<{ violations: { id: string }[] }> } }).axe;
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  return (await run.run(root, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => v.id);
}

/** The eve of the day of action, as the demo shows it. */
export const EVE = '2026-01-29T18:00:00-05:00';

/**
 * A native feed with one campaign day (id "day", Jan 30, 2026 in New York, plus `day`'s fields) as a
 * /__feed/respond URL of its own, so the page's feed cache is not shared; `params` adds to it ("&status=500").
 */
export function campaignFeedUrl(params = '', day: Record<string, string> = {}): string {
  const body = JSON.stringify({
    turnout: '1.0',
    campaign: { days: [{ id: 'day', name: 'Day of Action', start: '2026-01-30T00:00:00-05:00', end: '2026-01-31T00:00:00-05:00', ...day }] },
    events: [],
  });
  return `/__feed/respond?t=${Math.random()}&body=${encodeURIComponent(body)}${params}`;
}

/** The first element matching `sel` in `el`'s shadow root. */
export const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);

/** After each test: what `place` put on the page removed, and the light appearance back. */
export async function resetPage(): Promise<void> {
  unplace();
  await emulateMedia({ colorScheme: 'light' });
}

/** Makes the page's next fetch fail as a dropped connection does (later ones go through); returns the undo. */
export function dropFirstFetch(): () => void {
  const real = window.fetch;
  let calls = 0;
  window.fetch = ((...args: Parameters<typeof fetch>) =>
    ++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : real(...args)) as typeof fetch;
  return () => (window.fetch = real);
}

/** The appearances a failure is checked in: [name, colour scheme, language]. */
export const APPEARANCES = [
  ['light', 'light', 'en-US'],
  ['dark', 'dark', 'en-US'],
  ['right-to-left (Arabic), light', 'light', 'ar'],
  ['right-to-left (Arabic), dark', 'dark', 'ar'],
] as const;

/**
 * Mounts an element (with `mount`) whose feed answers 404, in the colour scheme and language given (Arabic laid out
 * right to left), and resolves once it shows Retry.
 */
export async function failedIn<T extends HTMLElement & { updateComplete: Promise<unknown> }>(
  mount: (attrs: Record<string, string>, lang: string) => T,
  src: string,
  scheme: 'light' | 'dark',
  lang: string,
): Promise<T> {
  await emulateMedia({ colorScheme: scheme });
  const el = mount({ src }, lang);
  if (lang === 'ar') el.parentElement!.dir = 'rtl';
  await waitUntil(() => $(el, '[part="retry"]'), 'no Retry', { timeout: 5000 });
  await el.updateComplete;
  return el;
}
