import { expect } from '@open-wc/testing';
import type { TurnoutEvent } from '../../feed/types.js';
import { escapeIcsText, eventToIcs, foldIcsLine, googleCalendarUrl, icsFilename } from '../calendar.js';

function event(over: Partial<TurnoutEvent> = {}): TurnoutEvent {
  return {
    id: 'mob-42',
    title: 'Rally; march, and "teach-in"',
    description: 'Bring signs.\nMeet at the fountain.',
    start: Date.UTC(2026, 1, 1, 1), // 7 pm CST on Jan 31
    end: Date.UTC(2026, 1, 1, 3),
    timeZone: 'America/Chicago',
    location: {
      precision: 'exact',
      venue: 'Union Park',
      address: '1501 W Randolph St',
      locality: 'Chicago',
      region: 'IL',
      postalCode: '60607',
      country: 'US',
    },
    online: false,
    tags: [],
    url: 'https://www.mobilize.us/example/event/42/',
    host: 'Riverside Tenants Union',
    status: 'scheduled',
    ...over,
  };
}

/** Unfolds an .ics text and returns its lines (RFC 5545 3.1). */
function lines(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('calendar', () => {
  it('escapes TEXT values', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).to.equal('a\\\\b\\;c\\,d\\ne');
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldIcsLine(long);
    const enc = new TextEncoder();
    for (const part of folded.split('\r\n')) expect(enc.encode(part).length).to.be.at.most(75);
    expect(folded.replace(/\r\n /g, '')).to.equal(long);
    expect(foldIcsLine('SHORT:x')).to.equal('SHORT:x');
  });

  it('writes one VEVENT with UTC times, escaped text, location and URL', () => {
    const ics = eventToIcs(event(), { url: 'https://www.mobilize.us/example/event/42/?source=ssa', stamp: Date.UTC(2026, 0, 29, 12) });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).to.equal(true);
    const l = lines(ics);
    expect(l[0]).to.equal('BEGIN:VCALENDAR');
    expect(l).to.include('VERSION:2.0');
    expect(l).to.include('BEGIN:VEVENT');
    expect(l).to.include('UID:mob-42@turnout-widgets');
    expect(l).to.include('DTSTAMP:20260129T120000Z');
    expect(l).to.include('DTSTART:20260201T010000Z');
    expect(l).to.include('DTEND:20260201T030000Z');
    expect(l).to.include('SUMMARY:Rally\\; march\\, and "teach-in"');
    expect(l).to.include('LOCATION:Union Park\\, 1501 W Randolph St\\, Chicago\\, IL 60607\\, United States');
    expect(l).to.include('URL:https://www.mobilize.us/example/event/42/?source=ssa');
    expect(l.find((x) => x.startsWith('DESCRIPTION:'))).to.equal(
      'DESCRIPTION:Bring signs.\\nMeet at the fountain.\\n\\nRiverside Tenants Union\\n\\nhttps://www.mobilize.us/example/event/42/?source=ssa',
    );
    expect(l.at(-2)).to.equal('END:VCALENDAR');
  });

  it('gives an event without an end two hours, and marks cancellations', () => {
    const l = lines(eventToIcs(event({ end: undefined, status: 'cancelled' })));
    expect(l).to.include('DTEND:20260201T030000Z');
    expect(l).to.include('STATUS:CANCELLED');
  });

  it('writes floating and all-day times without a zone', () => {
    const floating = lines(eventToIcs(event({ floating: true, timeZone: 'UTC', start: Date.UTC(2026, 0, 31, 19), end: undefined })));
    expect(floating).to.include('DTSTART:20260131T190000');
    expect(floating).to.include('DTEND:20260131T210000');
    const allDay = lines(eventToIcs(event({ allDay: true, floating: true, start: Date.UTC(2026, 0, 30), end: undefined })));
    expect(allDay).to.include('DTSTART;VALUE=DATE:20260130');
    expect(allDay).to.include('DTEND;VALUE=DATE:20260131');
  });

  it('puts the online link as the location of an online event', () => {
    const l = lines(eventToIcs(event({ online: true, onlineUrl: 'https://meet.example.org/x', location: { precision: 'none' } })));
    expect(l).to.include('LOCATION:https://meet.example.org/x');
  });

  it('makes file names from titles', () => {
    expect(icsFilename('Rally at City Hall!')).to.equal('rally-at-city-hall.ics');
    expect(icsFilename('Marcha por la dignidad — Peñalolén')).to.equal('marcha-por-la-dignidad-penalolen.ics');
    expect(icsFilename('!!!')).to.equal('event.ics');
  });

  it('builds a Google Calendar template link', () => {
    const url = new URL(googleCalendarUrl(event(), { url: 'https://www.mobilize.us/example/event/42/?source=ssa' }));
    expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
    const p = url.searchParams;
    expect(p.get('action')).to.equal('TEMPLATE');
    expect(p.get('text')).to.equal('Rally; march, and "teach-in"');
    expect(p.get('dates')).to.equal('20260201T010000Z/20260201T030000Z');
    expect(p.get('ctz')).to.equal('America/Chicago');
    expect(p.get('location')).to.equal('Union Park, 1501 W Randolph St, Chicago, IL 60607, United States');
    expect(p.get('details')).to.contain('https://www.mobilize.us/example/event/42/?source=ssa');
    const allDay = new URL(googleCalendarUrl(event({ allDay: true, start: Date.UTC(2026, 0, 30), end: undefined })));
    expect(allDay.searchParams.get('dates')).to.equal('20260130/20260131');
    expect(allDay.searchParams.has('ctz')).to.equal(false);
  });
});
