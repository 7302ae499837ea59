// Shared by the embedding tests: a small native feed with a campaign day, events and partners, and helpers for
// the built CDN folder (dist/cdn/v<version>/, written by `node scripts/build.mjs --cdn-only`).

/** Noon the day before the day of action. */
export const NOW = '2026-01-30T12:00:00-05:00';

export const FEED = {
  turnout: '1.0',
  title: 'Embed test coalition',
  timeZone: 'America/New_York',
  campaign: {
    name: 'Embed Test Campaign',
    url: 'https://coalition.example/',
    days: [
      {
        id: 'day-of-action',
        name: 'Harbor Day of Action',
        start: '2026-01-31T00:00:00-05:00',
        end: '2026-02-01T00:00:00-05:00',
        timeZone: 'America/New_York',
        url: 'https://coalition.example/day',
      },
    ],
  },
  events: [
    {
      id: 'e1',
      title: 'Rally at the Harbor',
      start: '2026-01-31T10:00:00-05:00',
      end: '2026-01-31T12:00:00-05:00',
      timeZone: 'America/New_York',
      location: { venue: 'Pier 4', locality: 'Boston', region: 'MA', country: 'US', lat: 42.35, lng: -71.04 },
      type: 'rally',
      url: 'https://coalition.example/e1',
    },
    {
      id: 'e2',
      title: 'Teach-in on the Commons',
      start: '2026-02-02T18:00:00-05:00',
      end: '2026-02-02T20:00:00-05:00',
      timeZone: 'America/New_York',
      location: { venue: 'Library', locality: 'Boston', region: 'MA', country: 'US', lat: 42.36, lng: -71.06 },
      type: 'teach_in',
      url: 'https://coalition.example/e2',
    },
  ],
  partners: [
    { id: 'p1', name: 'Harbor Tenants Union', url: 'https://example.org/p1', categories: ['Tenants union'] },
    { id: 'p2', name: 'Dockworkers Local 7', url: 'https://example.org/p2', categories: ['Union'] },
  ],
};

/** Stores content on the test server (test/server/embed-routes.mjs) and returns its short path. */
export async function store(body: string, type = 'text/html'): Promise<string> {
  const r = await fetch(`/__embed/store?type=${encodeURIComponent(type)}`, { method: 'POST', body });
  return ((await r.json()) as { path: string }).path;
}

/** The feed at a fresh test-server URL (absolute, on this origin), so request counts do not mix. */
export async function feedUrl(): Promise<string> {
  return location.origin + (await store(JSON.stringify(FEED), 'application/json'));
}

/** Per tag: text that shows once the element has read FEED (at NOW). */
export const EXPECTED: Record<string, string> = {
  'event-list': 'Rally at the Harbor',
  'event-countdown': 'Harbor Day of Action starts in',
  'action-banner': 'Harbor Day of Action',
  'partner-list': 'Harbor Tenants Union',
  'event-map': 'Rally at the Harbor',
};

export interface Integrity {
  name: string;
  version: string;
  entries: string[];
  files: Record<string, string>;
}

let cached: Promise<{ base: string; integrity: Integrity }> | undefined;

/** The versioned CDN folder's path (`/dist/cdn/v0.1.0/`) and its integrity.json. */
export function cdn(): Promise<{ base: string; integrity: Integrity }> {
  cached ??= (async () => {
    const { version } = (await (await fetch('/package.json')).json()) as { version: string };
    const base = `/dist/cdn/v${version}/`;
    const r = await fetch(`${base}integrity.json`);
    if (!r.ok) throw new Error(`${base}integrity.json is missing: run \`node scripts/build.mjs --cdn-only\` first.`);
    return { base, integrity: (await r.json()) as Integrity };
  })();
  return cached;
}

/** The tags with a bundle in the build (every entry but the all-in-one). */
export async function builtTags(): Promise<string[]> {
  const { integrity } = await cdn();
  return integrity.entries.map((e) => e.replace(/\.js$/, '')).filter((n) => n !== 'turnout');
}

/** sha384 of a response body, as an `integrity` value. */
export async function sri(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/** The text a person reads in an element (its shadow root), folded. */
export const shadowText = (el: Element | null | undefined) =>
  (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Resolves with the first message from `source` that passes `test`. */
export function messageFrom<T>(source: () => Window | null, test: (data: T) => boolean, timeout = 15000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      removeEventListener('message', on);
      reject(new Error('no message came'));
    }, timeout);
    function on(e: MessageEvent) {
      if (e.source !== source() || !test(e.data as T)) return;
      clearTimeout(timer);
      removeEventListener('message', on);
      resolve(e.data as T);
    }
    addEventListener('message', on);
  });
}
