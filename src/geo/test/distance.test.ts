import { expect } from '@open-wc/testing';
import { boundsOf, distanceKm, formatDistance, preferredDistanceUnit } from '../distance.js';
import type { LngLat } from '../types.js';

const MINNEAPOLIS: LngLat = [-93.265, 44.978];
const ST_PAUL: LngLat = [-93.094, 44.954];
const CHICAGO: LngLat = [-87.63, 41.878];
const LONDON: LngLat = [-0.1276, 51.5072];
const NEW_YORK: LngLat = [-74.006, 40.7128];

describe('geo/distance', () => {
  it('measures great-circle distances close to published figures', () => {
    // New York - London is about 5570 km; Minneapolis - St Paul downtowns about 14 km; Minneapolis - Chicago ~570 km.
    expect(distanceKm(NEW_YORK, LONDON)).to.be.within(5540, 5600);
    expect(distanceKm(MINNEAPOLIS, ST_PAUL)).to.be.within(12, 16);
    expect(distanceKm(MINNEAPOLIS, CHICAGO)).to.be.within(540, 600);
  });

  it('is zero for one point, symmetric, and orders places by nearness', () => {
    expect(distanceKm(CHICAGO, CHICAGO)).to.equal(0);
    expect(distanceKm(CHICAGO, LONDON)).to.be.closeTo(distanceKm(LONDON, CHICAGO), 1e-9);
    const byDistance = (a: LngLat, b: LngLat) => distanceKm(MINNEAPOLIS, a) - distanceKm(MINNEAPOLIS, b);
    expect([CHICAGO, LONDON, ST_PAUL].sort(byDistance)).to.deep.equal([ST_PAUL, CHICAGO, LONDON]);
  });

  it('handles the antimeridian and the poles without NaN', () => {
    expect(distanceKm([179.9, 0], [-179.9, 0])).to.be.within(21, 23);
    expect(distanceKm([0, 90], [123, 90])).to.be.below(1e-6);
    expect(distanceKm([0, 0], [180, 0])).to.be.within(20000, 20040);
  });

  it('picks miles for the US, its territories and the UK, kilometres elsewhere', () => {
    const miles = ['en-US', 'en', 'es-US', 'en-GB', 'cy-GB', 'en-PR', 'es-PR'];
    const km = ['fr', 'fr-CA', 'en-CA', 'es', 'es-MX', 'de-DE', 'en-IN', 'en-AU', 'ar-EG', 'zh'];
    for (const l of miles) expect(preferredDistanceUnit(l), l).to.equal('mile');
    for (const l of km) expect(preferredDistanceUnit(l), l).to.equal('kilometer');
  });

  it('reads underscores and falls back to kilometres for a locale it cannot read', () => {
    expect(preferredDistanceUnit('en_US')).to.equal('mile');
    expect(preferredDistanceUnit('not a locale!')).to.equal('kilometer');
  });

  it('formats distances in the unit and language asked', () => {
    expect(formatDistance(12.34, 'mile', 'en-US')).to.equal('7.7 mi');
    expect(formatDistance(16.09344, 'mile', 'en-US')).to.equal('10 mi');
    expect(formatDistance(1234.5, 'kilometer', 'en-GB')).to.equal('1,235 km');
    // French: decimal comma and a narrow no-break space before the unit.
    expect(formatDistance(3.25, 'kilometer', 'fr').replace(/\s/g, ' ')).to.equal('3,3 km'.replace(/\s/g, ' '));
    expect(formatDistance(Number.NaN, 'kilometer', 'en')).to.equal('');
  });

  it('formats through the number format an element gives (languages the browser lacks)', () => {
    const asked: [string | undefined, Intl.NumberFormatOptions][] = [];
    const make = (locale: string | undefined, options: Intl.NumberFormatOptions) => {
      asked.push([locale, options]);
      return { format: (n: number) => `${n} mayl` };
    };
    expect(formatDistance(16.09344, 'mile', 'so', make)).to.equal('10 mayl');
    expect(asked).to.deep.equal([['so', { style: 'unit', unit: 'mile', unitDisplay: 'short', maximumFractionDigits: 0 }]]);
  });

  it('computes bounds, skipping bad points', () => {
    expect(boundsOf([])).to.equal(null);
    expect(boundsOf([MINNEAPOLIS, CHICAGO, [Number.NaN, 3]])).to.deep.equal([-93.265, 41.878, -87.63, 44.978]);
    expect(boundsOf([CHICAGO])).to.deep.equal([-87.63, 41.878, -87.63, 41.878]);
  });
});
