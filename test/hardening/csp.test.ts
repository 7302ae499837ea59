/**
 * Strict Content Security Policy. A page served with
 *   default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self';
 *   worker-src 'self' blob:; require-trusted-types-for 'script'
 * (test/server/hardening-routes.mjs) loads the built bundles (dist/cdn/, made by `npm test` before the runner; run
 * `node scripts/build.mjs --cdn-only` first when running this file alone) and every element reading a feed from
 * the same origin. The page counts `securitypolicyviolation` events and the server collects `report-uri` reports:
 * both must stay at zero, and every element must show its content.
 */
import { expect } from '@open-wc/testing';
import { ELEMENTS } from './elements.js';
import { goodFeed } from './feeds.js';
import { figure, serve, until } from './harness.js';

interface CspResult {
  done: boolean;
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  errors: string[];
  texts: Record<string, string>;
  trustedTypes: boolean;
  workerStarted: boolean;
}

const CDN = '/dist/cdn';

async function openPage(query: Record<string, string>): Promise<{ result: CspResult; reports: unknown[] }> {
  const token = `csp-${Math.random().toString(36).slice(2)}`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px';
  frame.src = `/__hardening/csp-page?${new URLSearchParams({ ...query, token })}`;
  document.body.append(frame);
  try {
    const result = await until(
      () => {
        const r = (frame.contentWindow as (Window & { __cspResult?: CspResult }) | null)?.__cspResult;
        return r?.done ? r : undefined;
      },
      'the CSP page to finish',
      30000,
    );
    // Reports travel separately (report-uri): give them a moment, then take those of this page.
    await new Promise((r) => setTimeout(r, 300));
    const all = (await (await fetch('/__hardening/csp-reports')).json()) as { 'csp-report'?: { 'document-uri'?: string } }[];
    const reports = all.filter((r) => r['csp-report']?.['document-uri']?.includes(token));
    return { result: JSON.parse(JSON.stringify(result)) as CspResult, reports };
  } finally {
    frame.remove();
  }
}

describe('hardening: strict Content Security Policy', function () {
  this.timeout(60000);
  let specs: { tag: string; attrs: Record<string, string> }[];
  let tally = 0;

  before(async () => {
    const built = await fetch(`${CDN}/turnout.js`, { method: 'HEAD' });
    if (!built.ok) throw new Error('dist/cdn/turnout.js is missing: run `node scripts/build.mjs --cdn-only` first.');
    const feed = { ...goodFeed(4) };
    (feed.partners as { logo?: string }[])[0].logo = '/demo/logos/across-borders-solidarity.svg';
    const src = await serve(JSON.stringify(feed));
    // Over 1.5 MB: parsed in the worker, which the policy must allow (worker-src 'self' blob:).
    const big = `/__hardening/big?kind=events&n=8000`;
    specs = [
      ...ELEMENTS.map((el) => ({ tag: el.tag, attrs: { ...el.full, src } })),
      { tag: 'event-list', attrs: { src: big, 'page-size': '5', now: '2026-01-29T18:00:00-05:00' } },
      { tag: 'action-banner', attrs: { src, mode: 'takeover', preview: 'live' } },
      { tag: 'event-list', attrs: { src: '/__feed/respond?status=404&body=gone' } },
    ];
  });
  after(() => figure('strict-CSP page loads with 0 violations', tally));

  it('the page really enforces the policy: a deliberate breach is reported (the check can fail)', async () => {
    const { result, reports } = await openPage({ probe: '1' });
    expect(result.trustedTypes, 'an HTML string is refused under Trusted Types').to.equal(true);
    expect(result.violations.map((v) => v.directive)).to.include.members(['require-trusted-types-for', 'style-src-attr']);
    expect(reports.length, 'report-uri received the reports').to.be.greaterThan(0);
  });

  const bundleSets: [string, () => string[]][] = [
    ['the all-in-one bundle (turnout.js)', () => [`${CDN}/turnout.js`]],
    ['the per-element bundles', () => ELEMENTS.map((el) => `${CDN}/${el.tag}.js`)],
  ];
  for (const [name, bundles] of bundleSets) {
    it(`${name}: every element shows its content with 0 violations, Lit under Trusted Types included`, async () => {
      const { result, reports } = await openPage({ bundles: bundles().join(','), elements: JSON.stringify(specs) });
      expect(result.errors, 'errors on the page').to.deep.equal([]);
      expect(result.violations, 'securitypolicyviolation events').to.deep.equal([]);
      expect(reports, 'report-uri reports').to.deep.equal([]);
      const texts = Object.entries(result.texts);
      expect(texts.length).to.equal(specs.length);
      for (const [key, text] of texts) expect(text, `${key} shows something`).not.to.equal('');
      expect(result.texts['0:event-list']).to.include('Good gathering 1');
      expect(result.texts['1:partner-list']).to.include('Partner 1');
      expect(result.texts['2:event-countdown']).to.include('National Day of Action');
      expect(result.workerStarted, 'the large feed was parsed in the worker').to.equal(true);
      expect(result.texts[`${ELEMENTS.length}:event-list`], 'the worker-parsed feed').to.match(/Showing 8,000 of 8,000 events/);
      expect(result.texts[`${ELEMENTS.length + 1}:action-banner`]).to.include('Today we are on strike');
      expect(result.texts[`${ELEMENTS.length + 2}:event-list`]).to.include('could not be found');
      tally++;
    });
  }
});
