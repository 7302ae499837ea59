import { expect } from '@open-wc/testing';
import { distanceKm } from '../distance.js';
import { lookupZip, lookupZipSync } from '../zip.js';
import { ZIP_COUNT } from '../data/zips.js';
import type { LngLat } from '../types.js';

// Reference points: the middle of each ZIP's area (from maps), not the table's values.
const KNOWN: [string, LngLat, string][] = [
  ['60614', [-87.65, 41.92], 'Lincoln Park, Chicago'],
  ['10001', [-73.997, 40.75], 'Chelsea, New York'],
  ['55455', [-93.235, 44.975], 'University of Minnesota, Minneapolis'],
  ['99501', [-149.87, 61.215], 'downtown Anchorage'],
  ['00601', [-66.73, 18.18], 'Adjuntas, Puerto Rico'],
  ['02138', [-71.13, 42.38], 'Cambridge, Massachusetts'],
  ['94110', [-122.415, 37.75], 'Mission District, San Francisco'],
  ['96813', [-157.85, 21.31], 'downtown Honolulu'],
];

describe('geo/zip', () => {
  for (const [zip, where, name] of KNOWN) {
    it(`puts ${zip} in ${name}`, async () => {
      const c = await lookupZip(zip);
      expect(c, zip).to.not.equal(null);
      expect(distanceKm(c!, where)).to.be.below(4);
    });
  }

  it('has the whole national table', () => {
    expect(ZIP_COUNT).to.be.within(33000, 34500);
  });

  it('reads ZIP+4 and spaced forms as the five-digit ZIP', async () => {
    const five = await lookupZip('60614');
    expect(await lookupZip('60614-1234')).to.deep.equal(five);
    expect(await lookupZip(' 60614 1234 ')).to.deep.equal(five);
    expect(lookupZipSync('606141234')).to.deep.equal(five);
  });

  it('gives null for ZIPs that do not exist and for text that is not a ZIP', async () => {
    for (const q of ['00000', '99999', '00100', '6061', '606145', 'abcde', '', '60614-12']) {
      expect(await lookupZip(q), q).to.equal(null);
    }
  });

  it('finds the first and the last ZIPs (American Samoa, Wrangell in Alaska) and nothing past the ends', async () => {
    expect(distanceKm((await lookupZip('96799'))!, [-170.7, -14.3])).to.be.below(30);
    // 99929 covers Wrangell and a wide stretch of the Tongass around it.
    expect(distanceKm((await lookupZip('99929'))!, [-132.38, 56.47])).to.be.below(60);
    expect(await lookupZip('99930')).to.equal(null);
    expect(await lookupZip('00600')).to.equal(null);
  });

  it('gives neighbouring ZIPs their own centres', async () => {
    const a = (await lookupZip('60614'))!;
    const b = (await lookupZip('60615'))!;
    expect(distanceKm(a, b)).to.be.within(3, 20);
  });
});
