/**
 * No script injection. Every payload (payloads.ts) goes into every field of every feed format, into every attribute
 * each element declares (and the feed options the countdown and the banner read outside their property list:
 * `format`, `timeout`, `refresh`, `max-bytes`), into the `feed` property (normalized data set by script, which skips the feed layer's
 * allowlist) and into the CSS custom properties and style attribute of the host. Then, once images, handlers and
 * timers have had time to fire: the sentinel the payloads call was never called, and every link and image in the
 * shadow DOM uses an allowed scheme (https:, mailto:, http: only to the feed's own origin), with no handler
 * attribute or active element (script, iframe, object, …) anywhere. The source check for HTML sinks runs here too.
 */
import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse.js';
import type { FeedData } from '../../src/feed/types.js';
import { ELEMENTS, declaredAttributes, defineAll, type ElementCase, type RecordKind } from './elements.js';
import { goodFeed, payloadFeeds } from './feeds.js';
import {
  captureErrors,
  create,
  figure,
  installSentinel,
  linkProblems,
  place,
  serve,
  settle,
  settled,
  unplace,
  visibleText,
} from './harness.js';
import { HOSTILE_HOSTS, PAYLOADS } from './payloads.js';

const tally = { mounts: 0, feeds: 0, attributes: 0, records: 0 };

/** The ids of the records of `kind` in the feed, as the feed layer normalizes them. */
function idsOf(data: FeedData, kind: RecordKind): string[] {
  if (kind === 'campaign') return (data.campaign?.days ?? []).map((d) => d.id);
  if (kind === 'event') return data.events.map((e) => e.id);
  return [];
}

/** Normalized data with the payloads put straight in (what a script could set as `feed`). */
function rawFeed(p: string, i: number): FeedData {
  const start = Date.parse('2026-01-31T19:00:00-06:00');
  return {
    format: 'turnout',
    events: [
      {
        id: p,
        title: p,
        description: p,
        start,
        end: start + 7200e3,
        timeZone: 'America/Chicago',
        location: { venue: p, address: p, locality: p, region: p, postalCode: p, country: p, precision: 'exact' },
        online: true,
        onlineUrl: p,
        type: p,
        tags: [p],
        url: p,
        host: p,
        status: 'scheduled',
        accessibility: p,
      },
    ],
    partners: [{ id: p, name: p, url: p, logo: p, description: p, categories: [p, 'x'] }],
    campaign: {
      name: p,
      url: p,
      hostEventUrl: p,
      days: [{ id: `d${i}`, name: p, start, end: start + 864e5, timeZone: 'America/Chicago', url: p, description: p }],
    },
    skipped: [{ kind: 'event', index: 0, label: p, reason: p }],
    loadedAt: Date.now(),
  };
}

describe('hardening: no script injection', function () {
  this.timeout(120000);
  let calls: number[];
  let page: ReturnType<typeof captureErrors>;

  before(async () => {
    await defineAll();
    calls = installSentinel();
    page = captureErrors();
  });
  beforeEach(() => {
    page.errors.length = 0;
  });
  afterEach(unplace);
  after(() => {
    page.stop();
    figure('payloads', PAYLOADS.length);
    figure('payload feeds (format x payloads in every field)', tally.feeds);
    figure('payload records rendered', tally.records);
    figure('payload attribute sets', tally.attributes);
    figure('payload mounts', tally.mounts);
  });

  it(`has at least 60 payloads, all different`, () => {
    expect(PAYLOADS.length).to.be.at.least(60);
    expect(new Set(PAYLOADS).size).to.equal(PAYLOADS.length);
  });

  it('the sentinel works: a payload put in the page as HTML does run (the check can fail)', async () => {
    // What payload 6 would make if it were ever parsed as HTML, built here with DOM calls, outside any element.
    const probe = document.createElement('img');
    probe.setAttribute('onerror', '__xss(6)');
    probe.src = 'x';
    document.body.append(probe);
    await settle();
    probe.remove();
    expect(calls).to.include(6);
    calls.length = 0;
    // And a javascript: link is caught by the link check.
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('a'), { href: 'javascript:void 0' }));
    expect(linkProblems([host])).to.have.length(1);
  });

  for (const feed of payloadFeeds(PAYLOADS)) {
    const label = `${feed.format}${feed.format === 'csv' ? ` (${feed.kinds[0]}s)` : ''}`;
    for (const el of ELEMENTS) {
      const kinds = el.shows.filter((k) => feed.kinds.includes(k));
      if (!kinds.length) continue;
      it(`<${el.tag}>: ${label} feed with every payload in every field`, async () => {
        const url = await serve(feed.body, { type: feed.type });
        tally.feeds++;
        const hosts = mountFeed(el, url, kinds, parseFeed(feed.body, { baseUrl: new URL(url, location.href).href }));
        await settled(hosts);
        await useEverything(hosts);
        await settle(hosts);
        expect(calls, 'payloads that ran').to.deep.equal([]);
        expect(linkProblems(hosts)).to.deep.equal([]);
        expect(page.errors).to.deep.equal([]);
        // The hostile strings are shown, as text (markup in feed text is read as HTML and reduced to its text).
        if (!el.pick) expect(visibleText(hosts[0])).to.include('javascript:__xss(22)');
        tally.records += hosts.length === 1 ? PAYLOADS.length : hosts.length;
      });
    }
  }

  for (const el of ELEMENTS) {
    it(`<${el.tag}>: every payload in every attribute it declares or reads, with and without a feed`, async () => {
      const names = [...declaredAttributes(el.tag), ...(el.undeclared ?? [])];
      expect(names, 'the element declares attributes').to.include('src');
      const hosts: HTMLElement[] = [];
      PAYLOADS.forEach((p, i) => {
        const all = Object.fromEntries(names.map((n) => [n, p]));
        // Alone (src is then a hostile URL), and with the element's own settings so it renders its whole UI
        // around a feed given by script (the attributes that are links, labels and messages are then used).
        hosts.push(create(el.tag, all));
        const withFeed = create(el.tag, { ...all, ...el.full });
        (withFeed as HTMLElement & { feed: FeedData }).feed = rawFeed(`safe-${i}`, i);
        hosts.push(withFeed);
        // CSS: the payload as the value of every theme token and as the host's style attribute.
        const styled = create(el.tag, { ...el.full, style: p });
        for (const token of ['accent', 'on-accent', 'text', 'muted', 'surface', 'border', 'font', 'radius', 'space']) {
          styled.style.setProperty(`--turnout-${token}`, p);
        }
        (styled as HTMLElement & { feed: FeedData }).feed = rawFeed(`css-${i}`, i);
        hosts.push(styled);
      });
      tally.attributes += PAYLOADS.length * 3;
      tally.mounts += hosts.length;
      place(hosts);
      await settled(hosts, 30000);
      await settle(hosts);
      expect(calls, 'payloads that ran').to.deep.equal([]);
      expect(linkProblems(hosts)).to.deep.equal([]);
      expect(page.errors).to.deep.equal([]);
    });

    if (el.undeclared?.length) {
      const options = el.undeclared;
      it(`<${el.tag}>: every payload in each feed option read outside its property list (${options.join(', ')})`, async () => {
        const url = await serve(JSON.stringify(goodFeed(2)));
        const numeric = options.filter((n) => n !== 'format');
        const camel = (n: string) => n.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
        /** Hosts whose numbers are payloads: not numbers, so ignored; the feed loads and its day is shown. */
        const kept: HTMLElement[] = [];
        /** Hosts whose format is a payload: not a format, so the feed is refused, with the reason and Retry. */
        const refused: HTMLElement[] = [];
        for (const p of PAYLOADS) {
          kept.push(create(el.tag, { ...el.full, ...Object.fromEntries(numeric.map((n) => [n, p])), src: url }));
          refused.push(create(el.tag, { ...el.full, format: p, src: url }));
          // The same values set by script, as properties, before the feed path has loaded.
          const byScript = create(el.tag, { ...el.full, src: url });
          for (const n of numeric) (byScript as unknown as Record<string, unknown>)[camel(n)] = p;
          kept.push(byScript);
          const formatByScript = create(el.tag, { ...el.full, src: url });
          (formatByScript as unknown as Record<string, unknown>).format = p;
          refused.push(formatByScript);
        }
        const hosts = [...kept, ...refused];
        tally.attributes += hosts.length;
        tally.mounts += hosts.length;
        place(hosts);
        await settled(hosts, 30000);
        const check = async () => {
          await settle(hosts);
          expect(calls, 'payloads that ran').to.deep.equal([]);
          expect(linkProblems(hosts)).to.deep.equal([]);
          expect(page.errors).to.deep.equal([]);
          // A clear state: the day, or why the feed was refused (with Retry). Strings, not elements, in the checks.
          const wrong = (hs: HTMLElement[], ok: (h: HTMLElement) => boolean) =>
            hs.filter((h) => !ok(h)).map((h) => `${visibleText(h).slice(0, 120)} (state ${h.getAttribute('state')})`);
          expect(
            wrong(kept, (h) => visibleText(h).includes('National Day of Action') && !h.shadowRoot!.querySelector(el.failure.reason)),
            'hosts with payloads as numbers that do not show the day',
          ).to.deep.equal([]);
          expect(
            wrong(refused, (h) => {
              const reason = h.shadowRoot!.querySelector(el.failure.reason);
              return !!reason && /not in a format this widget knows/.test(visibleText(reason)) && !!h.shadowRoot!.querySelector(el.failure.retry);
            }),
            'hosts with a payload as format that do not say why',
          ).to.deep.equal([]);
        };
        await check();
        // Changed after the load (the element reloads with the new values): the same.
        PAYLOADS.forEach((p, i) => {
          const next = PAYLOADS[(i + 1) % PAYLOADS.length]!;
          kept[2 * i]!.setAttribute(numeric[i % numeric.length]!, next);
          refused[2 * i]!.setAttribute('format', next);
        });
        tally.attributes += PAYLOADS.length * 2;
        await settled(hosts, 30000);
        await check();
      });
    }

    it(`<${el.tag}>: every payload in the normalized data set by script (feed property)`, async () => {
      const hosts = PAYLOADS.flatMap((p, i) => {
        const variants = el.pick ? [el.pick('campaign', `d${i}`), el.pick('event', p)] : [{}];
        return variants.map((pick) => {
          const h = create(el.tag, { ...el.full, ...pick });
          (h as HTMLElement & { feed: FeedData }).feed = rawFeed(p, i);
          return h;
        });
      });
      tally.mounts += hosts.length;
      tally.records += hosts.length;
      place(hosts);
      await settled(hosts, 30000);
      await useEverything(hosts);
      await settle(hosts);
      expect(calls, 'payloads that ran').to.deep.equal([]);
      expect(linkProblems(hosts)).to.deep.equal([]);
      expect(page.errors).to.deep.equal([]);
    });
  }

  it('nothing was requested from the hosts the payloads name, but the feeds a src attribute named', () => {
    // A payload in `src` is a feed address the embedder wrote, and is fetched (as a feed, never run); anything
    // else reaching those hosts (an image, a style sheet, a frame, a script) would come from feed content.
    const asSrc = new Set(PAYLOADS.filter((p) => URL.canParse(p.trim(), location.href)).map((p) => new URL(p.trim(), location.href).href));
    const hostile = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => URL.canParse(e.name) && HOSTILE_HOSTS.some((h) => new URL(e.name).hostname.endsWith(h)))
      .filter((e) => !(e.initiatorType === 'fetch' && asSrc.has(e.name)))
      .map((e) => `${e.initiatorType}: ${e.name}`);
    expect(hostile).to.deep.equal([]);
  });

  it('no HTML sink in the source (scripts/check-sinks.mjs), and the check finds the known ones', async () => {
    const src = (await (await fetch('/__hardening/sinks')).json()) as { files: number; findings: unknown[] };
    expect(src.files).to.be.greaterThan(20);
    expect(src.findings).to.deep.equal([]);
    const sample = (await (await fetch('/__hardening/sinks?dir=test/hardening/fixtures/sinks')).json()) as {
      findings: { sink: string }[];
    };
    expect(sample.findings.map((f) => f.sink)).to.include.members([
      'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'setHTML', 'srcdoc', 'unsafeHTML',
    ]);
    figure('source files checked for HTML sinks', src.files);
  });

  /** Mounts the element for the feed: once, or once per record for elements that show one at a time. */
  function mountFeed(el: ElementCase, url: string, kinds: RecordKind[], data: FeedData): HTMLElement[] {
    const hosts: HTMLElement[] = [];
    if (!el.pick) hosts.push(create(el.tag, { ...el.full, src: url }));
    else {
      for (const kind of kinds) {
        for (const id of idsOf(data, kind)) hosts.push(create(el.tag, { ...el.full, src: url, ...el.pick(kind, id) }));
      }
    }
    expect(hosts.length, 'something to show').to.be.greaterThan(0);
    tally.mounts += hosts.length;
    place(hosts);
    return hosts;
  }
});

/**
 * Opens what a visitor can open: the skipped-records details, the first "Add to calendar" choices (their Google
 * Calendar link carries feed text), and the partner chips (payload categories).
 */
async function useEverything(hosts: HTMLElement[]): Promise<void> {
  for (const host of hosts.slice(0, 3)) {
    const root = host.shadowRoot;
    if (!root) continue;
    root.querySelectorAll('details').forEach((d) => (d.open = true));
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.add, button[part="chip"]')].slice(0, 4);
    for (const b of buttons) {
      b.click();
      await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
