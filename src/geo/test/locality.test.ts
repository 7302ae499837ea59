import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { EventLocation } from '../../feed/types.js';
import { distanceKm } from '../distance.js';
import { localityCentre } from '../locality.js';
import { lookupZip } from '../zip.js';
import { findPlace } from '../places.js';

describe('geo/locality', () => {
  it('puts a private US address at its ZIP centroid, not at its own coordinates', async () => {
    const home: EventLocation = {
      precision: 'approximate',
      locality: 'Minneapolis',
      region: 'MN',
      postalCode: '55406',
      country: 'US',
      lat: 44.9391,
      lng: -93.2212,
    };
    const c = await localityCentre(home);
    expect(c).to.deep.equal(await lookupZip('55406'));
    expect(c).to.not.deep.equal([home.lng, home.lat]);
    expect(distanceKm(c!, [-93.22, 44.94])).to.be.below(5);
  });

  it('uses ZIP+4 and a missing country as US, and the town centre when there is no ZIP', async () => {
    expect(await localityCentre({ precision: 'approximate', postalCode: '60614-2001' })).to.deep.equal(
      await lookupZip('60614'),
    );
    const town = await localityCentre({
      precision: 'approximate',
      locality: 'St. Paul',
      region: 'Minnesota',
      lat: 44.96,
      lng: -93.11,
    });
    expect(town).to.deep.equal((await findPlace('Saint Paul', 'MN'))!.center);
  });

  it('falls back to the town when the ZIP is unknown, and knows UK towns', async () => {
    const c = await localityCentre({ precision: 'approximate', locality: 'Duluth', region: 'MN', postalCode: '00000' });
    expect(distanceKm(c!, [-92.1, 46.79])).to.be.below(10);
    const leeds = await localityCentre({
      precision: 'approximate',
      locality: 'Leeds',
      region: 'West Yorkshire',
      country: 'GB',
    });
    expect(distanceKm(leeds!, [-1.55, 53.8])).to.be.below(10);
    // A UK county named differently from the list still finds the city.
    const manchester = await localityCentre({
      precision: 'approximate',
      locality: 'Manchester',
      region: 'Greater Manchester',
      country: 'United Kingdom',
    });
    expect(distanceKm(manchester!, [-2.24, 53.48])).to.be.below(10);
  });

  it('gives null when its tables do not know the place, even when the event has coordinates', async () => {
    const cases: EventLocation[] = [
      { precision: 'approximate', lat: 41.9, lng: -87.6 },
      { precision: 'approximate', locality: 'Atlantis', region: 'MN', lat: 45, lng: -93 },
      // A French postcode is not a US ZIP; Paris is not in the US/UK list.
      { precision: 'approximate', locality: 'Paris', postalCode: '75011', country: 'FR', lat: 48.86, lng: 2.38 },
      { precision: 'none' },
    ];
    for (const loc of cases) expect(await localityCentre(loc), JSON.stringify(loc)).to.equal(null);
  });

  it('never depends on the event coordinates (property test)', async () => {
    const places = [
      { locality: 'Chicago', region: 'IL', postalCode: '60647' },
      { locality: 'Chicago', region: 'IL' },
      { locality: 'Anchorage', region: 'AK', postalCode: '99501-2001' },
      { locality: 'London', country: 'GB' },
      { locality: 'Nowhere', region: 'ZZ', postalCode: 'N1 9GU', country: 'GB' },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...places),
        fc.double({ min: -89, max: 89, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.constantFrom<EventLocation['precision']>('approximate', 'exact'),
        async (place, lat, lng, precision) => {
          const withCoords = await localityCentre({ ...place, precision, lat, lng });
          const without = await localityCentre({ ...place, precision });
          expect(withCoords).to.deep.equal(without);
          if (withCoords) expect(withCoords[0] === lng && withCoords[1] === lat).to.equal(false);
        },
      ),
      { numRuns: 150, seed: 20260131 },
    );
  });
});
