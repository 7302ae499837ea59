// Helpers shared by the tests of every element and of the feed layer (test-only).
import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

/** Text as a person reads it: runs of white space folded to one space, trimmed. */
export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Pins the browser page's time zone (test/server/timezone-plugin.mjs); `null` goes back to the machine's. */
export const pin = (zone: string | null) => executeServerCommand('set-timezone', { zone });

/** How many requests the test server saw for this exact path (query string included). */
export async function hits(path: string): Promise<number> {
  const r = await fetch(`/__feed/hits?path=${encodeURIComponent(path)}`);
  return ((await r.json()) as { count: number }).count;
}

/**
 * Puts `<tag src=…>` with these attributes on the page and waits until it shows what it loaded: its count, its
 * empty state or a feed error.
 */
export async function mountFromSrc<T extends HTMLElement>(
  tag: string,
  src: string,
  attrs: Record<string, string> = {},
): Promise<T> {
  const el = document.createElement(tag) as T & { updateComplete: Promise<boolean> };
  el.setAttribute('lang', 'en-US');
  el.setAttribute('src', src);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  await fixture(html`${el}`);
  await waitUntil(() => el.shadowRoot?.querySelector('[part="count"], [part="empty"], .feed-error'), 'never loaded', {
    timeout: 15000,
  });
  await el.updateComplete;
  return el;
}
