// <partner-list> reading real files through `src` (every format), and which logo hosts it contacts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../partner-list.define.js';
import type { PartnerList } from '../partner-list.js';
import { $, $$, count, item, makeFeed, mount, names, partner, squash } from './partners.js';
import { hits, mountFromSrc } from '../../../../test/helpers.js';

const load = (src: string, attrs: Record<string, string> = {}) => mountFromSrc<PartnerList>('partner-list', src, attrs);


/** A same-server URL that answers with a small SVG logo, unique per `key`. */
function logoPath(key: string): string {
  const q = new URLSearchParams({
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="#1f5fbf"/></svg>',
    k: key,
  });
  return `/__feed/respond?${q}`;
}

/** The test server under another origin: a third-party host as far as the browser is concerned. */
function thirdParty(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}

/**
 * Whether the image has arrived. The two test pages run side by side and one of them is in the background, where
 * Chromium never starts lazy images (no rendering, so nothing intersects the viewport): once the element has rendered
 * with loading="lazy" (checked in partner-list.test.ts), its images are switched to eager so the request is made.
 */
function loaded(img: HTMLImageElement | null | undefined): boolean {
  if (img?.loading === 'lazy') img.loading = 'eager';
  return !!img && img.complete && img.naturalWidth > 0;
}

describe('<partner-list src>', () => {
  it('reads the native demo feed: 25 partners, logos from the feed’s folder, monograms for the rest', async () => {
    const el = await load('/demo/data/feed.json');
    expect(count(el)).to.equal('25 partners');
    expect($$(el, 'li.partner').length).to.equal(25);
    expect($$(el, '.monogram').length).to.equal(3);
    const img = item(el, 'Riverside Tenants Union').querySelector('img')!;
    expect(img.src).to.equal(`${location.origin}/demo/logos/riverside-tenants-union.svg`);
    await waitUntil(() => loaded(img), 'logo did not load');
    await expect(el).to.be.accessible();
  });

  it('reads the same partners from JSON-LD Organizations', async () => {
    const el = await load('/demo/data/events.jsonld', { category: 'Student group' });
    expect(names(el)).to.include('Somali Student Association at Lakeshore State University');
    const all = await load('/demo/data/events.jsonld');
    expect(count(all)).to.equal('25 partners');
    expect(squash(item(all, 'Riverside Tenants Union').textContent)).to.contain('Riverside Tenants Union');
  });

  it('reads a published spreadsheet of partners (CSV)', async () => {
    const el = await load('/demo/data/partners.csv', { layout: 'list' });
    expect(count(el)).to.equal('25 partners');
    const bsu = item(el, 'Black Student Union at Lakeshore State University');
    expect(squash(bsu.querySelector('.categories')!.textContent)).to.equal('Student group, Civil rights');
  });

  it('takes CSV with forgiving headers, given as data', async () => {
    const csv = [
      'Organization Name;Web Site;Logo URL;Sector;About',
      'Harbor Immigrant Defense;https://example.org/hid;;Legal support;Free lawyers.',
      'Valley Youth Voices;https://example.org/vyv;;Youth, Student group;Young people speaking up.',
    ].join('\r\n');
    const el = await mount({ data: csv }, { layout: 'list' });
    expect(names(el)).to.deep.equal(['Harbor Immigrant Defense', 'Valley Youth Voices']);
    expect(item(el, 'Harbor Immigrant Defense').querySelector('a')!.href).to.equal('https://example.org/hid');
    expect(squash(item(el, 'Harbor Immigrant Defense').querySelector('.description')!.textContent)).to.equal('Free lawyers.');
    expect(squash(item(el, 'Valley Youth Voices').querySelector('.categories')!.textContent)).to.equal('Youth, Student group');
    expect(squash(item(el, 'Valley Youth Voices').querySelector('.monogram')!.textContent)).to.equal('VY');
  });

  it('takes a native feed with only partners, and JSON-LD, given as data', async () => {
    const native = await mount({
      data: { turnout: '1.0', partners: [{ id: 'a', name: 'Prairie Freedom Fund', url: 'https://example.org/pff', categories: ['Bail fund'] }] },
    });
    expect(names(native)).to.deep.equal(['Prairie Freedom Fund']);
    const jsonld = await mount({
      data: [
        { '@context': 'https://schema.org', '@type': 'NGO', name: 'Crescent Civil Rights', url: 'https://example.org/ccr', keywords: 'Civil rights' },
        { '@context': 'https://schema.org', '@type': 'Organization', name: 'First Light Congregations', keywords: ['Faith'] },
      ],
    });
    expect(names(jsonld)).to.deep.equal(['Crescent Civil Rights', 'First Light Congregations']);
    expect($$(jsonld, 'button.chip').map((c) => squash(c.textContent))).to.deep.equal(['All', 'Civil rights', 'Faith']);
  });

  it('shows loading, then an error a person understands', async () => {
    const el = document.createElement('partner-list');
    el.setAttribute('src', '/__feed/respond?status=404&delay=300&body=x&k=partner-error');
    await fixture(html`${el}`);
    expect(squash($(el, '[part="feed-status"]')!.textContent)).to.equal('Loading partners…');
    await waitUntil(() => $(el, '.feed-error'), 'no error shown', { timeout: 10000 });
    expect(squash($(el, '.feed-error')!.textContent)).to.contain('could not be found');
    expect($(el, 'li.partner')).to.equal(null);
  });

  it('is accessible while loading', async () => {
    const el = document.createElement('partner-list');
    el.setAttribute('lang', 'en-US');
    el.setAttribute('src', '/__feed/respond?delay=3000&body=x&k=partner-loading-a11y');
    await fixture(html`${el}`);
    expect(squash($(el, '[part="feed-status"]')!.textContent)).to.equal('Loading partners…');
    await expect(el).to.be.accessible();
  });

  it('retries a failed feed from its Retry button, which keeps the focus', async () => {
    const src = `/__feed/respond?status=503&k=partner-retry-${Date.now()}`;
    const el = await load(src);
    expect(squash($(el, '.feed-error')!.textContent)).to.contain('Try again later');
    const retry = $<HTMLButtonElement>(el, '[part="feed-retry"]')!;
    expect(squash(retry.textContent)).to.equal('Retry');
    expect(await hits(src)).to.equal(1);
    retry.focus();
    retry.click();
    await waitUntil(async () => (await hits(src)) === 2, 'Retry made no new request');
    await waitUntil(() => $(el, '[part="feed-retry"]')?.getAttribute('aria-disabled') === 'false', 'retry never ended');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="feed-retry"]'));
    expect(squash($(el, '.feed-error')!.textContent)).to.contain('Try again later');
  });

  describe('logo privacy', () => {
    it('does not contact a third-party logo host by default: the monogram shows', async () => {
      await fetch('/__feed/reset');
      const own = logoPath('own-default');
      const other = logoPath('other-default');
      const el = await mount({
        feed: makeFeed([
          partner('Own Host', { logo: `${location.origin}${own}` }),
          partner('Other Host', { logo: `${thirdParty()}${other}` }),
        ]),
      });
      // Once the page's own logo has arrived, the other would have been asked for too.
      await waitUntil(() => loaded(item(el, 'Own Host').querySelector('img')), 'own logo did not load');
      expect(await hits(own)).to.equal(1);
      expect(await hits(other)).to.equal(0);
      expect(item(el, 'Other Host').querySelector('img')).to.equal(null);
      expect(squash(item(el, 'Other Host').querySelector('.monogram')!.textContent)).to.equal('OH');
    });

    it('loads it once its origin is listed in image-origins, with no referrer', async () => {
      await fetch('/__feed/reset');
      const other = logoPath('other-listed');
      const el = await mount(
        { feed: makeFeed([partner('Other Host', { logo: `${thirdParty()}${other}` })]) },
        { 'image-origins': `https://cdn.example.org ${thirdParty()}` },
      );
      const img = item(el, 'Other Host').querySelector('img');
      await waitUntil(() => loaded(img), 'listed logo did not load');
      expect(await hits(other)).to.equal(1);
      const headers = await (await fetch(`/__feed/headers?path=${encodeURIComponent(other)}`)).json();
      expect(headers.referer).to.equal(undefined);
    });

    it('allows the feed’s own origin', async () => {
      await fetch('/__feed/reset');
      const other = logoPath('feed-origin');
      const el = await mount({
        feed: makeFeed([partner('Feed Host', { logo: `${thirdParty()}${other}` })], { url: `${thirdParty()}/partners.json` }),
      });
      await waitUntil(() => loaded(item(el, 'Feed Host').querySelector('img')), 'feed-origin logo did not load');
      expect(await hits(other)).to.equal(1);
    });

    it('falls back to the monogram when a logo fails to load', async () => {
      const el = await mount({
        feed: makeFeed([partner('Broken Logo Org', { logo: `${location.origin}/__feed/respond?status=404&k=broken-logo` })]),
      });
      loaded(item(el, 'Broken Logo Org').querySelector('img'));
    await waitUntil(() => item(el, 'Broken Logo Org').querySelector('.monogram'), 'no monogram after the failure');
      expect(item(el, 'Broken Logo Org').querySelector('img')).to.equal(null);
      expect(squash(item(el, 'Broken Logo Org').querySelector('.monogram')!.textContent)).to.equal('BL');
      await expect(el).to.be.accessible();
    });
  });
});
