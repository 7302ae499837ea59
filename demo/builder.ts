// The embed builder (demo/builder.html): a volunteer picks a widget, a feed, a language, colours and options,
// sees the widget live, and copies a script snippet or an iframe snippet. The preview is built from the same
// description as the snippets (`attributesFor`, `styleFor`), so what is copied is what was seen; a test loads the
// snippets in a page of their own and compares (test/embed/builder.test.ts). Snippets are text (textarea values),
// never parsed into this page.
import '../src/define-all.js';
import {
  FRAME_HEIGHTS,
  RESERVED_HEIGHTS,
  WIDGETS,
  contrast,
  isWidget,
  themeTokens,
  type Widget,
} from '../src/embed/options.js';

/** An option the builder offers for a widget: an attribute of the element (and a query parameter of the iframe). */
interface Option {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'checkbox' | 'select';
  choices?: [string, string][];
  help?: string;
}

const CAMPAIGN: Option = { name: 'campaign', label: 'Campaign day (its id in the feed; empty: the next one)', kind: 'text' };
const DATE: Option = { name: 'date', label: 'Only this day (YYYY-MM-DD)', kind: 'text' };
const SOURCE: Option = { name: 'source', label: 'Your group’s name for RSVP links (source)', kind: 'text' };

export const OPTIONS: Record<Widget, Option[]> = {
  'event-list': [DATE, { name: 'type', label: 'Only this event type', kind: 'text' }, SOURCE, { name: 'page-size', label: 'Events per page', kind: 'number' }],
  'event-map': [DATE, { name: 'place', label: 'Start at this place (town or ZIP)', kind: 'text' }, SOURCE],
  'event-countdown': [
    CAMPAIGN,
    { name: 'units', label: 'Units', kind: 'select', choices: [['', 'Days, hours, minutes, seconds'], ['dhm', 'Days, hours, minutes'], ['dh', 'Days and hours'], ['d', 'Days']] },
    { name: 'layout', label: 'Layout', kind: 'select', choices: [['', 'In a sentence'], ['compact', 'Compact'], ['banner', 'Banner']] },
  ],
  'action-banner': [
    CAMPAIGN,
    { name: 'countdown', label: 'Show a countdown in the bar', kind: 'checkbox' },
    { name: 'position', label: 'Position', kind: 'select', choices: [['', 'Top of the page'], ['bottom', 'Bottom of the page']] },
  ],
  'partner-list': [
    { name: 'layout', label: 'Layout', kind: 'select', choices: [['', 'Logo wall'], ['list', 'List']] },
    { name: 'category', label: 'Only this category', kind: 'text' },
    { name: 'join-url', label: '“Join the coalition” link', kind: 'text' },
  ],
};

/** Iframe titles (what a screen reader announces for the frame). */
const TITLES: Record<Widget, string> = {
  'event-list': 'Upcoming events',
  'event-map': 'Map of events',
  'event-countdown': 'Countdown to the day of action',
  'action-banner': 'Day of action announcement',
  'partner-list': 'Coalition partners',
};

/** Everything a snippet depends on. */
export interface EmbedConfig {
  widget: Widget;
  src: string;
  lang: string;
  theme: 'auto' | 'light' | 'dark';
  accent?: string;
  options: Record<string, string | boolean>;
  fallbackUrl: string;
  fallbackText: string;
  /** Folder of the CDN files, ending with '/'. */
  cdn: string;
  now: string;
  autoHeight: boolean;
}

export interface Integrity {
  version: string;
  files: Record<string, string>;
}

/** The element's attributes, in order: src, lang, the options, now. */
export function attributesFor(c: EmbedConfig): [string, string][] {
  const attrs: [string, string][] = [['src', c.src]];
  if (c.lang) attrs.push(['lang', c.lang]);
  for (const o of OPTIONS[c.widget]) {
    const v = c.options[o.name];
    if (v === true) attrs.push([o.name, '']);
    else if (typeof v === 'string' && v.trim()) attrs.push([o.name, v.trim()]);
  }
  if (c.now.trim()) attrs.push(['now', c.now.trim()]);
  return attrs;
}

/** The element's inline style: block, a reserved height (no jump while it loads), the theme's tokens. */
export function styleFor(c: EmbedConfig): [string, string][] {
  return [
    ['display', 'block'],
    ['min-height', RESERVED_HEIGHTS[c.widget]],
    ...Object.entries(themeTokens(c.theme, c.accent)),
  ];
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (name: string, value: string) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`);

/**
 * `<script type="module" src=… integrity=… crossorigin referrerpolicy>` for one file of the CDN folder: the CDN host
 * is not told which page loads it.
 */
function scriptTag(c: EmbedConfig, file: string, integrity?: Integrity): string {
  const hash = integrity?.files[file];
  const sri = hash ? `${attr('integrity', hash)}${attr('crossorigin', 'anonymous')}` : '';
  return `<script type="module"${attr('src', c.cdn + file)}${sri}${attr('referrerpolicy', 'no-referrer')}></script>`;
}

/** The script snippet: the element's bundle (with its hash when known), then the element with its fallback link. */
export function scriptSnippet(c: EmbedConfig, integrity?: Integrity): string {
  const attrs = attributesFor(c).map(([n, v]) => attr(n, v)).join('');
  const style = styleFor(c).map(([n, v]) => `${n}:${v}`).join(';');
  const fallback = c.fallbackUrl.trim()
    ? `\n  <a${attr('href', c.fallbackUrl.trim())}>${escapeText(c.fallbackText.trim() || c.fallbackUrl.trim())}</a>\n`
    : '';
  return `${scriptTag(c, `${c.widget}.js`, integrity)}\n<${c.widget}${attrs}${attr('style', style)}>${fallback}</${c.widget}>\n`;
}

/** embed.html's address for this configuration. */
export function embedUrl(c: EmbedConfig): string {
  const q = new URLSearchParams({ widget: c.widget });
  for (const [name, value] of attributesFor(c)) q.append(name, value);
  if (c.theme !== 'auto') q.set('theme', c.theme);
  if (c.accent) q.set('accent', c.accent);
  return `${c.cdn}embed.html?${q}`;
}

/** The iframe snippet: full width, a height that suits phones and desktops; optionally the resize script. */
export function iframeSnippet(c: EmbedConfig, integrity?: Integrity): string {
  const h = FRAME_HEIGHTS[c.widget];
  const frame =
    `<iframe${attr('src', embedUrl(c))}${attr('title', TITLES[c.widget])}` +
    `${c.autoHeight ? attr('data-turnout-embed', '') : ''}` +
    `${attr('style', `display:block;width:100%;height:${h}px;border:0`)}` +
    `${attr('loading', 'lazy')}${attr('referrerpolicy', 'no-referrer')}></iframe>\n`;
  return c.autoHeight ? frame + scriptTag(c, 'embed-resize.js', integrity) + '\n' : frame;
}

// ---------------------------------------------------------------------------------------------------------------
// The page

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The demo scenario's eve (as on demo/index.html). */
const DEMO_NOW = '2026-01-29T18:00:00-05:00';

function readConfig(): EmbedConfig {
  const widget = $<HTMLSelectElement>('widget').value;
  const options: Record<string, string | boolean> = {};
  for (const input of $('option-fields').querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-option]')) {
    options[input.dataset.option!] = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
  }
  let cdn = $<HTMLInputElement>('cdn').value.trim();
  if (cdn && !cdn.endsWith('/')) cdn += '/';
  return {
    widget: isWidget(widget) ? widget : 'event-list',
    src: $<HTMLInputElement>('src').value.trim(),
    lang: $<HTMLSelectElement>('lang').value,
    theme: $<HTMLSelectElement>('theme').value as EmbedConfig['theme'],
    accent: $<HTMLInputElement>('use-accent').checked ? $<HTMLInputElement>('accent').value : undefined,
    options,
    fallbackUrl: $<HTMLInputElement>('fallback-url').value,
    fallbackText: $<HTMLInputElement>('fallback-text').value,
    cdn,
    now: $<HTMLInputElement>('now').value,
    autoHeight: $<HTMLInputElement>('auto-height').checked,
  };
}

/** The option fields of the chosen widget (kept when switching back and forth). */
const optionValues = new Map<string, string | boolean>();

function renderOptions(widget: Widget): void {
  const box = $('option-fields');
  for (const input of box.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-option]')) {
    optionValues.set(input.id, input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value);
  }
  const rows = OPTIONS[widget].map((o) => {
    const id = `opt-${widget}-${o.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = o.label;
    let input: HTMLInputElement | HTMLSelectElement;
    if (o.kind === 'select') {
      input = document.createElement('select');
      for (const [value, text] of o.choices ?? []) input.append(new Option(text, value));
    } else {
      input = document.createElement('input');
      input.type = o.kind;
    }
    input.id = id;
    input.dataset.option = o.name;
    const saved = optionValues.get(id);
    if (input instanceof HTMLInputElement && o.kind === 'checkbox') input.checked = saved === true;
    else if (typeof saved === 'string') input.value = saved;
    if (o.kind === 'checkbox') {
      const row = document.createElement('div');
      row.className = 'check';
      row.append(input, label);
      return [row];
    }
    return [label, input];
  });
  box.replaceChildren(...rows.flat());
}

/** Fetches integrity.json from a CDN folder; undefined when it is not there. */
async function loadIntegrity(folder: string): Promise<Integrity | undefined> {
  try {
    const r = await fetch(`${folder}integrity.json`, { credentials: 'omit' });
    return r.ok ? ((await r.json()) as Integrity) : undefined;
  } catch {
    return undefined;
  }
}

let integrity: Integrity | undefined;
let integrityFor = '';

function renderPreview(c: EmbedConfig): void {
  const box = $('preview');
  const current = box.firstElementChild as HTMLElement | null;
  const el = current?.localName === c.widget ? current : document.createElement(c.widget);
  const attrs = attributesFor(c);
  for (const name of el.getAttributeNames()) {
    if (name !== 'style' && !attrs.some(([n]) => n === name)) el.removeAttribute(name);
  }
  for (const [name, value] of attrs) if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  el.removeAttribute('style');
  for (const [name, value] of styleFor(c)) el.style.setProperty(name, value);
  if (c.fallbackUrl.trim()) {
    const a = document.createElement('a');
    a.href = c.fallbackUrl.trim();
    a.textContent = c.fallbackText.trim() || c.fallbackUrl.trim();
    el.replaceChildren(a);
  } else el.replaceChildren();
  if (el !== current) box.replaceChildren(el);
}

function renderSnippets(c: EmbedConfig): void {
  $<HTMLTextAreaElement>('script-snippet').value = scriptSnippet(c, integrity);
  $<HTMLTextAreaElement>('iframe-snippet').value = iframeSnippet(c, integrity);
  $('cdn-help').textContent = integrity
    ? `Version ${integrity.version}: the snippets carry its integrity hashes.`
    : 'No integrity.json in this folder: the snippets have no integrity hashes.';
  const help = $('accent-help');
  if (c.accent) {
    const surface = c.theme === 'dark' ? '#17191e' : '#ffffff';
    const ratio = contrast(c.accent, surface);
    help.textContent =
      ratio >= 4.5
        ? `Contrast with the background: ${ratio.toFixed(1)}:1.`
        : `Contrast with the background is ${ratio.toFixed(1)}:1, below the 4.5:1 that text needs: links in this colour will be hard to read.`;
  } else help.textContent = '';
}

async function update(): Promise<void> {
  const c = readConfig();
  if (c.cdn !== integrityFor) {
    integrityFor = c.cdn;
    integrity = undefined;
    const found = await loadIntegrity(c.cdn);
    if (integrityFor !== c.cdn) return;
    integrity = found;
  }
  renderPreview(c);
  renderSnippets(c);
  $('builder').dataset.ready = 'true';
}

async function copy(id: 'script-snippet' | 'iframe-snippet', what: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(id);
  const status = $('copy-status');
  status.textContent = '';
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = `The ${what} snippet is copied. Paste it into your page.`;
  } catch {
    area.select();
    status.textContent = `Copying is blocked here: the ${what} snippet is selected, press Ctrl+C (⌘C on a Mac) to copy it.`;
  }
}

async function start(): Promise<void> {
  const meta = document.querySelector('meta[name="turnout-cdn"]')?.getAttribute('content') ?? '../dist/cdn/';
  const root = new URL(meta, location.href).href;
  // The unversioned folder's integrity.json says which version it holds; the snippets use that version's folder.
  const latest = await loadIntegrity(root);
  $<HTMLInputElement>('cdn').value = latest ? `${root}v${latest.version}/` : root;
  // The bundled demo feed is a January 2026 scenario: preview it as on its eve (cleared when the feed changes).
  const demoFeed = new URL('/demo/data/feed.json', location.href).href;
  const src = $<HTMLInputElement>('src');
  const now = $<HTMLInputElement>('now');
  src.value = demoFeed;
  now.value = DEMO_NOW;
  src.addEventListener('input', () => {
    if (src.value.trim() !== demoFeed && now.value === DEMO_NOW) now.value = '';
  });
  const widget = $<HTMLSelectElement>('widget');
  renderOptions(widget.value as Widget);
  widget.addEventListener('change', () => renderOptions(isWidget(widget.value) ? widget.value : 'event-list'));
  const form = $<HTMLFormElement>('builder');
  form.addEventListener('input', () => void update());
  form.addEventListener('change', () => void update());
  form.addEventListener('submit', (e) => e.preventDefault());
  $('copy-script').addEventListener('click', () => void copy('script-snippet', 'script'));
  $('copy-iframe').addEventListener('click', () => void copy('iframe-snippet', 'iframe'));
  await update();
}

if (document.getElementById('builder')) void start();

export { WIDGETS };
