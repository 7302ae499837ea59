import { expect } from '@open-wc/testing';
import type { TurnoutEvent } from '../../feed/types.js';
import {
  dayKey,
  eventDayKey,
  eventEnd,
  foldText,
  formatDayKey,
  formatEventWhen,
  formatPlace,
  sameOffset,
  typeLabel,
  zoneName,
} from '../format.js';

function event(over: Partial<TurnoutEvent> = {}): TurnoutEvent {
  return {
    id: 'e1',
    title: 'Rally',
    description: '',
    // 7 pm in Chicago on Jan 31, 2026 (CST, UTC-6) = 01:00 UTC on Feb 1.
    start: Date.UTC(2026, 1, 1, 1),
    timeZone: 'America/Chicago',
    location: { precision: 'exact', venue: 'Union Park', locality: 'Chicago', region: 'IL', country: 'US' },
    online: false,
    tags: [],
    status: 'scheduled',
    ...over,
  };
}

describe('format', () => {
  it('reads the day in the event zone, not in UTC', () => {
    const e = event();
    expect(dayKey(e.start, 'UTC')).to.equal('2026-02-01');
    expect(eventDayKey(e)).to.equal('2026-01-31');
    expect(dayKey(Date.UTC(2026, 0, 31, 23, 30), 'Europe/London')).to.equal('2026-01-31');
    expect(dayKey(Date.UTC(2026, 0, 31, 23, 30), 'Asia/Tokyo')).to.equal('2026-02-01');
  });

  it('finds the day right next to midnight in half-hour zones and across DST changes', () => {
    // Kolkata is UTC+05:30: midnight falls at 18:30 UTC.
    expect(dayKey(Date.UTC(2026, 0, 30, 18, 29), 'Asia/Kolkata')).to.equal('2026-01-30');
    expect(dayKey(Date.UTC(2026, 0, 30, 18, 30), 'Asia/Kolkata')).to.equal('2026-01-31');
    // Kathmandu is UTC+05:45.
    expect(dayKey(Date.UTC(2026, 0, 30, 18, 14), 'Asia/Kathmandu')).to.equal('2026-01-30');
    expect(dayKey(Date.UTC(2026, 0, 30, 18, 15), 'Asia/Kathmandu')).to.equal('2026-01-31');
    // Chicago springs forward on March 8, 2026: midnight is 06:00 UTC before, 05:00 UTC after.
    expect(dayKey(Date.UTC(2026, 2, 8, 5, 59), 'America/Chicago')).to.equal('2026-03-07');
    expect(dayKey(Date.UTC(2026, 2, 9, 4, 59), 'America/Chicago')).to.equal('2026-03-08');
    expect(dayKey(Date.UTC(2026, 2, 9, 5, 0), 'America/Chicago')).to.equal('2026-03-09');
  });

  it('writes a day key as a heading in the locale', () => {
    expect(formatDayKey('2026-01-31', 'en-US')).to.equal('Saturday, January 31, 2026');
    expect(formatDayKey('2026-01-31', 'es')).to.equal('sábado, 31 de enero de 2026');
  });

  it('shows 7 pm in Chicago as 7:00 PM CST whatever the viewer zone', () => {
    for (const viewerZone of ['UTC', 'Asia/Tokyo', 'Europe/London', 'America/Los_Angeles']) {
      const when = formatEventWhen(event(), { locale: 'en-US', viewerZone });
      expect(when.date).to.equal('Sat, Jan 31');
      expect(`${when.time} ${when.zone}`).to.equal('7:00 PM CST');
      expect(when.datetime).to.equal('2026-02-01T01:00:00.000Z');
    }
  });

  it('leaves the zone out when the viewer is on the same clock', () => {
    expect(formatEventWhen(event(), { locale: 'en-US', viewerZone: 'America/Chicago' }).zone).to.equal(undefined);
    // Winnipeg keeps the same offset as Chicago in January.
    expect(formatEventWhen(event(), { locale: 'en-US', viewerZone: 'America/Winnipeg' }).zone).to.equal(undefined);
    expect(sameOffset(event().start, 'America/Chicago', 'America/New_York')).to.equal(false);
  });

  it('formats ranges, including ones that end on another day', () => {
    const e = event({ end: Date.UTC(2026, 1, 1, 3) });
    expect(formatEventWhen(e, { locale: 'en-US', viewerZone: 'UTC' }).time).to.equal('7:00 PM – 9:00 PM');
    const late = event({ end: Date.UTC(2026, 1, 1, 7) });
    expect(formatEventWhen(late, { locale: 'en-US', viewerZone: 'UTC' }).time).to.equal('7:00 PM – Feb 1, 1:00 AM');
  });

  it('honours daylight saving: a July evening in Chicago is CDT', () => {
    const july = event({ start: Date.UTC(2026, 6, 4, 0) });
    const when = formatEventWhen(july, { locale: 'en-US', viewerZone: 'UTC' });
    expect(`${when.date} ${when.time} ${when.zone}`).to.equal('Fri, Jul 3 7:00 PM CDT');
    expect(zoneName(Date.UTC(2026, 6, 1), 'Europe/London', 'en-GB')).to.equal('BST');
  });

  it('shows fixed offsets and floating times as given', () => {
    const offset = event({ timeZone: '-05:00' });
    const when = formatEventWhen(offset, { locale: 'en-US', viewerZone: 'UTC' });
    expect(when.time).to.equal('8:00 PM');
    expect(when.zone).to.equal('GMT-5');
    const floating = event({ floating: true, timeZone: 'UTC', start: Date.UTC(2026, 0, 31, 19) });
    const f = formatEventWhen(floating, { locale: 'en-US', viewerZone: 'Asia/Tokyo' });
    expect(f.time).to.equal('7:00 PM');
    expect(f.zone).to.equal(undefined);
    expect(f.datetime).to.equal('2026-01-31T19:00');
  });

  it('says "All day" for all-day events', () => {
    const e = event({ allDay: true, floating: true, timeZone: 'UTC', start: Date.UTC(2026, 0, 30) });
    const when = formatEventWhen(e, { locale: 'en-US' });
    expect(when.date).to.equal('Fri, Jan 30');
    expect(when.time).to.equal('All day');
    expect(when.datetime).to.equal('2026-01-30');
  });

  it('assumes two hours when an event has no end', () => {
    expect(eventEnd(event()) - event().start).to.equal(2 * 3600 * 1000);
    expect(eventEnd(event({ end: Date.UTC(2026, 1, 1, 2) }))).to.equal(Date.UTC(2026, 1, 1, 2));
  });

  it('writes places on one line', () => {
    const loc = event().location;
    expect(formatPlace(loc)).to.equal('Union Park, Chicago, IL');
    expect(formatPlace({ ...loc, address: '1501 W Randolph St', postalCode: '60607' }, { full: true })).to.equal(
      'Union Park, 1501 W Randolph St, Chicago, IL 60607',
    );
    expect(formatPlace({ precision: 'approximate', locality: 'Leeds', country: 'GB' }, { country: true, locale: 'en' })).to.equal(
      'Leeds, United Kingdom',
    );
    expect(formatPlace({ precision: 'none' })).to.equal('');
  });

  it('folds text for search without case or accents', () => {
    expect(foldText('Café CORTADO Ñandú')).to.equal('cafe cortado nandu');
    expect(foldText('São Paulo')).to.contain('sao paulo');
  });

  it('turns type keys into labels', () => {
    expect(typeLabel('teach_in')).to.equal('Teach in');
    expect(typeLabel('rally')).to.equal('Rally');
  });
});
