import { expect } from '@open-wc/testing';
import { pointsUrl } from '../../elements/event-map/prepare.js';
import { parseBody, useParseWorker, type MapPoints } from '../parse-client.js';
import { feedPreviews, wantPoints, type FeedPoints } from '../previews.js';

// A large feed parsed in the worker also yields its map points (parse-worker.ts, mapPoints): the coordinates and ids
// of the events at an exact place, packed for MapLibre's worker to read. Private addresses must never be among them.

/** The points as [id, [lng, lat]] pairs. */
function unpack(points: MapPoints): [string, number[]][] {
  const ids = JSON.parse(new TextDecoder().decode(points.ids)) as string[];
  return ids.map((id, i) => [id, [points.coords[2 * i], points.coords[2 * i + 1]]]);
}

const BASE = 'https://coalition.example/points-feed.json';

function bigFeed(): { text: string; exact: string[] } {
  const exact: string[] = [];
  const events: unknown[] = [];
  for (let i = 0; i < 2600; i++) {
    const start = `2026-01-31T${String(8 + (i % 10)).padStart(2, '0')}:00:00-06:00`;
    const base = { id: `ev-${i}`, title: `Gathering ${i}`, start, timeZone: 'America/Chicago', url: `https://coalition.example/e/${i}` };
    if (i % 13 === 0) {
      // A private address: the feed carries coordinates anyway; they must not reach the map.
      events.push({ ...base, location: { private: true, locality: 'Chicago', region: 'IL', country: 'US', lat: 41.9 + i / 1e5, lng: -87.6123 } });
    } else if (i % 17 === 0) {
      events.push({ ...base, online: true, location: {} });
    } else if (i % 29 === 0) {
      events.push({ ...base, start: 'not a date', location: { lat: 40, lng: -90 } });
    } else {
      exact.push(base.id);
      events.push({ ...base, location: { venue: `Hall ${i}`, locality: 'Chicago', region: 'IL', country: 'US', lat: 41 + i / 1e4, lng: -88 + i / 1e4 } });
    }
  }
  return { text: JSON.stringify({ turnout: '1.0', title: 'Points', events }), exact };
}

describe('map points from the parse worker', () => {
  it('are exactly the events at an exact place, with their end times, and count the private ones', async () => {
    const { text, exact } = bigFeed();
    const announced: FeedPoints[] = [];
    const listen = (e: Event) => announced.push((e as CustomEvent<FeedPoints>).detail);
    feedPreviews().addEventListener('points', listen);
    // As an <event-map> on the page does.
    const unwant = wantPoints();
    try {
      useParseWorker(true);
      const data = await parseBody(new TextEncoder().encode(text), { baseUrl: BASE }, undefined, true);
      expect(announced, 'no points were announced').to.have.length(1);
      const [{ href, points }] = announced;
      expect(href).to.equal(BASE);
      const pairs = unpack(points);
      expect(pairs.map(([id]) => id)).to.deep.equal(exact);
      expect(points.count).to.equal(exact.length);
      expect(points.coords).to.have.length(2 * exact.length);
      // Every private address of the feed, none of them drawn.
      expect(points.approximate).to.equal(200);
      expect(text.includes('"lng":-87.6123'), 'the feed has the private coordinates').to.equal(true);
      expect(Array.from(points.coords).includes(-87.6123), 'a private place is among the points').to.equal(false);
      // The points are those of the parsed events, at the parsed places.
      const byId = new Map(data.events.map((e) => [e.id, e]));
      for (const [i, [id, at]] of pairs.entries()) {
        const event = byId.get(id)!;
        expect(event.location.precision).to.equal('exact');
        expect(at).to.deep.equal([event.location.lng, event.location.lat]);
        expect(points.ends[i]).to.equal(event.end ?? event.start + 2 * 3600_000);
      }
      expect(data.skipped.length, 'the record without a date is skipped').to.be.greaterThan(0);
    } finally {
      feedPreviews().removeEventListener('points', listen);
      unwant();
    }
  });

  it('are not written when no map on the page wants them (a list alone)', async () => {
    const { text } = bigFeed();
    let announced = 0;
    const listen = () => announced++;
    feedPreviews().addEventListener('points', listen);
    try {
      const data = await parseBody(new TextEncoder().encode(text), { baseUrl: BASE }, undefined, true);
      expect(data.events.length).to.be.greaterThan(2000);
      expect(announced).to.equal(0);
    } finally {
      feedPreviews().removeEventListener('points', listen);
    }
  });

  it('a small feed (parsed on the page) announces none', async () => {
    let announced = 0;
    const listen = () => announced++;
    feedPreviews().addEventListener('points', listen);
    try {
      await parseBody('{"turnout":"1.0","events":[]}', { baseUrl: BASE });
      expect(announced).to.equal(0);
    } finally {
      feedPreviews().removeEventListener('points', listen);
    }
  });

  describe('pointsUrl (what <event-map> hands MapLibre before the feed is in)', () => {
    const points = (ends: number[], approximate = 0): MapPoints => ({
      coords: Float64Array.from(ends.flatMap((_, i) => [-87.5 - i / 4, 41.75 + i / 4])),
      ids: new TextEncoder().encode(JSON.stringify(ends.map((_, i) => `e${i}`))),
      ends: Float64Array.from(ends),
      count: ends.length,
      approximate,
    });
    const now = Date.parse('2026-01-30T12:00:00Z');

    it('gives a blob: URL of the packed points (count, coordinates, ids) when every point is still to come', async () => {
      const url = pointsUrl(points([now + 1000, now + 5000]), now, false);
      expect(url).to.match(/^blob:/);
      const pack = await (await fetch(url!)).arrayBuffer();
      expect(Array.from(new Float64Array(pack, 0, 5))).to.deep.equal([2, -87.5, 41.75, -87.75, 42]);
      expect(JSON.parse(new TextDecoder().decode(new Uint8Array(pack, 40)))).to.deep.equal(['e0', 'e1']);
      URL.revokeObjectURL(url!);
    });

    it('gives none when an event has ended (unless past events are shown) or some wait for their town centre', () => {
      expect(pointsUrl(points([now - 1, now + 5000]), now, false)).to.equal(undefined);
      const url = pointsUrl(points([now - 1, now + 5000]), now, true);
      expect(url).to.match(/^blob:/);
      URL.revokeObjectURL(url!);
      expect(pointsUrl(points([now + 1000], 3), now, false)).to.equal(undefined);
    });
  });
});
