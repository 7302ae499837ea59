import { expect } from '@open-wc/testing';
import { ElementClock, hasReferenceTime, now, parseInstant, setReferenceTime, CLOCK_CHANGE_EVENT } from '../clock.js';

describe('clock', () => {
  afterEach(() => setReferenceTime(null));

  it('parses instants only when they carry an offset', () => {
    expect(parseInstant('2026-01-30T00:00:00-05:00')).to.equal(Date.UTC(2026, 0, 30, 5));
    expect(parseInstant('2026-01-30T05:00:00Z')).to.equal(Date.UTC(2026, 0, 30, 5));
    expect(parseInstant('2026-01-30T00:00:00')).to.be.NaN;
    expect(parseInstant('Jan 30')).to.be.NaN;
  });

  it('a page reference time runs from where it was set and tells elements', () => {
    let told = 0;
    const listener = () => told++;
    window.addEventListener(CLOCK_CHANGE_EVENT, listener);
    setReferenceTime('2026-01-29T18:00:00-05:00');
    window.removeEventListener(CLOCK_CHANGE_EVENT, listener);
    expect(told).to.equal(1);
    expect(hasReferenceTime()).to.equal(true);
    const t = now();
    expect(t - Date.UTC(2026, 0, 29, 23)).to.be.within(0, 1000);
    setReferenceTime(null);
    expect(Math.abs(now() - Date.now())).to.be.below(5);
    expect(() => setReferenceTime('tomorrow')).to.throw(RangeError);
  });

  it("an element's own time wins over the page's", () => {
    setReferenceTime('2026-01-29T18:00:00-05:00');
    const c = new ElementClock();
    expect(c.set('2026-02-17T09:00:00-05:00')).to.equal(true);
    expect(c.now() - Date.UTC(2026, 1, 17, 14)).to.be.within(0, 1000);
    expect(c.set('not a date')).to.equal(false);
    expect(c.now() - Date.UTC(2026, 0, 29, 23)).to.be.within(0, 1000);
  });
});
