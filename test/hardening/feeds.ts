/**
 * Feeds for the hardening suite: the same hostile strings written into every field of every feed format, one
 * record per string (so one mount shows them all), and a few well-formed records to compare with.
 */
import type { FeedFormat } from '../../src/feed/types.js';

export const START = '2026-01-31T19:00:00-06:00';
const START_S = Date.parse(START) / 1000;

/** CSV cell, quoted. */
const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
const row = (cells: string[]) => cells.map(cell).join(',');

/** A native Turnout feed: per payload an event with it in every text and link field, an event with it in its
 * dates and zone (skipped: the reason is shown in the details), a partner, a campaign day and a local-date day. */
export function nativeFeed(payloads: readonly string[]): string {
  const events = payloads.flatMap((p, i) => [
    {
      id: `${p}#${i}`,
      title: p,
      description: p,
      start: START,
      end: '2026-01-31T21:00:00-06:00',
      timeZone: 'America/Chicago',
      location: { venue: p, address: p, locality: p, region: p, postalCode: p, country: p, lat: 41.88, lng: -87.63 },
      online: true,
      onlineUrl: p,
      type: p,
      tags: [p, `${p} 2`],
      url: p,
      host: p,
      status: i % 2 ? p : 'scheduled',
      accessibility: p,
    },
    { id: `dates-${i}`, title: p, start: p, end: p, timeZone: p, location: { locality: 'Chicago' }, url: p },
  ]);
  const partners = payloads.map((p, i) => ({
    id: `${p}#${i}`,
    name: p,
    url: p,
    logo: p,
    description: p,
    categories: [p, 'Union'],
  }));
  const days = payloads.flatMap((p, i) => [
    { id: `day-${i}`, name: p, start: '2026-01-30T00:00:00-05:00', end: '2026-01-31T00:00:00-05:00', url: p, description: p },
    { id: `bad-day-${i}`, name: p, localDate: p, url: p },
  ]);
  return JSON.stringify({
    turnout: '1.0',
    title: payloads[0],
    timeZone: 'America/New_York',
    campaign: { name: payloads[1], url: payloads[2], hostEventUrl: payloads[3], timeZone: 'America/New_York', days },
    events,
    partners,
  });
}

/** A Mobilize API v1 events page: per payload an event with it in every field, and one with it in the times. */
export function mobilizeFeed(payloads: readonly string[]): string {
  const data = payloads.flatMap((p, i) => [
    {
      id: 1000 + i,
      title: p,
      summary: p,
      description: p,
      timeslots: [{ id: i, start_date: START_S + i * 60, end_date: START_S + 7200, is_full: i % 3 === 0 }],
      timezone: 'America/Chicago',
      location: {
        venue: p,
        address_lines: [p, p],
        locality: p,
        region: p,
        country: p,
        postal_code: p,
        location: { latitude: 41.88, longitude: -87.63 },
      },
      address_visibility: i % 2 ? 'PUBLIC' : p,
      is_virtual: i % 4 === 0,
      virtual_action_url: p,
      event_type: p,
      tags: [{ id: 1, name: p }],
      browser_url: p,
      featured_image_url: p,
      sponsor: { name: p, logo_url: p, website: p },
      accessibility_notes: p,
      high_priority: true,
    },
    { id: 5000 + i, title: p, timeslots: [{ id: 1, start_date: p, end_date: p }], timezone: p, browser_url: p },
  ]);
  return JSON.stringify({ count: data.length, next: null, previous: null, data });
}

/** schema.org JSON-LD in an @graph: per payload an Event with it everywhere, one with it in the dates, and an
 * Organization. */
export function jsonLdFeed(payloads: readonly string[]): string {
  const graph = payloads.flatMap((p, i) => [
    {
      '@type': 'Event',
      '@id': `${p}#${i}`,
      name: p,
      description: p,
      startDate: START,
      endDate: '2026-01-31T21:00:00-06:00',
      url: p,
      image: p,
      keywords: p,
      eventStatus: i % 2 ? p : 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      accessibilitySummary: p,
      location: [
        {
          '@type': 'Place',
          name: p,
          url: p,
          address: {
            '@type': 'PostalAddress',
            streetAddress: p,
            addressLocality: p,
            addressRegion: p,
            postalCode: p,
            addressCountry: p,
          },
          geo: { '@type': 'GeoCoordinates', latitude: 41.88, longitude: -87.63 },
        },
        { '@type': 'VirtualLocation', url: p },
      ],
      organizer: { '@type': 'Organization', name: p, url: p },
      offers: { '@type': 'Offer', url: p, availability: p },
    },
    { '@type': 'Event', '@id': `dates-${i}`, name: p, startDate: p, endDate: p, url: p },
    { '@type': 'Organization', '@id': `org-${i}`, name: p, url: p, logo: p, description: p, keywords: p },
  ]);
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph });
}

/** A spreadsheet of events: per payload a row with it in every column, and one with it in the date and time. */
export function csvEvents(payloads: readonly string[]): string {
  const header = [
    'Event Name', 'Date', 'Start Time', 'End Time', 'Time Zone', 'Venue', 'Street Address', 'City', 'State',
    'ZIP Code', 'Country', 'Latitude', 'Longitude', 'RSVP Link', 'Online Link', 'Organizer', 'Event Type', 'Tags',
    'Virtual?', 'Private', 'Status', 'Description', 'ID', 'Accessibility',
  ];
  const rows = payloads.flatMap((p, i) => [
    row([p, '1/31/2026', '7:00 PM', '9:00 PM', 'Central', p, p, p, p, p, p, '41.88', '-87.63', p, p, p, p, p, 'yes', 'no', i % 2 ? p : '', p, `${p}#${i}`, p]),
    row([p, p, p, p, p, '', '', 'Chicago', 'IL', '', '', '', '', p, '', '', '', '', '', '', '', '', `row-${i}`, '']),
  ]);
  return [row(header), ...rows].join('\r\n');
}

/** A spreadsheet of partners: per payload a row with it in every column. */
export function csvPartners(payloads: readonly string[]): string {
  const rows = payloads.map((p) => row([p, p, p, `${p}; Union`, p]));
  return [row(['Organization Name', 'Website', 'Logo URL', 'Category', 'About']), ...rows].join('\r\n');
}

export interface PayloadFeed {
  format: FeedFormat;
  /** What the element tests read from it. */
  kinds: ReadonlyArray<'event' | 'partner' | 'campaign'>;
  body: string;
  type: string;
}

/** Every feed format with the payloads in every field. */
export function payloadFeeds(payloads: readonly string[]): PayloadFeed[] {
  return [
    { format: 'turnout', kinds: ['event', 'partner', 'campaign'], body: nativeFeed(payloads), type: 'application/json' },
    { format: 'mobilize', kinds: ['event'], body: mobilizeFeed(payloads), type: 'application/json' },
    { format: 'jsonld', kinds: ['event', 'partner'], body: jsonLdFeed(payloads), type: 'application/ld+json' },
    { format: 'csv', kinds: ['event'], body: csvEvents(payloads), type: 'text/csv' },
    { format: 'csv', kinds: ['partner'], body: csvPartners(payloads), type: 'text/csv' },
  ];
}

/** A small good native feed: events, partners and a campaign day. */
export function goodFeed(events = 3): Record<string, unknown> {
  return {
    turnout: '1.0',
    campaign: {
      name: 'Day of action',
      days: [
        {
          id: 'day',
          name: 'National Day of Action',
          start: '2026-01-31T00:00:00-05:00',
          end: '2026-02-01T00:00:00-05:00',
          url: 'https://coalition.example/day',
        },
      ],
    },
    events: Array.from({ length: events }, (_, i) => ({
      id: `good-${i}`,
      title: `Good gathering ${i + 1}`,
      start: `2026-01-31T1${i % 10}:00:00-06:00`,
      timeZone: 'America/Chicago',
      location: { venue: 'Union Park', locality: 'Chicago', region: 'IL', country: 'US' },
      type: i % 2 ? 'rally' : 'vigil',
      url: `https://coalition.example/rsvp/${i}`,
    })),
    partners: Array.from({ length: Math.max(2, Math.min(events, 5)) }, (_, i) => ({
      id: `p${i}`,
      name: `Partner ${i + 1}`,
      url: `https://partner${i}.example/`,
      categories: [i % 2 ? 'Union' : 'Faith group'],
    })),
  };
}
