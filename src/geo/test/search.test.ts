import { expect } from '@open-wc/testing';
import type { EventLocation, TurnoutEvent } from '../../feed/types.js';
import { distanceKm } from '../distance.js';
import { isZipQuery, resolvePlace } from '../search.js';
import type { Geocoder, LngLat } from '../types.js';

let n = 0;
function event(location: Partial<EventLocation>, over: Partial<TurnoutEvent> = {}): TurnoutEvent {
  return {
    id: `e${++n}`,
    title: 'Gathering',
    description: '',
    start: Date.UTC(2026, 0, 31, 17),
    timeZone: 'America/Chicago',
    location: { precision: 'exact', country: 'US', ...location },
    online: false,
    tags: [],
    status: 'scheduled',
    ...over,
  };
}

// A feed whose Chicago events sit north of downtown: their middle is not the list's Chicago centre.
const FEED = [
  event({ locality: 'Chicago', region: 'IL', lat: 41.95, lng: -87.7 }),
  event({ locality: 'chicago', region: 'Illinois', lat: 41.97, lng: -87.66 }),
  event({ locality: 'Chicago', region: 'IL', precision: 'approximate', lat: 41.93, lng: -87.68 }),
  event({ locality: 'Montréal', region: 'QC', country: 'CA', lat: 45.5, lng: -73.57 }),
  event({ locality: 'Lakeview', region: 'OR', precision: 'approximate' }), // private, no position
  event({ locality: 'Saint Paul', region: 'MN', lat: 44.95, lng: -93.1 }),
];

describe('geo/search', () => {
  it('recognises US ZIP codes and ZIP+4, nothing else', () => {
    for (const q of ['60614', ' 60614 ', '60614-1234', '00601']) expect(isZipQuery(q), q).to.equal(true);
    for (const q of ['6061', '606145', 'abcde', 'SW1A 1AA', '60614-12', 'Chicago 60614', '']) {
      expect(isZipQuery(q), q).to.equal(false);
    }
  });

  it('finds a ZIP code in the offline table', async () => {
    const r = await resolvePlace('55455');
    expect(r?.kind).to.equal('zip');
    expect(r?.label).to.equal('55455');
    expect(distanceKm(r!.center, [-93.235, 44.975])).to.be.below(4);
    expect((await resolvePlace('55455-0101'))?.label).to.equal('55455');
  });

  it("finds the feed's own place first, at the middle of its events, whatever the case or state spelling", async () => {
    for (const q of ['Chicago', 'chicago', 'CHICAGO, IL', 'Chicago, Illinois', 'chicago il']) {
      const r = await resolvePlace(q, { events: FEED });
      expect(r?.kind, q).to.equal('place');
      // The middle of the two public venues; the private address (approximate) does not count.
      expect(r!.center[0], q).to.be.closeTo(-87.68, 1e-9);
      expect(r!.center[1], q).to.be.closeTo(41.96, 1e-9);
      expect(r!.bounds, q).to.deep.equal([-87.7, 41.95, -87.66, 41.97]);
      expect(r!.label, q).to.equal('Chicago, IL');
    }
  });

  it('matches accents, "St." and "Saint" either way', async () => {
    const montreal = await resolvePlace('montreal', { events: FEED });
    expect(montreal?.center).to.deep.equal([-73.57, 45.5]);
    expect((await resolvePlace('MONTRÉAL, QC', { events: FEED }))?.label).to.equal('Montréal, QC');
    for (const q of ['St. Paul', 'st paul', 'Saint Paul, MN', 'St Paul Minnesota']) {
      expect((await resolvePlace(q, { events: FEED }))?.center, q).to.deep.equal([-93.1, 44.95]);
    }
    const sanJose = await resolvePlace('SAN JOSÉ, ca');
    expect(sanJose?.label).to.equal('San Jose, CA');
  });

  it('uses the bundled place list when the feed does not name the place', async () => {
    const r = await resolvePlace('Minneapolis', { events: FEED });
    expect(r?.kind).to.equal('place');
    expect(r?.label).to.equal('Minneapolis, MN');
    expect(distanceKm(r!.center, [-93.265, 44.978])).to.be.below(8);
    expect(r?.bounds).to.equal(undefined);
    const manchester = await resolvePlace('Manchester, UK');
    expect(distanceKm(manchester!.center, [-2.24, 53.48])).to.be.below(10);
    const nh = await resolvePlace('Manchester, NH');
    expect(nh?.label).to.equal('Manchester, NH');
    expect(distanceKm(nh!.center, [-71.46, 42.99])).to.be.below(10);
  });

  it('lets a state narrow the search: "Portland" alone is the larger one', async () => {
    expect((await resolvePlace('Portland'))?.label).to.equal('Portland, OR');
    expect((await resolvePlace('Portland, Maine'))?.label).to.equal('Portland, ME');
    // The list has US and UK places only: Paris, France is not Paris, Texas, nor London, Ontario the UK capital.
    expect(await resolvePlace('Paris, France')).to.equal(null);
    expect(await resolvePlace('London, Ontario')).to.equal(null);
    // The feed's Chicago is in Illinois: a Chicago in another state is not it.
    expect(await resolvePlace('Chicago, TX', { events: FEED })).to.equal(null);
  });

  it('gives a private-address place from the feed its centre from the list, never an event position', async () => {
    const feed = [event({ locality: 'Portland', region: 'ME', precision: 'approximate', lat: 43.6801, lng: -70.3102 })];
    const r = await resolvePlace('portland', { events: feed });
    expect(r?.label).to.equal('Portland, ME');
    expect(r!.center).to.not.deep.equal([-70.3102, 43.6801]);
    expect(distanceKm(r!.center, [-70.26, 43.66])).to.be.below(8);
    expect(r?.bounds).to.equal(undefined);
  });

  it('asks the embedder geocoder only when nothing else knows the place', async () => {
    const calls: [string, string | undefined][] = [];
    const geocoder: Geocoder = async (query, { locale }) => {
      calls.push([query, locale]);
      return query === 'Timbuktu' ? { label: 'Tombouctou, Mali', center: [-3.0, 16.77] } : null;
    };
    expect((await resolvePlace('Chicago', { events: FEED, geocoder }))?.kind).to.equal('place');
    expect((await resolvePlace('Boston', { geocoder }))?.kind).to.equal('place');
    expect(calls).to.deep.equal([]);
    const r = await resolvePlace('Timbuktu', { geocoder, locale: 'fr' });
    expect(r).to.deep.equal({ label: 'Tombouctou, Mali', center: [-3.0, 16.77], kind: 'geocoder' });
    expect(calls).to.deep.equal([['Timbuktu', 'fr']]);
    // An unknown ZIP also goes to the geocoder.
    expect(await resolvePlace('00000', { geocoder })).to.equal(null);
    expect(calls.at(-1)).to.deep.equal(['00000', undefined]);
  });

  it('ignores a geocoder answer that is not a position', async () => {
    const bad = [
      { label: 'x', center: [200, 10] },
      { label: 'x', center: ['1', '2'] },
      { label: 'x' },
      { label: 'x', center: [Number.NaN, 1] },
    ];
    for (const answer of bad) {
      const geocoder = (async () => answer) as unknown as Geocoder;
      expect(await resolvePlace('Atlantis', { geocoder }), JSON.stringify(answer)).to.equal(null);
    }
    const withBadBounds = (async () => ({ label: 'y', center: [1, 2], bounds: [5, 5, 1, 1] })) as unknown as Geocoder;
    expect(await resolvePlace('Atlantis', { geocoder: withBadBounds })).to.deep.equal({
      label: 'y',
      center: [1, 2],
      kind: 'geocoder',
    });
  });

  it('skips malformed events instead of failing', async () => {
    const junk = [
      null,
      {},
      { location: null },
      { location: { locality: 42, region: {}, precision: 'exact', lat: 1, lng: 2 } },
      { location: { locality: 'Duluth', region: 7, precision: 'exact', lat: 'x', lng: -92.1 } },
      event({ locality: 'Duluth', region: 'MN', lat: 46.78, lng: -92.1 }),
    ] as unknown as TurnoutEvent[];
    const r = await resolvePlace('Duluth', { events: junk });
    expect(r?.center).to.deep.equal([-92.1, 46.78]);
  });

  it('gives null for nothing found and for empty text', async () => {
    expect(await resolvePlace('Atlantis')).to.equal(null);
    expect(await resolvePlace('   ')).to.equal(null);
    expect(await resolvePlace('00000')).to.equal(null);
  });

  it('rejects with the reason when aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    let error: unknown;
    await resolvePlace('Chicago', { events: FEED, signal: ac.signal }).catch((e) => (error = e));
    expect((error as Error)?.message).to.equal('stop');
  });

  it('puts nearer events first when sorted by distance from a ZIP', async () => {
    const zip = await resolvePlace('55104'); // St Paul, Midway
    const places: [string, LngLat][] = [
      ['Chicago', [-87.63, 41.88]],
      ['Minneapolis', [-93.265, 44.978]],
      ['Duluth', [-92.1, 46.79]],
      ['St Paul', [-93.094, 44.954]],
    ];
    const order = places.sort((a, b) => distanceKm(zip!.center, a[1]) - distanceKm(zip!.center, b[1])).map((p) => p[0]);
    expect(order).to.deep.equal(['St Paul', 'Minneapolis', 'Duluth', 'Chicago']);
  });
});
