// Loads only search.ts up front: shows which chunks a search pulls in. Keep this file free of static imports of
// zip.ts, places.ts or the data modules (each test file runs in its own page, so nothing else has loaded them).
import { expect } from '@open-wc/testing';
import type { TurnoutEvent } from '../../feed/types.js';
import { resolvePlace } from '../search.js';

const resources = () => performance.getEntriesByType('resource').map((e) => e.name);
const isZipChunk = (url: string) => /\/geo\/(zip|data\/zips)\.[jt]s/.test(new URL(url).pathname);
const isPlacesChunk = (url: string) => /\/geo\/(places|data\/places)\.[jt]s/.test(new URL(url).pathname);

const events = [
  {
    id: 'a',
    title: 'Vigil',
    description: '',
    start: 0,
    timeZone: 'America/Chicago',
    location: { precision: 'exact', locality: 'Duluth', region: 'MN', country: 'US', lat: 46.78, lng: -92.1 },
    online: false,
    tags: [],
    status: 'scheduled',
  },
] as TurnoutEvent[];

describe('geo/search loading', () => {
  it('answers a place named in the feed with no request at all', async () => {
    const before = resources().length;
    const r = await resolvePlace('duluth', { events });
    expect(r?.center).to.deep.equal([-92.1, 46.78]);
    expect(resources().slice(before)).to.deep.equal([]);
  });

  it('loads only the place list, from this origin, for a place the feed does not name', async () => {
    const before = resources().length;
    const r = await resolvePlace('Minneapolis', { events });
    expect(r?.label).to.equal('Minneapolis, MN');
    const loaded = resources().slice(before);
    expect(loaded.some(isPlacesChunk), loaded.join('\n')).to.equal(true);
    expect(loaded.some(isZipChunk), loaded.join('\n')).to.equal(false);
    for (const url of loaded) expect(new URL(url).origin).to.equal(location.origin);
  });

  it('loads the ZIP table only when a ZIP code is searched, from this origin', async () => {
    await resolvePlace('Saint Paul, MN', { events });
    await resolvePlace('Atlantis', { events });
    expect(resources().some(isZipChunk)).to.equal(false);
    const r = await resolvePlace('55104', { events });
    expect(r?.kind).to.equal('zip');
    const zipLoads = resources().filter(isZipChunk);
    expect(zipLoads.length).to.be.greaterThan(0);
    for (const url of resources()) expect(new URL(url).origin).to.equal(location.origin);
  });
});
