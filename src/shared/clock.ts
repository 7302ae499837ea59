/**
 * The page's clock. Every element asks it for "now" so that a page can set a reference time (the demo shows
 * the scenario as on January 29, 2026; a partner previews a future day) and every widget agrees.
 *
 * Set it page-wide with `<meta name="turnout-now" content="2026-01-29T18:00:00-05:00">` or
 * `setReferenceTime(...)`; an element's own `now` attribute overrides it for that element. A reference time
 * keeps running from the moment it is set, like a real clock. The state lives on `globalThis` so the all-in-one
 * bundle and per-element bundles on one page share it.
 */

export const CLOCK_CHANGE_EVENT = 'turnout-clock-change';

interface ClockState {
  /** Offset added to Date.now(), or null for the real clock. */
  offset: number | null;
  metaRead: boolean;
}

const KEY = Symbol.for('turnout.clock.v1');
const g = globalThis as unknown as Record<symbol, ClockState | undefined>;
const state: ClockState = (g[KEY] ??= { offset: null, metaRead: false });

/** Parses an ISO 8601 instant that carries an offset or Z. Returns NaN when it has none or is invalid. */
export function parseInstant(value: string | null | undefined): number {
  const v = value?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? Date.parse(v) : NaN;
}

function readMeta(): void {
  if (state.metaRead || typeof document === 'undefined') return;
  state.metaRead = true;
  const content = document.querySelector('meta[name="turnout-now"]')?.getAttribute('content');
  const t = parseInstant(content);
  if (!isNaN(t) && state.offset === null) state.offset = t - Date.now();
}

/**
 * Sets the page-wide reference time (an ISO string with offset, a Date, or epoch ms), or returns to the real
 * clock with `null`. Elements re-render.
 */
export function setReferenceTime(time: string | number | Date | null): void {
  state.metaRead = true;
  if (time === null) {
    state.offset = null;
  } else {
    const t = typeof time === 'string' ? parseInstant(time) : typeof time === 'number' ? time : time.getTime();
    if (Number.isNaN(t)) throw new RangeError(`Not an ISO 8601 instant with an offset: ${String(time)}`);
    state.offset = t - Date.now();
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(CLOCK_CHANGE_EVENT));
}

/** True when a page-wide reference time is in force (the demo shows a "demo time" notice then). */
export function hasReferenceTime(): boolean {
  readMeta();
  return state.offset !== null;
}

/** The page's current time in epoch ms (the reference time if one is set, else the real clock). */
export function now(): number {
  readMeta();
  return Date.now() + (state.offset ?? 0);
}

/**
 * "Now" for one element: its own `now` attribute (an ISO instant, fixed at the moment it was read and running
 * from there) wins over the page's clock.
 */
export class ElementClock {
  /** Offset of the element's own time from Date.now(); NaN: none (the page's clock). */
  #offset = NaN;
  #source?: string | null;

  /** Call when the element's `now` attribute changes. Returns false when the value is not a usable instant. */
  set(value: string | null | undefined): boolean {
    if (value !== this.#source) this.#offset = parseInstant((this.#source = value)) - Date.now();
    return !value || !isNaN(this.#offset);
  }

  now(): number {
    return isNaN(this.#offset) ? now() : Date.now() + this.#offset;
  }
}
