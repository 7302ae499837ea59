// The built per-element bundles (dist/cdn/, made by `npm test`'s build step), each with its own copy of Lit and of
// @lit/localize, loaded with plain module scripts: each shows its strings in the page's language, and they agree.
// Run `node scripts/build.mjs --cdn-only` before `wtr --files test/i18n/cdn.test.ts`.
import { expect, waitUntil } from '@open-wc/testing';
import { squash } from './helpers.js';

const CDN = '/dist/cdn';
const EVE = '2026-01-29T18:00:00-05:00';
const text = (el: Element) => squash(el.shadowRoot?.textContent);

function load(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { type: 'module', src });
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

function add(tag: string, attrs: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}

const FEED = JSON.stringify({
  turnout: '1.0',
  campaign: { days: [{ id: 'd', name: 'National Shutdown', start: '2026-01-30T00:00:00-05:00', end: '2026-01-31T00:00:00-05:00', url: 'https://example.org/strike' }] },
  events: [{ id: 'e', title: 'Rally', start: '2026-01-31T19:00:00-06:00', timeZone: 'America/Chicago', location: { locality: 'Chicago' } }],
});

describe('per-element CDN bundles in another language', () => {
  before(async () => {
    const built = await fetch(`${CDN}/event-countdown.js`, { method: 'HEAD' });
    if (!built.ok) throw new Error('dist/cdn is missing: run `node scripts/build.mjs --cdn-only` first.');
    document.documentElement.lang = 'es';
    for (const name of ['event-countdown', 'action-banner', 'event-list']) await load(`${CDN}/${name}.js`);
  });
  after(() => document.documentElement.removeAttribute('lang'));

  it('each bundle shows Spanish, loading the translations once', async () => {
    const src = `/__feed/respond?t=i18n-cdn-${Date.now()}&body=${encodeURIComponent(FEED)}`;
    const countdown = add('event-countdown', { target: '2026-01-30T00:00:00-05:00', now: EVE });
    const banner = add('action-banner', { src, now: EVE });
    const list = add('event-list', { src, now: EVE });
    await waitUntil(() => text(countdown).includes('comienza en'), 'countdown in Spanish', { timeout: 10000 });
    await waitUntil(() => text(banner).includes('Más información'), 'banner in Spanish', { timeout: 10000 });
    await waitUntil(() => text(list).includes('Mostrando 1 de 1 evento'), 'list in Spanish', { timeout: 10000 });
    expect(text(list)).to.include('sábado, 31 de enero de 2026');
    const spanish = performance.getEntriesByType('resource').filter((r) => /\/chunks\/es-[\w-]+\.js$/.test(r.name));
    expect(spanish.length, 'the Spanish module is fetched once for all bundles').to.equal(1);
  });
});
