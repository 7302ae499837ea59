import { expect } from '@open-wc/testing';
import { pointsUrl } from '../../elements/event-map/prepare.js';
import { parseBody, useParseWorker, type MapPoints } from '../parse-client.js';
import { feedPreviews, wantPoints, type FeedPoints } from '../previews.js';
import type { FeedData, TurnoutEvent } from '../types.js';
import { eventEnd } from '../../shared/event-info.js';

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

/** Parses a large body in the worker as a page with a map does, and gives the one announcement of its points. */
async function announce(text: string): Promise<{ href: string; points: MapPoints; data: FeedData }> {
  const announced: FeedPoints[] = [];
  const listen = (e: Event) => announced.push((e as CustomEvent<FeedPoints>).detail);
  feedPreviews().addEventListener('points', listen);
  // As an <event-map> on the page does.
  const unwant = wantPoints();
  try {
    useParseWorker(true);
    const data = await parseBody(new TextEncoder().encode(text), { baseUrl: BASE }, undefined, true);
    expect(announced, 'no points were announced').to.have.length(1);
    return { ...announced[0], data };
  } finally {
    feedPreviews().removeEventListener('points', listen);
    unwant();
  }
}

describe('map points from the parse worker', () => {
  it('are exactly the events at an exact place, with their end times, and count the private ones', async () => {
    const { text, exact } = bigFeed();
    const { href, points, data } = await announce(text);
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
  });

  describe('read from a native feed before its events are normalized', () => {
    /** 2,100 events at exact places, times read in several ways, and `odd` records appended. */
    function trickyFeed(odd: unknown[] = []): string {
      const events: unknown[] = [];
      for (let i = 0; i < 2100; i++) {
        const e: Record<string, unknown> = { id: `t-${i}`, title: `Meeting ${i}`, location: { lat: 40 + i / 1e4, lng: -100 + i / 1e4 } };
        const kind = i % 6;
        // An offset; a wall time in the event's zone; in the feed's zone; an unknown zone (the feed's instead);
        // an end before the start (dropped); an end of its own.
        e.start = kind === 0 ? '2026-01-31T10:00:00-05:00' : '2026-01-31T10:00:00';
        if (kind === 1) e.timeZone = 'America/Denver';
        if (kind === 3) e.timeZone = 'Mars/Olympus';
        if (kind === 4) e.end = '2026-01-31T09:00:00';
        if (kind === 5) e.end = '2026-01-31T19:30:00';
        if (i % 50 === 0) e.online = true;
        events.push(e);
      }
      return JSON.stringify({ turnout: '1.0', timeZone: 'America/Chicago', events: events.concat(odd) });
    }

    /** Every event the map draws (at an exact place, online or not) is among the points, at its place, with its end. */
    function expectEveryMapped(points: MapPoints, data: FeedData): TurnoutEvent[] {
      const mapped = data.events.filter((e) => e.location.precision === 'exact');
      // The first point of an id, as normalizing keeps the first event of an id.
      const at = new Map<string, { lngLat: number[]; end: number }>();
      unpack(points).forEach(([id, lngLat], i) => at.has(id) || at.set(id, { lngLat, end: points.ends[i] }));
      for (const event of mapped) {
        const point = at.get(event.id);
        expect(point, `${event.id} is not among the points`).to.not.equal(undefined);
        expect(point!.lngLat).to.deep.equal([event.location.lng, event.location.lat]);
        expect(point!.end, `${event.id}'s end`).to.equal(eventEnd(event));
      }
      return mapped;
    }

    it('hold every event the map draws, with the end times normalizing gives them', async () => {
      const { points, data } = await announce(trickyFeed());
      const mapped = expectEveryMapped(points, data);
      expect(points.count).to.equal(mapped.length);
      // Online ones with a place too (the map draws them).
      expect(mapped.length).to.equal(2100);
      expect(mapped.filter((e) => e.online)).to.have.length(42);
      expect(points.approximate).to.equal(0);
    });

    it('may hold a few that normalizing drops (a repeated id, a blank title), never fewer; count places that may be approximate', async () => {
      const odd = [
        { id: 't-7', title: 'Same id again', start: '2026-01-31T12:00:00-06:00', location: { lat: 45, lng: -95 } },
        { id: 'blank', title: '   ', start: '2026-01-31T12:00:00-06:00', location: { lat: 45, lng: -95 } },
        { id: 'hall', title: 'At the hall', start: '2026-01-31T12:00:00-06:00', location: 'Union Hall' },
        { id: 'home', title: 'At a home', start: '2026-01-31T12:00:00-06:00', location: { private: true, locality: 'Chicago', lat: 41.9, lng: -87.7 } },
      ];
      const { points, data } = await announce(trickyFeed(odd));
      const mapped = expectEveryMapped(points, data);
      expect(points.count).to.equal(mapped.length + 2);
      expect(points.approximate).to.equal(2);
      expect(Array.from(points.coords).includes(-87.7), 'a private place is among the points').to.equal(false);
    });

    it('come from the normalized events when an event at a point has no id of its own', async () => {
      const { points, data } = await announce(trickyFeed([{ title: 'No id', start: '2026-01-31T12:00:00-06:00', location: { lat: 45, lng: -95 } }]));
      const mapped = expectEveryMapped(points, data);
      expect(points.count).to.equal(mapped.length);
      expect(mapped.some((e) => e.title === 'No id')).to.equal(true);
    });
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
