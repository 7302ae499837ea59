// The embed builder (demo/builder.html): what a volunteer copies must show what the builder previewed. Each snippet
// is loaded into a fresh page of its own (served by the test server, not parsed here) and compared with the
// preview: same element, same attributes and inline style, same text; the iframe snippet shows the same text too.
import { expect, waitUntil } from '@open-wc/testing';
import { EXPECTED, NOW, cdn, feedUrl, shadowText, store } from './fixtures.js';

let builder: HTMLIFrameElement;
const bdoc = () => builder.contentDocument!;
const field = <T extends HTMLElement>(id: string) => bdoc().getElementById(id) as T;

/** Sets a form field as a person would (value, then the events the page listens to). */
function set(id: string, value: string | boolean): void {
  const input = field<HTMLInputElement>(id);
  if (typeof value === 'boolean') input.checked = value;
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** An option field of the chosen widget, found by its label's text. */
function option(widget: string, name: string): string {
  return `opt-${widget}-${name}`;
}

const preview = () => bdoc().querySelector('#preview > *') as HTMLElement;
/** These attributes' values, style apart (compared through the CSSOM, which serializes it one way). */
const attributes = (el: Element, names: string[]) =>
  names.filter((n) => n !== 'style').sort().map((n) => [n, el.getAttribute(n)]);

/**
 * Opens a page made of `body` (a snippet) in a same-origin iframe. A classic script after it notes the attributes
 * the snippet gave its elements, before any module script runs (window.snippetAttributes).
 */
async function pageWith(body: string): Promise<HTMLIFrameElement> {
  const note = `<script>window.snippetAttributes = [...document.body.children].filter((e) => e.localName.includes('-'))
    .map((e) => e.getAttributeNames());</script>`;
  const path = await store(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A partner's page</title></head><body>${body}${note}</body></html>`,
  );
  const frame = document.createElement('iframe');
  // On screen: the iframe snippet loads lazily, only when visible.
  frame.style.cssText = 'position:fixed;inset-block-start:0;inset-inline-start:0;width:900px;height:900px;background:#fff';
  frame.src = path;
  document.body.append(frame);
  await waitUntil(() => frame.contentDocument?.readyState === 'complete' && frame.contentDocument.URL.endsWith(path), 'page loaded', {
    timeout: 10000,
  });
  return frame;
}

before(async () => {
  const { base } = await cdn();
  builder = document.createElement('iframe');
  builder.style.cssText = 'width:1200px;height:1000px';
  builder.src = '/demo/builder.html';
  document.body.append(builder);
  await waitUntil(() => builder.contentDocument?.getElementById('builder')?.dataset.ready === 'true', 'the builder is ready', {
    timeout: 20000,
  });
  set('cdn', location.origin + base);
  await waitUntil(() => field('cdn-help').textContent!.startsWith('Version'), 'the builder found integrity.json', { timeout: 10000 });
});

after(() => builder.remove());

const cases: { widget: string; options: Record<string, string | boolean>; lang?: string; theme?: string; accent?: string }[] = [
  { widget: 'event-list', options: { date: '2026-01-31' }, theme: 'dark', accent: '#b3003c' },
  { widget: 'event-countdown', options: { campaign: 'day-of-action', units: 'dhm' }, lang: 'fr' },
  { widget: 'event-list', options: { date: '2026-01-31', 'page-size': '1' }, lang: 'es', theme: 'light' },
  { widget: 'action-banner', options: { campaign: 'day-of-action' }, theme: 'light' },
  { widget: 'partner-list', options: { layout: 'list' }, accent: '#f2c94c' },
];

describe('the embed builder', () => {
  for (const c of cases) {
    it(`${c.widget}: the script snippet, in a page of its own, shows what the preview shows`, async () => {
      set('widget', c.widget);
      set('src', await feedUrl());
      set('now', NOW);
      set('lang', c.lang ?? '');
      set('theme', c.theme ?? 'auto');
      set('use-accent', !!c.accent);
      if (c.accent) set('accent', c.accent);
      for (const [name, value] of Object.entries(c.options)) set(option(c.widget, name), value);

      const el = preview();
      expect(el.localName).to.equal(c.widget);
      // The names from the feed (translations, when a language has them, change the rest).
      const name = c.widget === 'event-countdown' ? 'Harbor Day of Action' : EXPECTED[c.widget];
      await waitUntil(() => shadowText(el).includes(name), 'the preview shows the feed', { timeout: 15000 });
      const snippet = field<HTMLTextAreaElement>('script-snippet').value;

      const { integrity } = await cdn();
      expect(snippet).to.include(`integrity="${integrity.files[`${c.widget}.js`]}" crossorigin="anonymous"`);
      expect(snippet).to.include('<a href="https://coalition.example/events">See all events</a>');

      const page = await pageWith(snippet);
      const copy = page.contentDocument!.querySelector(c.widget)!;
      expect(copy, 'the snippet has the element').to.not.equal(null);
      await waitUntil(() => shadowText(copy) === shadowText(el), 'the snippet renders the same text', { timeout: 15000 }).catch(() => {
        throw new Error(`preview: ${shadowText(el)}\nsnippet: ${shadowText(copy)}`);
      });
      const names = (page.contentWindow as Window & { snippetAttributes: string[][] }).snippetAttributes[0];
      expect(names).to.include.members(['src', 'style', ...Object.keys(c.options)]);
      expect(attributes(copy, names)).to.deep.equal(attributes(el, names));
      expect((copy as HTMLElement).style.cssText).to.equal(el.style.cssText);
      const styles = [el, copy].map((x) => x.ownerDocument.defaultView!.getComputedStyle(x));
      expect(styles[1].backgroundColor).to.equal(styles[0].backgroundColor);
      expect(styles[1].color).to.equal(styles[0].color);
      expect(copy.querySelector('a')!.getClientRects().length, 'the fallback link is hidden once it draws').to.equal(0);
      page.remove();
    });
  }

  it('the iframe snippet shows the same widget and text, full width', async () => {
    set('widget', 'event-list');
    set('src', await feedUrl());
    set('now', NOW);
    set('theme', 'auto');
    set('use-accent', false);
    set(option('event-list', 'date'), '2026-02-02');
    const el = preview();
    await waitUntil(() => shadowText(el).includes('Teach-in on the Commons'), 'the preview shows the feed', { timeout: 15000 });
    const snippet = field<HTMLTextAreaElement>('iframe-snippet').value;
    const page = await pageWith(snippet);
    const frame = page.contentDocument!.querySelector('iframe')!;
    expect(frame.title).to.equal('Upcoming events');
    expect(frame.getBoundingClientRect().width).to.equal(page.contentDocument!.body.clientWidth);
    await waitUntil(() => frame.contentDocument?.querySelector('event-list'), 'the iframe page has the element', { timeout: 15000 });
    const copy = frame.contentDocument!.querySelector('event-list')!;
    await waitUntil(() => shadowText(copy) === shadowText(el), 'same text in the iframe', { timeout: 15000 }).catch(() => {
      throw new Error(`preview: ${shadowText(el)}\niframe: ${shadowText(copy)}`);
    });
    expect(copy.getAttribute('date')).to.equal('2026-02-02');
    page.remove();
  });

  it('with the resize option, the iframe snippet adds the marked frame and the resize script with its hash', async () => {
    set('auto-height', true);
    const snippet = field<HTMLTextAreaElement>('iframe-snippet').value;
    const { integrity, base } = await cdn();
    expect(snippet).to.include(' data-turnout-embed ');
    expect(snippet).to.include(
      `<script type="module" src="${location.origin}${base}embed-resize.js" integrity="${integrity.files['embed-resize.js']}" crossorigin="anonymous" referrerpolicy="no-referrer"></script>`,
    );
    set('auto-height', false);
  });

  it('a copy button says what happened, in a status message', async () => {
    const status = field('copy-status');
    expect(status.getAttribute('role')).to.equal('status');
    field<HTMLButtonElement>('copy-script').click();
    await waitUntil(() => status.textContent, 'a message', { timeout: 5000 });
    expect([
      'The script snippet is copied. Paste it into your page.',
      'Copying is blocked here: the script snippet is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
    ]).to.include(status.textContent);
  });

  it('the builder page itself passes axe (WCAG 2.x A and AA rules)', async () => {
    const script = bdoc().createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    bdoc().head.append(script);
    await loaded;
    type Axe = { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    const axe = (builder.contentWindow as Window & { axe: Axe }).axe;
    const { violations } = await axe.run(bdoc(), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
  });

  it('escapes what a volunteer types, so the snippet stays one element', async () => {
    set('widget', 'event-list');
    set('fallback-text', '<b>Events</b> & more "here"');
    set('src', 'https://coalition.example/feed.json?a=1&b="2"');
    const snippet = field<HTMLTextAreaElement>('script-snippet').value;
    expect(snippet).to.include('src="https://coalition.example/feed.json?a=1&amp;b=%222%22"'.replace('%222%22', '&quot;2&quot;'));
    expect(snippet).to.include('>&lt;b&gt;Events&lt;/b&gt; &amp; more "here"</a>');
    set('fallback-text', 'See all events');
  });
});
