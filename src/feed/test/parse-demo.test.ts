import { expect } from '@open-wc/testing';
import Papa from 'papaparse';
import { parseFeed } from '../parse.js';
import { parseBody, useParseWorker, WORKER_THRESHOLD } from '../parse-client.js';
import type { FeedData, TurnoutEvent } from '../types.js';

// The demo's bundled data holds the same events in every format (scripts/make-demo-data.mjs): each format must
// show all of them, with the same cancelled and online ones.

async function demoFeed(name: string): Promise<FeedData> {
  const url = new URL(`/demo/data/${name}`, location.href).href;
  const response = await fetch(url);
  expect(response.ok, `${name} is served`).to.equal(true);
  return parseFeed(await response.text(), { baseUrl: url });
}

/** Sorted lines "RSVP link | title | start" of the events matching `test`, to compare formats by. */
function which(events: TurnoutEvent[], test: (e: TurnoutEvent) => boolean): string[] {
  return events
    .filter(test)
    .map((e) => `${e.url} | ${e.title} | ${new Date(e.start).toISOString()}`)
    .sort();
}

describe('parseFeed: the demo data in every format', () => {
  const formats = { 'feed.json': 'turnout', 'mobilize.json': 'mobilize', 'events.jsonld': 'jsonld', 'events.csv': 'csv' };
  let native: FeedData;

  before(async () => {
    native = await demoFeed('feed.json');
  });

  it('the native feed has 381 events, 8 of them cancelled, and skips none', () => {
    expect(native.events).to.have.length(381);
    expect(native.events.filter((e) => e.status === 'cancelled')).to.have.length(8);
    expect(native.events.filter((e) => e.online).length).to.be.greaterThan(0);
    expect(native.skipped).to.deep.equal([]);
  });

  for (const [name, format] of Object.entries(formats).slice(1)) {
    it(`${name} shows the same events, cancelled and online events as the native feed`, async () => {
      const feed = await demoFeed(name);
      expect(feed.format).to.equal(format);
      expect(feed.skipped).to.deep.equal([]);
      expect(feed.events).to.have.length(381);
      expect(which(feed.events, () => true)).to.deep.equal(which(native.events, () => true));
      const cancelled = which(feed.events, (e) => e.status === 'cancelled');
      expect(cancelled).to.have.length(8);
      expect(cancelled).to.deep.equal(which(native.events, (e) => e.status === 'cancelled'));
      expect(which(feed.events, (e) => e.online)).to.deep.equal(which(native.events, (e) => e.online));
      // Full: Mobilize's is_full, JSON-LD's sold-out offer, the CSV's status column.
      expect(which(feed.events, (e) => e.status === 'full')).to.deep.equal(which(native.events, (e) => e.status === 'full'));
    });
  }

  it('the feed with mistakes shows its good records and lists the 5 bad ones', async () => {
    const feed = await demoFeed('feed-with-errors.json');
    expect(feed.events).to.have.length(10);
    expect(feed.skipped.map((s) => `${s.kind} ${s.index}`)).to.deep.equal([
      'event 6',
      'event 7',
      'event 8',
      'event 12',
      'partner 3',
    ]);
  });

  it('a large CSV is read by papaparse in the worker exactly as on the main thread', async () => {
    const text = await (await fetch('/demo/data/events.csv')).text();
    // Ten copies of the demo sheet, each with its own RSVP links (so no row repeats another), over the worker's threshold.
    const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const rows = Array.from({ length: 10 }, (_, copy) =>
      data.map((row) => ({ ...row, 'RSVP Link': `${row['RSVP Link']}?copy=${copy}` })),
    ).flat();
    const big = Papa.unparse(rows, { columns: meta.fields });
    expect(big.length).to.be.above(WORKER_THRESHOLD);

    let answers = 0;
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e) => (answers += 'data' in e.data ? 1 : 0));
      }
    };
    try {
      useParseWorker(true);
      const inWorker = await parseBody(big, { timeZone: 'America/Chicago' });
      expect(answers, 'the worker did not parse the sheet').to.equal(1);
      useParseWorker(false);
      const onMain = await parseBody(big, { timeZone: 'America/Chicago' });
      expect(inWorker.skipped).to.deep.equal([]);
      expect(inWorker.events).to.have.length(3810);
      expect(inWorker.events).to.deep.equal(onMain.events);
    } finally {
      window.Worker = RealWorker;
      useParseWorker(true);
    }
  });
});
