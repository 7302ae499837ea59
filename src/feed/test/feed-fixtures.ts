// Helpers shared by the feed-layer tests (test-only).

/** A URL on the test server that answers as told (see test/server/feed-routes.mjs). Unique unless `t` is given. */
export function respond(params: Record<string, string | number | boolean>): string {
  const q = new URLSearchParams(Object.entries({ t: Math.random(), ...params }).map(([k, v]) => [k, String(v)]));
  return `/__feed/respond?${q}`;
}

export { hits } from '../../../test/helpers.js';

/** A small native Turnout feed. */
export function nativeFeed(titles: string[] = ['Rally at Union Park', 'Vigil at City Hall']): string {
  return JSON.stringify({
    turnout: '1.0',
    title: 'ICE Out of Everywhere',
    events: titles.map((title, i) => ({
      id: `e${i}`,
      title,
      start: '2026-01-31T12:00:00-06:00',
      timeZone: 'America/Chicago',
    })),
  });
}

/** Fails the test if any promise rejection goes unhandled while `fn` runs (and a moment after). */
export async function noUnhandledRejections(fn: () => Promise<void>): Promise<void> {
  const seen: unknown[] = [];
  const listener = (e: PromiseRejectionEvent) => seen.push(e.reason);
  window.addEventListener('unhandledrejection', listener);
  try {
    await fn();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    window.removeEventListener('unhandledrejection', listener);
  }
  if (seen.length) throw new Error(`Unhandled rejection: ${String(seen[0])}`);
}
