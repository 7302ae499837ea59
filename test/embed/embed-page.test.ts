// The iframe page (dist/cdn/v<version>/embed.html) as a host that forbids scripts uses it: one widget chosen by the
// query, full width; refusals with a message a person can act on; and the optional resize script on the host page
// (embed-resize.js), which trusts a height only from the frame's own window, on its src's origin, in the right shape.
import { expect, waitUntil } from '@open-wc/testing';
import { EXPECTED, NOW, builtTags, cdn, feedUrl, messageFrom, shadowText, store } from './fixtures.js';

const OTHER = `http://127.0.0.2:${location.port}`;
const HEIGHT = 'turnout-embed:height';

/** Opens embed.html with these query parameters in a same-origin iframe and waits until the page has decided. */
async function embed(params: Record<string, string>, attrs: Record<string, string> = {}): Promise<HTMLIFrameElement> {
  const { base } = await cdn();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:600px;height:500px;border:0';
  for (const [k, v] of Object.entries(attrs)) frame.setAttribute(k, v);
  frame.src = `${base}embed.html?${new URLSearchParams(params)}`;
  document.body.append(frame);
  await waitUntil(() => frame.contentDocument?.documentElement?.dataset.embed, 'the embed page decided', { timeout: 10000 });
  return frame;
}

const doc = (frame: HTMLIFrameElement) => frame.contentDocument!;
const widgetIn = (frame: HTMLIFrameElement) => doc(frame).querySelector('main')!.firstElementChild;
const message = (frame: HTMLIFrameElement) => (doc(frame).querySelector('.embed-message')?.textContent ?? '').trim();

async function textOf(frame: HTMLIFrameElement, expected: string): Promise<string> {
  await waitUntil(() => shadowText(widgetIn(frame)).includes(expected), `shows "${expected}"`, { timeout: 15000 });
  return shadowText(widgetIn(frame));
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('embed.html renders one widget from its query', () => {
  it('renders every built widget from widget= and src=, loading nothing from another origin', async () => {
    const src = await feedUrl();
    for (const tag of await builtTags()) {
      const frame = await embed({ widget: tag, src, now: NOW, campaign: 'day-of-action' });
      expect(doc(frame).documentElement.dataset.embed, tag).to.equal('ready');
      const el = widgetIn(frame)!;
      expect(el.localName).to.equal(tag);
      expect(el.getAttribute('src')).to.equal(src);
      expect(await textOf(frame, EXPECTED[tag])).to.include(EXPECTED[tag]);
      expect(el.getBoundingClientRect().width, `${tag} is full width`).to.equal(600);
      const foreign = (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => e.name)
        .filter((u) => new URL(u).origin !== location.origin);
      expect(foreign, `${tag}: requests to other origins`).to.deep.equal([]);
      frame.remove();
    }
  });

  it('fits a phone-wide frame: nothing wider than the frame, taller widgets scroll inside', async () => {
    const src = await feedUrl();
    for (const tag of await builtTags()) {
      const frame = await embed(
        { widget: tag, src, now: NOW, campaign: 'day-of-action' },
        { style: 'width:360px;height:300px;border:0' },
      );
      await textOf(frame, EXPECTED[tag]);
      const root = doc(frame).documentElement;
      expect(root.scrollWidth, `${tag}: no sideways scrolling at 360px`).to.be.at.most(root.clientWidth);
      expect(widgetIn(frame)!.getBoundingClientRect().width, tag).to.equal(360);
      if (root.scrollHeight > root.clientHeight) {
        frame.contentWindow!.scrollTo(0, root.scrollHeight);
        expect(frame.contentWindow!.scrollY, `${tag}: scrolls inside`).to.be.greaterThan(0);
      }
      frame.remove();
    }
  });

  it("passes the element's own attributes through, and nothing else", async () => {
    const frame = await embed({
      widget: 'event-list',
      src: await feedUrl(),
      now: NOW,
      date: '2026-02-02',
      onclick: 'alert(1)',
      style: 'display:none',
      slot: 'x',
      made_up: 'yes',
    });
    const text = await textOf(frame, 'Teach-in on the Commons');
    expect(text).not.to.include('Rally at the Harbor');
    const el = widgetIn(frame)!;
    expect(el.getAttribute('date')).to.equal('2026-02-02');
    for (const name of ['onclick', 'style', 'slot', 'made_up']) expect(el.hasAttribute(name), name).to.equal(false);
  });

  it('resolves a relative feed address against the page', async () => {
    const path = await store(JSON.stringify((await import('./fixtures.js')).FEED), 'application/json');
    const frame = await embed({ widget: 'partner-list', src: path });
    expect(widgetIn(frame)!.getAttribute('src')).to.equal(location.origin + path);
    expect(await textOf(frame, 'Harbor Tenants Union')).to.include('Dockworkers Local 7');
  });

  it('theme=dark sets the dark tokens, accent= sets the accent and a readable text colour on it', async () => {
    const frame = await embed({ widget: 'event-list', src: await feedUrl(), now: NOW, theme: 'dark', accent: '#b3003c' });
    await textOf(frame, 'Rally at the Harbor');
    const root = doc(frame).documentElement;
    expect(root.dataset.theme).to.equal('dark');
    expect(root.style.getPropertyValue('--turnout-accent')).to.equal('#b3003c');
    expect(root.style.getPropertyValue('--turnout-on-accent')).to.equal('#ffffff');
    const el = widgetIn(frame)!;
    expect(frame.contentWindow!.getComputedStyle(el).backgroundColor).to.equal('rgb(23, 25, 30)');
    expect(frame.contentWindow!.getComputedStyle(el).color).to.equal('rgb(238, 240, 244)');
    expect(frame.contentWindow!.getComputedStyle(doc(frame).body).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(frame.contentWindow!.getComputedStyle(root).backgroundColor).to.equal('rgb(23, 25, 30)');
  });

  it('theme=light with a light accent picks dark text on the accent', async () => {
    const frame = await embed({ widget: 'event-list', src: await feedUrl(), now: NOW, theme: 'light', accent: 'f2c94c' });
    const root = doc(frame).documentElement;
    expect(root.style.getPropertyValue('--turnout-accent')).to.equal('#f2c94c');
    expect(root.style.getPropertyValue('--turnout-on-accent')).to.equal('#1b1d22');
    await textOf(frame, 'Rally at the Harbor');
    expect(frame.contentWindow!.getComputedStyle(widgetIn(frame)!).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('lang= sets the language and the direction of the page', async () => {
    const frame = await embed({ widget: 'event-countdown', src: await feedUrl(), now: NOW, campaign: 'day-of-action', lang: 'ar-EG' });
    expect(doc(frame).documentElement.lang).to.equal('ar-EG');
    expect(doc(frame).documentElement.dir).to.equal('rtl');
    const bad = await embed({ widget: 'event-countdown', src: await feedUrl(), lang: 'not a language!' });
    expect(doc(bad).documentElement.lang).to.equal('en');
    expect(doc(bad).documentElement.dir).to.equal('');
  });
});

describe("embed.html's Content-Security-Policy", () => {
  it('every widget renders under it with no violation (no inline script or style, no eval)', async () => {
    const { base } = await cdn();
    const folder = base.replace('/dist/cdn/', '/__embed/csp/');
    const src = await feedUrl();
    type Report = { document: string; directive: string; blocked: string };
    const reports = async () => (await (await fetch('/__embed/csp-reports')).json()) as Report[];
    for (const tag of await builtTags()) {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:600px;height:500px';
      frame.src = `${folder}embed.html?${new URLSearchParams({ widget: tag, src, now: NOW, campaign: 'day-of-action' })}`;
      document.body.append(frame);
      await waitUntil(() => frame.contentDocument?.querySelector(tag), `${tag} is on the page`, { timeout: 10000 });
      await textOf(frame, EXPECTED[tag]);
      // A violation on purpose (object-src 'none'): once its report is in, the earlier ones are too.
      const probe = frame.contentDocument!.createElement('object');
      probe.data = `/csp-probe-${tag}`;
      frame.contentDocument!.body.append(probe);
      const page = frame.contentWindow!.location.href;
      await waitUntil(async () => (await reports()).some((r) => r.document === page && r.blocked?.includes('csp-probe')), 'the probe is reported', {
        timeout: 10000,
      });
      const others = (await reports()).filter((r) => r.document === page && !r.blocked?.includes('csp-probe'));
      expect(others, `${tag}: violations`).to.deep.equal([]);
      frame.remove();
    }
  });
});

describe('embed.html refuses what it cannot show', () => {
  it('an unknown widget: a message naming it and the choices, no element, no bundle loaded', async () => {
    const frame = await embed({ widget: 'marquee', src: await feedUrl() });
    expect(doc(frame).documentElement.dataset.embed).to.equal('error');
    expect(message(frame)).to.equal(
      'There is no widget called "marquee". Use one of: event-list, event-map, event-countdown, action-banner, partner-list.',
    );
    expect(doc(frame).querySelector('.embed-message')!.getAttribute('role')).to.equal('alert');
    expect(doc(frame).querySelector('main')!.children.length).to.equal(1);
    const scripts = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
    expect(scripts.filter((u) => /(turnout|event-[a-z]+|partner-list|action-banner)\.js/.test(u))).to.deep.equal([]);
  });

  it("says it in the page's language when the widgets' translations have it (lang=es)", async () => {
    const frame = await embed({ widget: 'marquee', lang: 'es' });
    expect(doc(frame).documentElement.dataset.embed).to.equal('error');
    expect(message(frame)).to.include('marquee');
    expect(message(frame)).to.include('event-list, event-map');
    expect(message(frame)).not.to.include('There is no widget');
  });

  it('no widget at all: says how to choose one', async () => {
    const frame = await embed({ src: await feedUrl() });
    expect(message(frame)).to.equal(
      'No widget chosen: add widget= with one of: event-list, event-map, event-countdown, action-banner, partner-list.',
    );
  });

  for (const src of ['javascript:alert(1)', 'data:application/json,{"turnout":"1.0"}', 'file:///etc/passwd', 'ftp://example.org/feed.json']) {
    it(`a feed address that is not http(s): ${src.split(':')[0]}:`, async () => {
      const frame = await embed({ widget: 'event-list', src });
      expect(doc(frame).documentElement.dataset.embed).to.equal('error');
      expect(message(frame)).to.equal(
        `The feed address "${src}" cannot be used: it must be a web address starting with https:// or http://.`,
      );
      expect(doc(frame).querySelector('event-list')).to.equal(null);
    });
  }
});

describe('embed-resize.js on the host page', () => {
  before(async () => {
    const { base } = await cdn();
    await import(/* @vite-ignore */ `${base}embed-resize.js`);
  });

  /** Every height message this page receives, with the window it came from. */
  const heights: { source: MessageEventSource | null; height: number }[] = [];
  const collect = (e: MessageEvent) => {
    if (e.data?.type === HEIGHT) heights.push({ source: e.source, height: e.data.height });
  };
  before(() => addEventListener('message', collect));
  after(() => removeEventListener('message', collect));

  const pageHeight = (frame: HTMLIFrameElement) => Math.ceil(doc(frame).documentElement.getBoundingClientRect().height);

  it("sets a marked iframe's height to its page's height", async () => {
    const frame = await embed(
      { widget: 'event-list', src: await feedUrl(), now: NOW },
      { 'data-turnout-embed': '', style: 'width:600px;height:100px;border:0' },
    );
    await textOf(frame, 'Rally at the Harbor');
    await waitUntil(() => frame.style.height === `${pageHeight(frame)}px`, 'the frame takes its page height', { timeout: 10000 });
    expect(pageHeight(frame)).to.be.greaterThan(100);
  });

  it('an iframe without data-turnout-embed keeps its height (its page still scrolls inside)', async () => {
    const frame = await embed({ widget: 'event-list', src: await feedUrl(), now: NOW });
    await textOf(frame, 'Rally at the Harbor');
    await waitUntil(
      () => heights.some((h) => h.source === frame.contentWindow && h.height === pageHeight(frame)),
      'the page posted its height',
      { timeout: 10000 },
    );
    expect(frame.style.height).to.equal('500px');
    expect(doc(frame).documentElement.scrollHeight).to.be.greaterThan(500);
  });

  it('ignores a height from another window, from a frame now on another origin, and in the wrong shape', async () => {
    const probe = (posts: unknown[]) =>
      `<!doctype html><title>probe</title><script>
        for (const m of ${JSON.stringify(posts)}) parent.postMessage(m, '*');
        parent.postMessage({ type: 'probe-done' }, '*');
      </script>`;
    const good = { type: HEIGHT, height: 321 };
    const wrong = [
      { type: HEIGHT, height: '999' },
      { type: HEIGHT, height: -5 },
      { type: 'something-else', height: 999 },
      { type: HEIGHT },
      'turnout-embed:height 999',
    ];
    const open = async (src: string) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('data-turnout-embed', '');
      frame.style.height = '100px';
      const done = messageFrom(() => frame.contentWindow, (d: { type?: string }) => d?.type === 'probe-done');
      frame.src = src;
      document.body.append(frame);
      await done;
      return frame;
    };

    // On its src's origin (another one than this page's): the good height counts, the wrong shapes after it do not.
    const ok = await open(OTHER + (await store(probe([good, ...wrong]))));
    expect(ok.style.height).to.equal('321px');

    // A frame whose page went to another origin than its src says: ignored.
    const moved = await store(probe([good]));
    const redirect = await store(`<!doctype html><script>location.replace(${JSON.stringify(location.origin + moved)})</script>`);
    const away = await open(OTHER + redirect);
    expect(away.style.height).to.equal('100px');

    // This window posting to itself: not from any frame, ignored.
    const self = messageFrom(() => window, (d: { height?: number }) => d?.height === 5);
    postMessage({ type: HEIGHT, height: 5 }, '*');
    await self;
    expect(ok.style.height).to.equal('321px');
    expect(away.style.height).to.equal('100px');
  });
});
