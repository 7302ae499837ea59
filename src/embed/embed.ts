/**
 * The iframe page's script (dist/cdn/embed.js, loaded by embed.html from the same folder). It reads the query:
 *
 *   embed.html?widget=event-list&src=https://coalition.example/feed.json&lang=es&theme=dark&accent=%23b3003c
 *             &date=2026-01-31&…  (any other attribute the element observes)
 *
 * and shows that ONE widget full-width. An unknown widget, a feed URL that is not http(s) or a bundle that does not
 * load gives a message in the page and no element. The widget's code is the element's own bundle (./<tag>.js next
 * to this file), so the page needs nothing from any other origin but the feed's. When framed, the page posts its
 * height to the parent window (embed-resize.js on the host page may use it).
 */
import { msg, str } from '@lit/localize';
import { LOCALES, pick } from '../shared/locale-runtime.js';
import { HEIGHT_MESSAGE, RESERVED_PARAMS, WIDGETS, feedUrl, isWidget, language, themeTokens } from './options.js';

const root = document.documentElement;

/**
 * A message in place of the widget, in the page's language when the widgets' translations have it (they include
 * this page's messages; the language module loads only on this path); `data-embed="error"` on <html> says the page
 * gave up. `english` is the msg() text, `values` its placeholders in order.
 */
async function fail(id: string, english: string, values: unknown[] = []): Promise<void> {
  let text = english;
  const code = pick(root.lang || 'en');
  if (code !== 'en') {
    try {
      const t = (await LOCALES[code]()).templates[id];
      if (typeof t === 'string') text = t;
      else if (t) text = t.map((piece, i) => (i % 2 ? String(values[piece as number]) : piece)).join('');
    } catch {
      // The language module did not load: English it is.
    }
  }
  const p = document.createElement('p');
  p.className = 'embed-message';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  document.getElementById('widget')?.replaceChildren(p);
  root.dataset.embed = 'error';
}

/** Posts the page's height to the parent window whenever it changes (the height is not a secret: any origin). */
function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(send).observe(root);
  send();
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const lang = language(params.get('lang'));
  if (lang) {
    root.lang = lang.lang;
    root.dir = lang.dir;
  }
  for (const [name, value] of Object.entries(themeTokens(params.get('theme'), params.get('accent') ?? undefined, params.get('on-accent') ?? undefined))) {
    // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
    root.style.setProperty(name, value);
  }
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  reportHeight();

  const widget = params.get('widget');
  if (!isWidget(widget)) {
    const list = WIDGETS.join(', ');
    if (widget) {
      const text = msg(str`There is no widget called "${widget}". Use one of: ${list}.`, { id: 'embed.unknown-widget' });
      await fail('embed.unknown-widget', text, [widget, list]);
    } else {
      await fail('embed.no-widget', msg(str`No widget chosen: add widget= with one of: ${list}.`, { id: 'embed.no-widget' }), [list]);
    }
    return;
  }
  const src = params.get('src');
  const url = src === null ? undefined : feedUrl(src, location.href);
  if (src !== null && !url) {
    const text = msg(str`The feed address "${src}" cannot be used: it must be a web address starting with https:// or http://.`, {
      id: 'embed.bad-src',
    });
    await fail('embed.bad-src', text, [src]);
    return;
  }

  try {
    // The bundle next to this file. (`here`, not import.meta.url inline: Vite would rewrite the pattern as an asset.)
    const here = import.meta.url;
    await import(/* @vite-ignore */ new URL(`${widget}.js`, here).href);
  } catch {
    await fail('embed.load-failed', msg('The widget could not be loaded. Please try again later.', { id: 'embed.load-failed' }));
    return;
  }
  const Element = customElements.get(widget);
  const observed = ((Element as unknown as { observedAttributes?: string[] })?.observedAttributes ?? []).filter(
    (name) => !RESERVED_PARAMS.includes(name),
  );
  const el = document.createElement(widget);
  for (const [name, value] of params) {
    if (observed.includes(name)) el.setAttribute(name, value);
  }
  if (url) el.setAttribute('src', url.href);
  document.title = `${widget} (Turnout)`;
  document.getElementById('widget')?.replaceChildren(el);
  root.dataset.embed = 'ready';
}

main();
