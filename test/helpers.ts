// Helpers shared by the tests of every element and of the feed layer (test-only).
import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Text as a person reads it: white space collapsed, and without the invisible marks that isolate a feed's words in
 * a sentence (U+2066-U+2069: "Hosted by \u2068Acme, Inc.\u2069" reads "Hosted by Acme, Inc.").
 */
export const squash = (s: string | null | undefined) => (s ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** Where a character of an element's text is drawn (its first occurrence, or its last): to check reading order. */
export function charBox(el: Element, char: string, last = false): DOMRect {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const text = (last ? texts.reverse() : texts).find((t) => t.data.includes(char));
  if (!text) throw new Error(`no "${char}" in "${el.textContent}"`);
  const at = last ? text.data.lastIndexOf(char) : text.data.indexOf(char);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + 1);
  return range.getBoundingClientRect();
}

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
