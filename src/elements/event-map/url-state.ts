/**
 * `sync-url`: the map's search, filters and chosen event as `map.`-prefixed keys in the page's URL hash
 * ("#intro&map.q=55401&map.type=rally"), leaving whatever else the hash holds as it is. Loaded only by maps that
 * use `sync-url`.
 */

const PREFIX = 'map.';

/** Our keys in a hash, and the other parts of it, unchanged and in order. */
export function splitHash(hash: string): { own: Map<string, string>; rest: string[] } {
  const own = new Map<string, string>();
  const rest: string[] = [];
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    if (!part.startsWith(PREFIX)) {
      rest.push(part);
      continue;
    }
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      own.set(decodeURIComponent(key.slice(PREFIX.length)), decodeURIComponent(value.replace(/\+/g, ' ')));
    } catch {
      // A malformed part (a stray "%") is dropped.
    }
  }
  return { own, rest };
}

/** The hash with our keys set to `own` (empty values left out) and the other parts kept; "" when nothing is left. */
export function joinHash(hash: string, own: [string, string][]): string {
  const { rest } = splitHash(hash);
  const parts = [...rest, ...own.filter(([, v]) => v).map(([k, v]) => `${PREFIX}${k}=${encodeURIComponent(v)}`)];
  return parts.length ? `#${parts.join('&')}` : '';
}
