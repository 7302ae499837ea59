import { expect } from '@open-wc/testing';
import type { ParseRequest, ParseResponse, TakenIn } from '../parse-client.js';
import type { TurnoutEvent } from '../types.js';

// The parse worker hands a large feed's events over in slices, and never more than two ahead of the page taking
// them in (parse-worker.ts, sendEvents): the page's message queue, shared with MapLibre's worker, never fills up
// with a whole feed. Here the test plays the page: it holds back its answers and counts what arrives.

const EVENTS = 5500;

function body(): Uint8Array {
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    id: `ev-${i}`,
    title: `Gathering ${i}`,
    start: '2026-01-31T10:00:00-06:00',
    timeZone: 'America/Chicago',
    location: { venue: `Hall ${i}`, locality: 'Chicago', region: 'IL', country: 'US', lat: 41 + i / 1e4, lng: -88 },
  }));
  return new TextEncoder().encode(JSON.stringify({ turnout: '1.0', title: 'Flow', events }));
}

/** Resolves after `ms`, or as soon as `ready()` holds (checked on every message). */
function until(messages: ParseResponse[], ready: () => boolean, ms: number, wake: { fn?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake.fn = () => {
      if (!ready()) return;
      clearTimeout(timer);
      resolve();
    };
    wake.fn();
  });
}

describe('parse worker hand-over', () => {
  let worker: Worker | undefined;
  afterEach(() => worker?.terminate());

  it('posts at most two slices of events ahead of the page, and all of them once the page answers', async () => {
    worker = new Worker(new URL('../parse-worker.js', import.meta.url), { type: 'module' });
    const messages: ParseResponse[] = [];
    const wake: { fn?: () => void } = {};
    worker.addEventListener('message', (e: MessageEvent<ParseResponse>) => {
      messages.push(e.data);
      wake.fn?.();
    });
    const slices = () => messages.filter((m) => 'events' in m) as { id: number; events: TurnoutEvent[] }[];
    const taken = () => worker!.postMessage({ id: 7, taken: true } satisfies TakenIn);
    worker.postMessage({ id: 7, input: body(), options: {} } satisfies ParseRequest);

    // No answer from the page: two slices arrive, and then nothing more, however long the page takes.
    await until(messages, () => slices().length >= 2, 10_000, wake);
    expect(slices(), 'the first two slices').to.have.length(2);
    await new Promise((r) => setTimeout(r, 400));
    expect(slices(), 'slices sent before the page took any in').to.have.length(2);
    expect(messages.some((m) => 'data' in m), 'the feed was finished without the page').to.equal(false);

    // One slice taken in: exactly one more.
    taken();
    await until(messages, () => slices().length >= 3, 5000, wake);
    await new Promise((r) => setTimeout(r, 200));
    expect(slices(), 'after one answer').to.have.length(3);

    // Every slice answered as it comes: the rest of the events, in order, then the feed.
    wake.fn = undefined;
    worker.addEventListener('message', (e: MessageEvent<ParseResponse>) => {
      if ('events' in e.data) taken();
    });
    taken();
    taken();
    await until(messages, () => messages.some((m) => 'data' in m), 10_000, wake);
    const last = messages.at(-1)!;
    expect('data' in last, 'the feed comes last').to.equal(true);
    const ids = slices().flatMap((s) => s.events.map((e) => e.id));
    expect(ids).to.have.length(EVENTS);
    expect(ids[0]).to.equal('ev-0');
    expect(ids.at(-1)).to.equal(`ev-${EVENTS - 1}`);
    expect(slices()).to.have.length(Math.ceil(EVENTS / 1000));
  });
});
