// The versioned CDN folder (dist/cdn/v<version>/) as a partner's page uses it: loaded with `integrity` and
// `crossorigin` from ANOTHER origin (the page on http://127.0.0.2:<port>, the CDN and the feed on the test's own
// origin, which sends CORS headers for them like a real CDN must), with fallback content inside each element and
// a reserved height. `npm test` builds dist/cdn first (node scripts/build.mjs --cdn-only).
import { expect } from '@open-wc/testing';
import { EXPECTED, NOW, builtTags, cdn, feedUrl, messageFrom, sri, store } from './fixtures.js';

/** The page origin the partner's page lives on: same server, another origin. */
const OTHER = `http://127.0.0.2:${location.port}`;
const RESERVED = 120;

interface Report {
  before: Record<string, { height: number; fallback: boolean }>;
  after: Record<string, { defined: boolean; text: string; fallback: boolean }>;
  resources: string[];
  scriptErrors: number;
}

/**
 * A partner's page: every built element with a fallback link and a reserved height, the given module scripts, and a
 * small reporter that says (to this test, by postMessage) what a visitor sees before and after the scripts run.
 */
function partnerPage(tags: string[], scripts: { src: string; integrity: string }[], feed: string): string {
  const elements = tags
    .map(
      (tag) =>
        `<${tag} src="${feed}" now="${NOW}" campaign="day-of-action" style="display:block;min-height:${RESERVED}px">` +
        `<a href="https://coalition.example/events">See all events</a></${tag}>`,
    )
    .join('\n');
  const reporter = `
    const tags = ${JSON.stringify(tags)};
    const expected = ${JSON.stringify(EXPECTED)};
    const fallback = (el) => el.querySelector('a').getClientRects().length > 0;
    const before = {};
    for (const el of document.querySelectorAll(tags.join(','))) {
      before[el.localName] = { height: el.getBoundingClientRect().height, fallback: fallback(el) };
    }
    let scriptErrors = 0;
    const text = (el) => (el.shadowRoot ? el.shadowRoot.textContent : '').replace(/\\s+/g, ' ').trim();
    const done = () => tags.every((t) => text(document.querySelector(t)).includes(expected[t]));
    function report() {
      const after = {};
      for (const el of document.querySelectorAll(tags.join(','))) {
        after[el.localName] = { defined: !!customElements.get(el.localName), text: text(el), fallback: fallback(el) };
      }
      const resources = performance.getEntriesByType('resource').map((e) => e.name);
      parent.postMessage({ kind: 'partner-page', before, after, resources, scriptErrors }, '*');
    }
    const started = Date.now();
    (function poll() {
      if (done() || scriptErrors || Date.now() - started > 12000) setTimeout(report, 50);
      else setTimeout(poll, 50);
    })();
    addEventListener('turnout-script-error', () => scriptErrors++);`;
  const scriptTags = scripts
    .map(
      (s) =>
        `<script type="module" src="${s.src}" integrity="${s.integrity}" crossorigin="anonymous" ` +
        `onerror="window.dispatchEvent(new Event('turnout-script-error'))"></script>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A partner's page</title></head><body>
    <h1>Our coalition</h1>
    ${elements}
    <script>${reporter}</script>
    ${scriptTags}
  </body></html>`;
}

/** Opens the page on the other origin in an iframe and waits for its report. */
async function visit(html: string): Promise<Report> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:900px';
  const url = OTHER + (await store(html));
  const report = messageFrom<Report & { kind?: string }>(() => frame.contentWindow, (d) => d?.kind === 'partner-page', 20000);
  frame.src = url;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

describe('versioned CDN files (dist/cdn/v<version>/)', () => {
  it('integrity.json lists every entry, and each sha384 matches the bytes served', async () => {
    const { base, integrity } = await cdn();
    const tags = await builtTags();
    expect(integrity.entries).to.include.members(['turnout.js', 'event-list.js', 'event-countdown.js', 'action-banner.js', 'partner-list.js']);
    expect(Object.keys(integrity.files)).to.include.members([...integrity.entries, 'embed.html', 'embed.js', 'embed-resize.js']);
    expect(tags.length).to.equal(integrity.entries.length - 1);
    for (const [file, hash] of Object.entries(integrity.files)) {
      const r = await fetch(base + file);
      expect(r.ok, `${file} is served`).to.equal(true);
      expect(await sri(await r.arrayBuffer()), file).to.equal(hash);
    }
  });

  it('keeps the unversioned entries (dist/cdn/<tag>.js) byte for byte the same as the versioned ones', async () => {
    const { integrity } = await cdn();
    for (const entry of [...integrity.entries, 'embed.js', 'embed.html']) {
      const r = await fetch(`/dist/cdn/${entry}`);
      expect(await sri(await r.arrayBuffer()), entry).to.equal(integrity.files[entry]);
    }
  });
});

describe('the CDN bundles on a page from another origin (127.0.0.2)', () => {
  it('turnout.js with integrity and crossorigin: every element shows its feed, the fallback goes, chunks come from the versioned folder', async () => {
    const { base, integrity } = await cdn();
    const tags = await builtTags();
    const cdnOrigin = location.origin + base;
    const report = await visit(
      partnerPage(tags, [{ src: `${cdnOrigin}turnout.js`, integrity: integrity.files['turnout.js'] }], await feedUrl()),
    );
    expect(report.scriptErrors).to.equal(0);
    for (const tag of tags) {
      expect(report.before[tag].fallback, `${tag}: the fallback link shows before the script`).to.equal(true);
      expect(report.before[tag].height, `${tag}: reserved height`).to.be.at.least(RESERVED);
      expect(report.after[tag].defined, `${tag} is defined`).to.equal(true);
      expect(report.after[tag].text, tag).to.include(EXPECTED[tag]);
      expect(report.after[tag].fallback, `${tag}: the fallback link is hidden once the element draws`).to.equal(false);
    }
    const chunks = report.resources.filter((u) => u.includes('/chunks/'));
    expect(chunks.length, 'lazy chunks were loaded').to.be.greaterThan(0);
    for (const u of chunks) expect(u.startsWith(`${cdnOrigin}chunks/`), u).to.equal(true);
  });

  it('each per-element bundle, with its own integrity, works on that page too', async () => {
    const { base, integrity } = await cdn();
    const tags = await builtTags();
    const scripts = tags.map((t) => ({ src: `${location.origin}${base}${t}.js`, integrity: integrity.files[`${t}.js`] }));
    const report = await visit(partnerPage(tags, scripts, await feedUrl()));
    expect(report.scriptErrors).to.equal(0);
    for (const tag of tags) expect(report.after[tag].text, tag).to.include(EXPECTED[tag]);
  });

  it('a bundle whose bytes do not match the integrity value is refused, and the fallback link stays', async () => {
    const { base, integrity } = await cdn();
    const tags = await builtTags();
    const wrong = integrity.files['event-list.js'];
    const report = await visit(partnerPage(tags, [{ src: `${location.origin}${base}turnout.js`, integrity: wrong }], await feedUrl()));
    expect(report.scriptErrors).to.equal(1);
    for (const tag of tags) {
      expect(report.after[tag].defined, `${tag} is not defined`).to.equal(false);
      expect(report.after[tag].fallback, `${tag}: the fallback link still shows`).to.equal(true);
    }
  });
});
