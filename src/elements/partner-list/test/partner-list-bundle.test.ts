// <partner-list> from its CDN bundle, as a blog loads it: dist/cdn/partner-list.js in a module script tag.
// `npm test` builds the bundles first; on its own, run `node scripts/build.mjs --cdn-only` before this file.
import { expect, waitUntil } from '@open-wc/testing';
import { hits, squash } from '../../../../test/helpers.js';

const CDN = '/dist/cdn';

function loadModuleScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

/** The resource timing entry of a path on this server. */
const timing = (path: string) =>
  performance.getEntriesByName(new URL(path, location.href).href)[0] as PerformanceResourceTiming | undefined;

describe('partner-list.js (CDN bundle)', () => {
  /** The bundle's lazy files: what shows the partners, and the feed parser. */
  const lazy = { view: '', parser: '' };

  before(async () => {
    // The test page loads hundreds of modules: make room for this test's entries.
    performance.setResourceTimingBufferSize(100000);
    const r = await fetch(`${CDN}/.vite/manifest-partner-list.json`);
    if (!r.ok) throw new Error('dist/cdn is missing: run `node scripts/build.mjs --cdn-only` first.');
    // Keyed by source module.
    const manifest = (await r.json()) as Record<string, { file: string }>;
    lazy.view = `${CDN}/${manifest['src/elements/partner-list/partner-list-view.ts'].file}`;
    lazy.parser = `${CDN}/${manifest['src/feed/parse-core.ts'].file}`;
    await loadModuleScript(`${CDN}/partner-list.js`);
  });

  it('asks for its view and the feed parser while the feed is on its way, then shows the partners', async () => {
    const feed = {
      turnout: '1.0',
      partners: [
        { id: 'a', name: 'Riverside Tenants Union', url: 'https://example.org/rtu', categories: ['Tenants union'] },
        { id: 'b', name: 'Open Door Legal Clinic', categories: ['Legal support'] },
      ],
    };
    // The server holds the feed back for 1.5 s.
    const src = `/__feed/respond?delay=1500&type=application%2Fjson&k=bundle-${Date.now()}&body=${encodeURIComponent(JSON.stringify(feed))}`;
    const el = document.createElement('partner-list');
    el.setAttribute('lang', 'en-US');
    el.setAttribute('src', src);
    document.body.append(el);
    const root = () => el.shadowRoot!;
    await waitUntil(() => root().querySelector('[part="count"]'), 'the partners never showed', { timeout: 15000 });
    expect(squash(root().querySelector('[part="count"]')!.textContent)).to.equal('2 partners');
    expect(root().querySelectorAll('li.partner').length).to.equal(2);
    // Both lazy files were requested before the feed's answer began, not after it.
    const answer = timing(src)!.responseStart;
    expect(timing(lazy.view)!.startTime, 'view requested before the feed answered').to.be.below(answer);
    expect(timing(lazy.parser)!.startTime, 'parser requested before the feed answered').to.be.below(answer);
    expect(await hits(src)).to.equal(1);
    el.remove();
  });
});
