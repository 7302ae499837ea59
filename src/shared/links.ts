/**
 * The link allowlist. Every URL that comes from a feed passes `safeUrl` before it can become an `href` or `src`.
 *
 * Allowed:
 * - `https:` absolute URLs;
 * - `mailto:` links;
 * - relative URLs, resolved against the feed's own URL, when the feed was served over http(s): the result must
 *   stay on the feed's origin (so "//elsewhere.example" or "\\elsewhere.example" are refused). A feed served
 *   over plain http (a local preview) may link to its own pages, relative or absolute (e.g. Mobilize's `next`).
 *
 * Refused: `javascript:`, `data:`, `vbscript:`, `file:`, `blob:` and every other scheme, however it is spelled
 * (mixed case, leading spaces, tabs or newlines inside the scheme, which browsers silently drop); any URL with
 * whitespace or control characters inside; and absolute `http:` URLs to anywhere but the feed's own origin.
 * Plain http is refused because these links are shown on https pages to visitors who may be undocumented: an http
 * link exposes which event they opened to anyone on the network, can be rewritten in transit, and most organizing
 * tools (Mobilize, Action Network, Zoom) serve https anyway.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Whitespace inside, control characters, and the invisible characters browsers or copy-paste leave behind.
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;
const MAX_URL = 2048;
// The everyday shape ("https://www.mobilize.us/org/event/123/?a=b#c"): lowercase host, a path, and only characters
// the URL parser leaves as they are. Such a string is returned unchanged without building a URL object (this runs
// once or twice per event on 100k-event feeds); anything else, including dot segments, takes the full parse.
const PLAIN_HTTPS = /^https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::[0-9]{1,5})?\/[A-Za-z0-9\-._~!$&()*+,;=:@%/?#]*$/;

/** The URL as a string when the allowlist permits it, else undefined. */
export function safeUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text.length > MAX_URL) return undefined;
  if (PLAIN_HTTPS.test(text) && !text.includes('/.') && text.indexOf('#') === text.lastIndexOf('#')) return text;
  if (!text || UNSAFE_CHARS.test(text)) return undefined;
  const scheme = SCHEME.exec(text)?.[1].toLowerCase();
  if (scheme !== undefined) {
    if (scheme === 'http') return base ? sameOrigin(text, base) : undefined;
    if (scheme !== 'https' && scheme !== 'mailto') return undefined;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (scheme === 'https' && (!url.hostname || url.username || url.password)) return undefined;
    return url.href;
  }
  // Relative: only against an http(s) feed URL, and only to the feed's own origin.
  return base ? sameOrigin(text, base) : undefined;
}

/** `text` resolved against `base`, when `base` is http(s) and the result stays on its origin. */
function sameOrigin(text: string, base: string): string | undefined {
  let baseUrl: URL;
  let url: URL;
  try {
    baseUrl = new URL(base);
    url = new URL(text, baseUrl);
  } catch {
    return undefined;
  }
  if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  return url.origin === baseUrl.origin ? url.href : undefined;
}

/**
 * `url` with `source=<source>` added to its query (per-partner attribution on RSVP links), keeping the rest of
 * the query and the hash. An existing `source` parameter is replaced. mailto: links and unusable URLs come back
 * unchanged, and so does everything when `source` is empty.
 */
export function withSource(url: string, source: string | null | undefined): string {
  const value = source?.trim();
  if (!value) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return url;
  parsed.searchParams.set('source', value);
  return parsed.href;
}
