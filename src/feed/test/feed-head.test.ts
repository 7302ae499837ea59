import { expect } from '@open-wc/testing';
import { feedHead } from '../feed-head.js';

/** A native feed whose text has the traps a scanner can fall into: braces, brackets and quotes inside strings. */
function trickyFeed(n: number): string {
  const events = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    title: i % 2 ? `Say "no" {loudly} [${i}]` : `events \\ ] } "events": [`,
    start: '2026-01-31T10:00:00-06:00',
    location: { locality: 'Chicago', lat: 41.9, lng: -87.6, nested: [[1, 2], { a: ['}'] }] },
    tags: ['x', 'y'],
  }));
  return JSON.stringify({ turnout: '1.0', title: 'events', note: { events: [{ fake: true }] }, events, after: 'the end' }, null, 1);
}

describe('feedHead (first events of a body still downloading)', () => {
  it('returns the header and every complete record of any prefix, as valid JSON, in order', () => {
    const text = trickyFeed(40);
    const full = JSON.parse(text) as { events: { id: string }[]; title: string };
    let checked = 0;
    for (let cut = 0; cut <= text.length; cut += 97) {
      const head = feedHead(text.slice(0, cut), 1000);
      // How many whole records the prefix holds: the ones whose closing brace is inside it.
      const whole = full.events.filter((e) => {
        const at = text.indexOf(`"id": "${e.id}"`);
        const close = text.indexOf('\n  }', at);
        return close >= 0 && close + 4 <= cut;
      }).length;
      if (whole === 0) {
        expect(head, `cut at ${cut}`).to.equal(null);
        continue;
      }
      const parsed = JSON.parse(head!) as typeof full;
      expect(parsed.title).to.equal('events');
      expect(parsed.events.map((e) => e.id)).to.deep.equal(full.events.slice(0, whole).map((e) => e.id));
      expect(parsed.events).to.deep.equal(full.events.slice(0, whole));
      checked++;
    }
    expect(checked).to.be.greaterThan(20);
  });

  it('stops after max records', () => {
    const head = feedHead(trickyFeed(30), 5);
    expect((JSON.parse(head!) as { events: unknown[] }).events).to.have.length(5);
  });

  it('gives nothing for bodies that are not a feed object with an events array', () => {
    expect(feedHead('[{"@type":"Event"}]', 10)).to.equal(null);
    expect(feedHead('{"data":[{"id":1},{"id":2}]', 10)).to.equal(null);
    expect(feedHead('{"turnout":"1.0","events":[]}', 10)).to.equal(null);
    expect(feedHead('{"turnout":"1.0","events":[1,2,"x"', 10)).to.equal(null);
    expect(feedHead('id,title\n1,Rally', 10)).to.equal(null);
    expect(feedHead('', 10)).to.equal(null);
  });

  it('reads past a byte order mark and white space', () => {
    const head = feedHead('\ufeff \n{"turnout":"1.0","events":[{"id":"a"},{"id":"b"', 10);
    expect(JSON.parse(head!)).to.deep.equal({ turnout: '1.0', events: [{ id: 'a' }] });
  });
});
