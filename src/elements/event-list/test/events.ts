// Hand-made normalized data for the <event-list> tests.
import type { FeedData, TurnoutEvent } from '../../../feed/types.js';

let seq = 0;

export function makeEvent(over: Partial<TurnoutEvent> = {}): TurnoutEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    title: `Event ${seq}`,
    description: '',
    start: Date.UTC(2026, 0, 31, 17),
    timeZone: 'America/New_York',
    location: { precision: 'exact', venue: 'Town Square', locality: 'Springfield', region: 'IL', country: 'US' },
    online: false,
    tags: [],
    status: 'scheduled',
    ...over,
  };
}

export function makeFeed(events: TurnoutEvent[], over: Partial<FeedData> = {}): FeedData {
  return { format: 'turnout', events, partners: [], skipped: [], loadedAt: Date.now(), ...over };
}

/** The eve of the day of action, as the demo shows it. */
export const EVE = '2026-01-29T18:00:00-05:00';

/** A small day of action: Chicago, New York, Los Angeles (late on the 31st), London, online, cancelled, past. */
export function dayOfAction(): FeedData {
  return makeFeed([
    makeEvent({
      id: 'chi',
      title: 'Rally at Union Park',
      start: Date.UTC(2026, 1, 1, 1), // 7 pm CST, Jan 31
      end: Date.UTC(2026, 1, 1, 3),
      timeZone: 'America/Chicago',
      type: 'rally',
      tags: ['ICE Out'],
      host: 'Riverside Tenants Union',
      url: 'https://www.mobilize.us/example/event/1/',
      location: { precision: 'exact', venue: 'Union Park', locality: 'Chicago', region: 'IL', country: 'US' },
    }),
    makeEvent({
      id: 'nyc',
      title: 'Vigil at Foley Square',
      start: Date.UTC(2026, 0, 31, 17), // noon EST
      timeZone: 'America/New_York',
      type: 'vigil',
      host: 'Somali Student Association',
      url: 'https://www.mobilize.us/example/event/2/',
      location: { precision: 'exact', venue: 'Foley Square', locality: 'New York', region: 'NY', country: 'US' },
    }),
    makeEvent({
      id: 'la',
      title: 'Noche de solidaridad at Café Olé',
      start: Date.UTC(2026, 1, 1, 6), // 10 pm PST, Jan 31
      timeZone: 'America/Los_Angeles',
      type: 'teach_in',
      host: 'Eastside Workers Center',
      url: 'https://www.mobilize.us/example/event/3/',
      location: { precision: 'approximate', locality: 'Los Angeles', region: 'CA', country: 'US' },
    }),
    makeEvent({
      id: 'ldn',
      title: 'Solidarity picnic',
      start: Date.UTC(2026, 1, 1, 12),
      timeZone: 'Europe/London',
      type: 'rally',
      host: 'Somali Student Association',
      status: 'full',
      url: 'https://www.mobilize.us/example/event/4/',
      location: { precision: 'exact', venue: 'Parliament Square', locality: 'London', country: 'GB' },
    }),
    makeEvent({
      id: 'cancel',
      title: 'March on City Hall',
      start: Date.UTC(2026, 0, 31, 15),
      timeZone: 'America/New_York',
      type: 'march',
      status: 'cancelled',
      url: 'https://www.mobilize.us/example/event/5/',
      location: { precision: 'exact', venue: 'City Hall', locality: 'Boston', region: 'MA', country: 'US' },
    }),
    makeEvent({
      id: 'web',
      title: 'Know your rights webinar',
      start: Date.UTC(2026, 0, 31, 23),
      timeZone: 'America/New_York',
      type: 'training',
      online: true,
      onlineUrl: 'https://meet.example.org/kyr',
      tags: ['legal'],
      host: 'Lakeside Legal Collective',
      url: 'https://www.mobilize.us/example/event/6/',
      location: { precision: 'none' },
    }),
    makeEvent({
      id: 'web2',
      title: 'Phone bank',
      start: Date.UTC(2026, 0, 30, 23),
      timeZone: 'America/New_York',
      online: true,
      onlineUrl: 'javascript:alert(1)',
      location: { precision: 'none' },
    }),
    makeEvent({
      id: 'past',
      title: 'Planning meeting',
      start: Date.UTC(2026, 0, 20, 23),
      timeZone: 'America/New_York',
      type: 'meeting',
    }),
  ]);
}
