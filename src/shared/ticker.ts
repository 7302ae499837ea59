/**
 * The one timer behind every countdown and banner on the page. Each subscriber says when it next needs to
 * redraw (when its smallest shown unit next changes, or its state does); the ticker keeps a single setTimeout for
 * the earliest of those and calls every subscriber that is due. Nothing runs per second unless a subscriber shows
 * seconds. Background tabs have their timers throttled, so when the page becomes visible again every subscriber
 * is called at once and recomputes from the clock.
 *
 * The state lives on `globalThis`, so two bundles on one page (an element's own and the all-in-one) share it.
 */

export interface TickSubscriber {
  /** Real-clock epoch ms (Date.now() scale) of the next redraw it needs; Infinity when none. */
  due(): number;
  /** Redraw from the clock. */
  tick(): void;
}

interface TickerState {
  /** Each subscriber, with the due time it gave when the timer was last set. */
  subscribers: Map<TickSubscriber, number>;
  timer?: ReturnType<typeof setTimeout>;
  /** When the pending timer fires (real clock). */
  at?: number;
}

const g = globalThis as unknown as Record<symbol, TickerState>;
const KEY = Symbol.for('turnout.ticker.v1');
const state: TickerState = g[KEY] || {
  subscribers: new Map(),
};
if (!g[KEY]) {
  g[KEY] = state;
  // Throttled while hidden: catch up as soon as the page is seen again.
  document.addEventListener('visibilitychange', () => document.hidden || run(true));
}

function run(all?: boolean): void {
  state.timer = state.at = undefined;
  const limit = Date.now();
  // Compared with the due times given when the timer was set: at that moment a subscriber's next change is
  // the one after.
  for (const [s, due] of [...state.subscribers]) if (all || due <= limit) s.tick();
  schedule();
}

/** Sets the one timer for the earliest due subscriber (call after a subscriber's due time may have changed). */
export function schedule(): void {
  let next = Infinity;
  for (const s of state.subscribers.keys()) {
    const due = s.due();
    state.subscribers.set(s, due);
    next = Math.min(next, due);
  }
  if (next === state.at && state.timer) return;
  clearTimeout(state.timer);
  state.timer = state.at = undefined;
  if (next < Infinity) {
    state.at = next;
    // At most an hour: longer delays overflow browsers' timers, and waking hourly costs nothing.
    state.timer = setTimeout(run, Math.min(36e5, next - Date.now()));
  }
}

export function subscribe(s: TickSubscriber): void {
  state.subscribers.set(s, Infinity);
  schedule();
}

export function unsubscribe(s: TickSubscriber): void {
  state.subscribers.delete(s);
  schedule();
}

/** For tests and debugging: how many subscribers there are, and whether a timer is pending. */
export function tickerInfo(): { subscribers: number; pending: boolean } {
  return { subscribers: state.subscribers.size, pending: !!state.timer };
}
