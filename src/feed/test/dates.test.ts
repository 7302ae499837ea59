import { expect } from '@open-wc/testing';
import {
  normalizeZone,
  offsetZone,
  parseIsoTime,
  parseLooseDate,
  parseLooseDateTime,
  parseLooseTime,
  parseTimeRange,
  wallToInstant,
  zoneOffset,
} from '../dates.js';

const iso = (t: number) => new Date(t).toISOString();
const HOUR = 3_600_000;

/** The wall clock in `zone` at an instant, as "2026-01-31 19:00". */
function wall(time: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  return f.format(time).replace(',', '');
}

describe('dates: wall clock in a zone -> instant', () => {
  it('7 pm in Chicago on January 31, 2026 is 19:00-06:00, whatever the browser zone', () => {
    const t = wallToInstant(2026, 1, 31, 19, 0, 0, 'America/Chicago');
    expect(iso(t)).to.equal('2026-02-01T01:00:00.000Z');
    expect(t).to.equal(Date.parse('2026-01-31T19:00:00-06:00'));
    expect(wall(t, 'America/Chicago')).to.equal('2026-01-31 19:00');
    // Nothing above used the browser's own zone; say which one it was in case this ever fails.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.be.a('string');
  });

  it('summer and winter offsets of the same zone', () => {
    expect(iso(wallToInstant(2026, 7, 4, 12, 0, 0, 'America/New_York'))).to.equal('2026-07-04T16:00:00.000Z');
    expect(iso(wallToInstant(2026, 1, 31, 12, 0, 0, 'America/New_York'))).to.equal('2026-01-31T17:00:00.000Z');
    expect(iso(wallToInstant(2026, 1, 31, 12, 0, 0, 'Europe/London'))).to.equal('2026-01-31T12:00:00.000Z');
    expect(iso(wallToInstant(2026, 6, 1, 12, 0, 0, 'Europe/London'))).to.equal('2026-06-01T11:00:00.000Z');
    expect(iso(wallToInstant(2026, 1, 31, 12, 0, 0, 'Asia/Kolkata'))).to.equal('2026-01-31T06:30:00.000Z');
  });

  it('spring forward: 2:30 on 2026-03-08 in New York does not exist and reads as 3:30 EDT', () => {
    const t = wallToInstant(2026, 3, 8, 2, 30, 0, 'America/New_York');
    expect(iso(t)).to.equal('2026-03-08T07:30:00.000Z');
    expect(wall(t, 'America/New_York')).to.equal('2026-03-08 03:30');
    // Either side of the gap is exact.
    expect(iso(wallToInstant(2026, 3, 8, 1, 59, 0, 'America/New_York'))).to.equal('2026-03-08T06:59:00.000Z');
    expect(iso(wallToInstant(2026, 3, 8, 3, 0, 0, 'America/New_York'))).to.equal('2026-03-08T07:00:00.000Z');
  });

  it('fall back: 1:30 on 2026-11-01 in New York happens twice; the first (EDT) is taken', () => {
    const t = wallToInstant(2026, 11, 1, 1, 30, 0, 'America/New_York');
    expect(iso(t)).to.equal('2026-11-01T05:30:00.000Z');
    expect(zoneOffset('America/New_York', t)).to.equal(-4 * HOUR);
    expect(zoneOffset('America/New_York', t + HOUR)).to.equal(-5 * HOUR);
    expect(iso(wallToInstant(2026, 11, 1, 2, 30, 0, 'America/New_York'))).to.equal('2026-11-01T07:30:00.000Z');
  });

  it('London changes clocks on its own dates (2026-03-29 01:30 does not exist)', () => {
    expect(iso(wallToInstant(2026, 3, 29, 1, 30, 0, 'Europe/London'))).to.equal('2026-03-29T01:30:00.000Z');
    expect(wall(wallToInstant(2026, 3, 29, 1, 30, 0, 'Europe/London'), 'Europe/London')).to.equal('2026-03-29 02:30');
  });
});

describe('dates: ISO 8601', () => {
  it('an offset makes an instant; the zone, when known, is kept for display', () => {
    expect(parseIsoTime('2026-01-31T19:00:00-06:00', 'America/Chicago')).to.deep.equal({
      time: Date.UTC(2026, 1, 1, 1),
      timeZone: 'America/Chicago',
      hadOffset: true,
    });
    expect(parseIsoTime('2026-01-31T19:00:00-06:00')?.timeZone).to.equal('-06:00');
    expect(parseIsoTime('2026-01-31T19:00:00+0530')?.timeZone).to.equal('+05:30');
    expect(parseIsoTime('2026-01-31T13:00:00.250Z')?.timeZone).to.equal('UTC');
  });

  it('no offset: wall clock in the zone, or floating', () => {
    expect(parseIsoTime('2026-03-08T02:30', 'America/New_York')?.time).to.equal(Date.UTC(2026, 2, 8, 7, 30));
    expect(parseIsoTime('2026-01-31 19:00')).to.deep.equal({
      time: Date.UTC(2026, 0, 31, 19),
      timeZone: 'UTC',
      floating: true,
      allDay: undefined,
    });
    expect(parseIsoTime('2026-01-31', 'America/Chicago')).to.deep.equal({
      time: Date.UTC(2026, 0, 31, 6),
      timeZone: 'America/Chicago',
      allDay: true,
    });
  });

  it('offsets across leap days, month ends and centuries give the same instant as Date.UTC', () => {
    const cases: [string, number][] = [
      ['2024-02-29T23:30:00+01:00', Date.UTC(2024, 1, 29, 22, 30)],
      ['2000-03-01T00:00:00-05:00', Date.UTC(2000, 2, 1, 5)],
      ['1900-02-28T12:00:00Z', Date.UTC(1900, 1, 28, 12)],
      ['2026-12-31T23:59:59-10:00', Date.UTC(2027, 0, 1, 9, 59, 59)],
      ['1969-12-31T20:00:00-04:00', 0],
    ];
    for (const [text, time] of cases) expect(parseIsoTime(text)?.time, text).to.equal(time);
  });

  it('can fill a reused object instead of making one, leaving nothing from the previous date', () => {
    const into = { time: 0, timeZone: 'x', floating: true, allDay: true, hadOffset: undefined };
    const parsed = parseIsoTime('2026-01-31T19:00:00-06:00', 'America/Chicago', into);
    expect(parsed).to.equal(into);
    expect(parsed).to.deep.equal({
      time: Date.UTC(2026, 1, 1, 1),
      timeZone: 'America/Chicago',
      hadOffset: true,
      floating: undefined,
      allDay: undefined,
    });
    // Other shapes still come back as their own object.
    expect(parseIsoTime('2026-01-31', 'America/Chicago', into)).to.not.equal(into);
  });

  it('refuses what is not a real date or time', () => {
    for (const bad of ['2026-02-30T10:00Z', '2026-13-01', '2026-01-31T25:00Z', 'Jan 31 2026', '1769907600', '']) {
      expect(parseIsoTime(bad), bad).to.equal(null);
    }
  });

  it('fixed offsets are usable Intl zones', () => {
    expect(offsetZone(-360)).to.equal('-06:00');
    expect(offsetZone(330)).to.equal('+05:30');
    expect(offsetZone(0)).to.equal('UTC');
    expect(() => new Intl.DateTimeFormat('en', { timeZone: offsetZone(-360) })).not.to.throw();
  });
});

describe('dates: what volunteers type', () => {
  it('dates', () => {
    const jan31 = { y: 2026, mo: 1, d: 31 };
    for (const text of ['1/31/2026', '01/31/26', '2026-01-31', 'Jan 31, 2026', 'January 31 2026', 'Saturday, January 31, 2026',
      'Sat. Jan. 31st, 2026', '31 January 2026', '31/1/2026', '2026/01/31']) {
      expect(parseLooseDate(text), text).to.deep.equal(jan31);
    }
    for (const bad of ['31/31/2026', '2/30/2026', 'Smarch 3, 2026', 'tomorrow', 'Jan 31', '']) {
      expect(parseLooseDate(bad), bad).to.equal(null);
    }
    expect(parseLooseDate('2/29/2028')).to.deep.equal({ y: 2028, mo: 2, d: 29 });
  });

  it('times', () => {
    const cases: [string, number, number][] = [
      ['7:00 PM', 19, 0], ['7pm', 19, 0], ['7 p.m.', 19, 0], ['19:00', 19, 0], ['19:00:00', 19, 0], ['noon', 12, 0],
      ['midnight', 0, 0], ['12am', 0, 0], ['12:30 pm', 12, 30], ['9.30am', 9, 30],
    ];
    for (const [text, h, mi] of cases) expect(parseLooseTime(text), text).to.deep.equal({ h, mi, s: 0 });
    for (const bad of ['7', '25:00', '13pm', '7:75', 'evening', '']) expect(parseLooseTime(bad), bad).to.equal(null);
  });

  it('date and time in one cell, and ranges', () => {
    expect(parseLooseDateTime('1/31/2026 7:00 PM')).to.deep.equal({ date: { y: 2026, mo: 1, d: 31 }, time: { h: 19, mi: 0, s: 0 } });
    expect(parseLooseDateTime('Jan 31, 2026 at 7pm')?.time).to.deep.equal({ h: 19, mi: 0, s: 0 });
    expect(parseLooseDateTime('Saturday, January 31, 2026 noon')?.time).to.deep.equal({ h: 12, mi: 0, s: 0 });
    expect(parseLooseDateTime('January 31 2026')).to.deep.equal({ date: { y: 2026, mo: 1, d: 31 } });
    expect(parseTimeRange('7-9pm')).to.deep.equal({ start: { h: 19, mi: 0, s: 0 }, end: { h: 21, mi: 0, s: 0 } });
    expect(parseTimeRange('10:30 AM – 1 PM')).to.deep.equal({ start: { h: 10, mi: 30, s: 0 }, end: { h: 13, mi: 0, s: 0 } });
    expect(parseTimeRange('11-1pm')).to.deep.equal({ start: { h: 11, mi: 0, s: 0 }, end: { h: 13, mi: 0, s: 0 } });
  });

  it('zone words', () => {
    expect(normalizeZone('Central')).to.equal('America/Chicago');
    expect(normalizeZone('Central Time')).to.equal('America/Chicago');
    expect(normalizeZone('CDT')).to.equal('America/Chicago');
    expect(normalizeZone('Eastern Standard Time')).to.equal('America/New_York');
    expect(normalizeZone('GMT')).to.equal('Europe/London');
    expect(normalizeZone('UTC-6')).to.equal('-06:00');
    expect(normalizeZone('Europe/London')).to.equal('Europe/London');
    expect(normalizeZone('Atlantis')).to.equal(null);
    expect(normalizeZone(42)).to.equal(null);
  });
});
