import { expect } from '@open-wc/testing';
import type { FeedError } from '../errors.js';
import { clearFeedCache, loadFeed, parseFeedInput } from '../load.js';
import { useParseWorker, WORKER_THRESHOLD } from '../parse-client.js';
import type { FeedData } from '../types.js';
import { hits, nativeFeed, respond } from './feed-fixtures.js';

const mobilize = (params: Record<string, string | number>) =>
  `/__feed/mobilize?${new URLSearchParams(Object.entries({ key: Math.random(), ...params }).map(([k, v]) => [k, String(v)]))}`;

/** Everything but the time of arrival, which differs between two loads. */
const comparable = (d: FeedData) => ({ ...d, loadedAt: 0 });

describe('loadFeed', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => useParseWorker(true));

  it('sends no cookies and no referrer', async () => {
    document.cookie = 'turnout_test=secret; path=/';
    try {
      const src = respond({ body: nativeFeed() });
      await loadFeed(src);
      const headers = await (await fetch(`/__feed/headers?path=${encodeURIComponent(src)}`)).json();
      expect(headers).to.be.an('object');
      expect(headers.cookie).to.equal(undefined);
      expect(headers.referer).to.equal(undefined);
      // A plain fetch of the same origin would have sent the cookie: the check above can fail.
      await fetch(respond({ body: '{}', t: 'control' }));
      const control = await (await fetch(`/__feed/headers?path=${encodeURIComponent(respond({ body: '{}', t: 'control' }))}`)).json();
      expect(control.cookie).to.contain('turnout_test=secret');
    } finally {
      document.cookie = 'turnout_test=; path=/; max-age=0';
    }
  });

  it('resolves a relative src against the page and records the feed URL', async () => {
    const src = respond({ body: nativeFeed() });
    const data = await loadFeed(src);
    expect(data.url).to.equal(new URL(src, location.href).href);
    expect(data.loadedAt).to.be.closeTo(Date.now(), 10_000);
  });

  it('concurrent and later loads of one URL share one request; maxAge 0 asks again', async () => {
    const src = respond({ body: nativeFeed(), delay: 100, cache: 'no-store' });
    const [a, b, c] = await Promise.all([loadFeed(src), loadFeed(src), loadFeed(src)]);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    await loadFeed(src);
    expect(await hits(src)).to.equal(1);
    await loadFeed(src, { maxAge: 0 });
    expect(await hits(src)).to.equal(2);
  });

  it('one caller giving up does not cancel the request the others wait for', async () => {
    const src = respond({ body: nativeFeed(), delay: 300 });
    const quitter = new AbortController();
    const first = loadFeed(src, { signal: quitter.signal }).catch((e: FeedError) => e.code);
    const second = loadFeed(src);
    quitter.abort();
    expect(await first).to.equal('aborted');
    expect((await second).events.length).to.equal(2);
    expect(await hits(src)).to.equal(1);
  });

  it('follows Mobilize pages and merges them', async () => {
    const src = mobilize({ pages: 3, per: 2 });
    const data = await loadFeed(src);
    expect(data.format).to.equal('mobilize');
    expect(data.events.map((e) => e.title)).to.deep.equal([1, 2, 3, 4, 5, 6].map((n) => `Day of action gathering #${n}`));
    expect([data.pages, data.truncated]).to.deep.equal([3, false]);
    expect(data.url).to.equal(new URL(src, location.href).href);
    expect('nextPage' in data).to.equal(false);
    expect(await hits(src)).to.equal(1);
    expect(await hits(`${src}&page=3`)).to.equal(1);
  });

  it('stops at the page cap and says the list is truncated', async () => {
    const data = await loadFeed(mobilize({ pages: 5, per: 2 }), { maxPages: 2 });
    expect(data.events.length).to.equal(4);
    expect([data.pages, data.truncated]).to.deep.equal([2, true]);
  });

  it('does not follow a next page that is not http(s)', async () => {
    for (const nextUrl of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd']) {
      const data = await loadFeed(mobilize({ per: 2, nextUrl }));
      expect(data.events.length, nextUrl).to.equal(2);
      expect(data.pages).to.equal(1);
    }
  });

  it('a large body parsed in the worker gives exactly what the main thread gives', async () => {
    const src = mobilize({ per: 4000 });
    const created: string[] = [];
    let answers = 0;
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        created.push(String(url));
        this.addEventListener('message', (e) => (answers += 'data' in e.data ? 1 : 0));
      }
    };
    try {
      useParseWorker(true);
      // With the options an element passes (a signal, a time zone), which must not break the message to the worker.
      const viaWorker = await loadFeed(src, { signal: new AbortController().signal, timeZone: 'America/Chicago' });
      expect(created.length, 'no worker was started').to.equal(1);
      expect(created[0]).to.match(/parse-worker\.js$/);
      expect(answers, 'the worker did not parse the feed').to.equal(1);
      useParseWorker(false);
      const onMain = await loadFeed(src, { maxAge: 0, timeZone: 'America/Chicago' });
      expect(created.length).to.equal(1);
      expect(viaWorker.events.length).to.equal(4000);
      expect(comparable(viaWorker)).to.deep.equal(comparable(onMain));
      const size = Number((await fetch(src, { method: 'HEAD' })).headers.get('Content-Length'));
      expect(size, 'the feed must be large enough for the worker').to.be.above(WORKER_THRESHOLD);
    } finally {
      window.Worker = RealWorker;
    }
  });

  it('a worker error reaches the caller as the same FeedError the main thread gives', async () => {
    const big = `{"turnout": "1.0", "events": [${' '.repeat(WORKER_THRESHOLD)}`;
    const inWorker = await parseFeedInput(big).catch((e: FeedError) => [e.name, e.code]);
    useParseWorker(false);
    const onMain = await parseFeedInput(big).catch((e: FeedError) => [e.name, e.code]);
    expect(inWorker).to.deep.equal(['FeedError', 'parse']);
    expect(onMain).to.deep.equal(inWorker);
  });

  it('starts the worker through a blob: module when the direct URL is refused (a bundle on another origin)', async () => {
    const src = mobilize({ per: 4000 });
    const RealWorker = window.Worker;
    let answers = 0;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (!String(url).startsWith('blob:')) throw new DOMException('Cross-origin worker', 'SecurityError');
        super(url, options);
        this.addEventListener('message', (e) => (answers += 'data' in e.data ? 1 : 0));
      }
    };
    try {
      useParseWorker(true);
      expect((await loadFeed(src)).events.length).to.equal(4000);
      expect(answers, 'the blob: worker did not answer').to.equal(1);
    } finally {
      window.Worker = RealWorker;
    }
  });

  it('falls back to the main thread when a worker cannot start (CSP) or fails to load', async () => {
    const src = mobilize({ per: 4000 });
    const RealWorker = window.Worker;
    try {
      window.Worker = class {
        constructor() {
          throw new DOMException('Refused by Content-Security-Policy', 'SecurityError');
        }
      } as unknown as typeof Worker;
      useParseWorker(true);
      expect((await loadFeed(src)).events.length).to.equal(4000);
      window.Worker = class extends RealWorker {
        constructor(_url: string | URL, options?: WorkerOptions) {
          super('/__feed/respond?status=404', options);
        }
      };
      useParseWorker(true);
      expect((await loadFeed(src, { maxAge: 0 })).events.length).to.equal(4000);
    } finally {
      window.Worker = RealWorker;
    }
  });

  it('the browser cache revalidates with the ETag', async () => {
    const src = respond({ body: nativeFeed(), etag: 'v1', cache: 'no-cache' });
    const first = await loadFeed(src);
    const second = await loadFeed(src, { maxAge: 0 });
    expect(second.events).to.deep.equal(first.events);
    const headers = await (await fetch(`/__feed/headers?path=${encodeURIComponent(src)}`)).json();
    expect(headers['if-none-match']).to.equal('"v1"');
  });
});
