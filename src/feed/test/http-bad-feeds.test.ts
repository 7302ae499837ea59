// Whole-feed failures at the HTTP level: each gives its FeedError code, never an unhandled rejection.
import { expect } from '@open-wc/testing';
import { isFeedError, type FeedError } from '../errors.js';
import { clearFeedCache, loadFeed, type LoadOptions } from '../load.js';
import { nativeFeed, noUnhandledRejections, respond } from './feed-fixtures.js';

async function failure(url: string, options?: LoadOptions): Promise<FeedError> {
  let error: unknown;
  await noUnhandledRejections(async () => {
    try {
      await loadFeed(url, options);
    } catch (e) {
      error = e;
    }
  });
  expect(isFeedError(error), `expected a FeedError, got ${String(error)}`).to.equal(true);
  return error as FeedError;
}

describe('loadFeed: bad feeds over HTTP', () => {
  beforeEach(() => clearFeedCache());

  it('404 and 410 are not-found, with the status', async () => {
    const e = await failure(respond({ status: 404, body: 'Not here' }));
    expect([e.code, e.status]).to.deep.equal(['not-found', 404]);
    expect((await failure(respond({ status: 410 }))).code).to.equal('not-found');
  });

  it('500 and 503 are http errors that keep the status', async () => {
    const e = await failure(respond({ status: 500, body: nativeFeed() }));
    expect([e.code, e.status]).to.deep.equal(['http', 500]);
    const e2 = await failure(respond({ status: 503, type: 'text/html', body: '<html><body>Down</body></html>' }));
    expect([e2.code, e2.status]).to.deep.equal(['http', 503]);
  });

  it('an HTML page served with 200 is html', async () => {
    const body = '<!doctype html><html><head><title>Sign in</title></head><body><p>Please sign in</p></body></html>';
    expect((await failure(respond({ type: 'text/html', body }))).code).to.equal('html');
  });

  it('an empty body (or only whitespace) is empty', async () => {
    expect((await failure(respond({ body: '' }))).code).to.equal('empty');
    expect((await failure(respond({ body: ' \n ' }))).code).to.equal('empty');
  });

  it('broken JSON is a parse error', async () => {
    expect((await failure(respond({ body: '{"turnout": "1.0", "events": [' }))).code).to.equal('parse');
  });

  it('a valid feed with the wrong content type still works', async () => {
    for (const type of ['text/plain', 'application/octet-stream', 'text/html']) {
      const data = await loadFeed(respond({ type, body: nativeFeed() }));
      expect(data.events.map((e) => e.title)).to.deep.equal(['Rally at Union Park', 'Vigil at City Hall']);
    }
  });

  it('too large by its Content-Length header', async () => {
    const e = await failure(respond({ bytes: 5000 }), { maxBytes: 1000 });
    expect(e.code).to.equal('too-large');
    expect(e.message).to.contain('KB');
  });

  it('too large while streaming, with no Content-Length', async () => {
    const e = await failure(respond({ bytes: 600_000, stream: 1 }), { maxBytes: 100_000 });
    expect(e.code).to.equal('too-large');
  });

  it('a server slower than the timeout', async () => {
    const e = await failure(respond({ delay: 3000, body: nativeFeed() }), { timeout: 150 });
    expect(e.code).to.equal('timeout');
  });

  it('a refused connection is a network error', async () => {
    const e = await failure('http://127.0.0.1:9/feed.json');
    expect(e.code).to.equal('network');
  });

  it('a server on another origin that does not allow CORS is a network error', async () => {
    // The test page runs on localhost; 127.0.0.1 is another origin, and cors=no keeps the test server's CORS header off.
    const other = new URL(respond({ body: nativeFeed() }), location.href);
    other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    other.searchParams.set('cors', 'no');
    const e = await failure(other.href);
    expect(e.code).to.equal('network');
  });

  it('addresses that are not http(s) or not addresses at all are bad-url', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/feed.json', 'data:text/csv,a', 'http://[::1', 'https://']) {
      const e = await failure(url);
      expect(e.code, url).to.equal('bad-url');
    }
  });

  it('aborting with a signal rejects with aborted', async () => {
    const controller = new AbortController();
    let error: unknown;
    await noUnhandledRejections(async () => {
      const p = loadFeed(respond({ delay: 2000, body: nativeFeed() }), { signal: controller.signal }).catch((e) => {
        error = e;
      });
      setTimeout(() => controller.abort(), 50);
      await p;
    });
    expect((error as FeedError).code).to.equal('aborted');
  });

  it('a failure is not cached: the next load tries again', async () => {
    const url = respond({ status: 500, 'fail-after': 0 });
    expect((await failure(url)).code).to.equal('http');
    expect((await failure(url)).code).to.equal('http');
    const { count } = await (await fetch(`/__feed/hits?path=${encodeURIComponent(url)}`)).json();
    expect(count).to.equal(2);
  });
});
