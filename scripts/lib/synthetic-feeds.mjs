// Synthetic feeds for the benchmark: the same kind of event written in each format Turnout reads, generated from
// a seeded PRNG so every run (and every machine) parses the same bytes. Shapes follow issue 2 and the adapters.

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A few places (invented venues, real city coordinates and zones) to draw from.
const PLACES = [
  ['New York', 'NY', '10007', 40.7128, -74.006, 'America/New_York'],
  ['Los Angeles', 'CA', '90012', 34.0522, -118.2437, 'America/Los_Angeles'],
  ['Chicago', 'IL', '60602', 41.8781, -87.6298, 'America/Chicago'],
  ['Houston', 'TX', '77002', 29.7604, -95.3698, 'America/Chicago'],
  ['Phoenix', 'AZ', '85003', 33.4484, -112.074, 'America/Phoenix'],
  ['Minneapolis', 'MN', '55401', 44.9778, -93.265, 'America/Chicago'],
  ['Atlanta', 'GA', '30303', 33.749, -84.388, 'America/New_York'],
  ['Denver', 'CO', '80202', 39.7392, -104.9903, 'America/Denver'],
  ['Columbus', 'OH', '43215', 39.9612, -82.9988, 'America/New_York'],
  ['Durham', 'NC', '27701', 35.994, -78.8986, 'America/New_York'],
  ['Des Moines', 'IA', '50309', 41.5868, -93.625, 'America/Chicago'],
  ['Seattle', 'WA', '98104', 47.6062, -122.3321, 'America/Los_Angeles'],
];
const TYPES = ['rally', 'vigil', 'march', 'teach_in', 'canvass', 'phone_bank', 'community'];
const WORDS = ['Community', 'Rally', 'Vigil', 'Teach-in', 'Gathering', 'March', 'Solidarity', 'Know your rights', 'Neighbors', 'Picnic'];
const HOSTS = ['Riverside Tenants Union', 'Northside Student Alliance', 'Lakeshore Legal Observers', 'Valley Faith Coalition'];

/** Offset of `zone` at `utcMs` as "+hh:mm", e.g. "-06:00". */
function offsetOf(zone, utcMs) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(utcMs)
    .find((p) => p.type === 'timeZoneName').value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/** The neutral record every format is written from. */
function baseEvents(count, seed) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const offsets = new Map(PLACES.map((p) => [p[5], offsetOf(p[5], Date.UTC(2026, 0, 31, 18))]));
  const events = [];
  for (let i = 0; i < count; i++) {
    const place = pick(PLACES);
    const day = 31 - Math.floor(rand() * 3);
    const hour = 9 + Math.floor(rand() * 11);
    const minute = rand() < 0.5 ? 0 : 30;
    const zone = place[5];
    const offset = offsets.get(zone);
    const wall = `2026-01-${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
    const start = Date.parse(wall + offset);
    const online = rand() < 0.1;
    const priv = rand() < 0.1;
    events.push({
      id: 100000 + i,
      title: `${pick(WORDS)} ${pick(WORDS)} in ${place[0]} #${i}`,
      description: `Join neighbours in ${place[0]} for the day of action. Bring water, a sign and a friend.`,
      start,
      end: start + (1 + Math.floor(rand() * 3)) * 3600_000,
      wall,
      hour,
      minute,
      day,
      zone,
      offset,
      venue: online ? undefined : `${pick(['Union', 'Liberty', 'Central', 'Riverside'])} ${pick(['Park', 'Hall', 'Plaza', 'Library'])}`,
      street: online ? undefined : `${1 + Math.floor(rand() * 2000)} ${pick(['Main', 'Oak', 'Elm', 'Lake', 'Grand'])} St`,
      city: place[0],
      region: place[1],
      zip: place[2],
      lat: +(place[3] + (rand() - 0.5) * 0.2).toFixed(5),
      lng: +(place[4] + (rand() - 0.5) * 0.2).toFixed(5),
      private: priv,
      online,
      type: pick(TYPES),
      tags: [pick(['families', 'students', 'faith', 'labor']), pick(['spanish', 'somali', 'arabic', 'english'])],
      host: pick(HOSTS),
      cancelled: rand() < 0.03,
      url: `https://events.example.org/e/${100000 + i}`,
    });
  }
  return events;
}

function nativeFeed(events) {
  return {
    turnout: '1.0',
    title: 'Synthetic benchmark feed',
    campaign: {
      name: 'ICE Out of Everywhere',
      timeZone: 'America/New_York',
      days: [{ id: 'day-of-action', name: 'National Day of Action', start: '2026-01-31T00:00:00-05:00', end: '2026-02-01T00:00:00-05:00' }],
    },
    events: events.map((e) => ({
      id: String(e.id),
      title: e.title,
      description: e.description,
      start: e.wall + e.offset,
      end: new Date(e.end).toISOString(),
      timeZone: e.zone,
      location: e.online
        ? undefined
        : {
            venue: e.venue,
            address: e.street,
            locality: e.city,
            region: e.region,
            postalCode: e.zip,
            country: 'US',
            lat: e.lat,
            lng: e.lng,
            private: e.private,
          },
      online: e.online,
      onlineUrl: e.online ? `https://meet.example.org/${e.id}` : undefined,
      type: e.type,
      tags: e.tags,
      url: e.url,
      host: e.host,
      status: e.cancelled ? 'cancelled' : 'scheduled',
    })),
    partners: [],
  };
}

function mobilizePage(events) {
  return {
    count: events.length,
    next: null,
    previous: null,
    data: events.map((e) => ({
      id: e.id,
      title: e.title,
      summary: '',
      description: `<p>${e.description}</p><p><strong>Accessibility:</strong> step-free entrance.</p>`,
      timezone: e.zone,
      timeslots: [{ id: e.id * 10, start_date: e.start / 1000, end_date: e.end / 1000, is_full: false }],
      location: e.online
        ? null
        : {
            venue: e.private ? '' : e.venue,
            address_lines: e.private ? ['', ''] : [e.street, ''],
            locality: e.city,
            region: e.region,
            country: 'US',
            postal_code: e.zip,
            location: { latitude: e.lat, longitude: e.lng },
            congressional_district: null,
            state_leg_district: null,
          },
      address_visibility: e.private ? 'PRIVATE' : 'PUBLIC',
      is_virtual: e.online,
      virtual_action_url: e.online ? `https://meet.example.org/${e.id}` : null,
      event_type: e.type.toUpperCase(),
      tags: e.tags.map((name, i) => ({ id: i + 1, name })),
      browser_url: e.url,
      sponsor: { id: 7, name: e.host, slug: 'host', is_independent: false },
      accessibility_notes: 'Step-free entrance.',
      high_priority: false,
      visibility: 'PUBLIC',
      created_date: 1767225600,
      modified_date: 1767225600,
      approval_status: 'APPROVED',
    })),
  };
}

function jsonldGraph(events) {
  return {
    '@context': 'https://schema.org',
    '@graph': events.map((e) => ({
      '@type': 'Event',
      '@id': e.url,
      name: e.title,
      description: e.description,
      startDate: e.wall + e.offset,
      endDate: new Date(e.end).toISOString(),
      eventStatus: e.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
      eventAttendanceMode: e.online
        ? 'https://schema.org/OnlineEventAttendanceMode'
        : 'https://schema.org/OfflineEventAttendanceMode',
      location: e.online
        ? { '@type': 'VirtualLocation', url: `https://meet.example.org/${e.id}` }
        : {
            '@type': 'Place',
            name: e.venue,
            address: {
              '@type': 'PostalAddress',
              streetAddress: e.street,
              addressLocality: e.city,
              addressRegion: e.region,
              postalCode: e.zip,
              addressCountry: 'US',
            },
            geo: { '@type': 'GeoCoordinates', latitude: e.lat, longitude: e.lng },
          },
      organizer: { '@type': 'Organization', name: e.host },
      url: e.url,
      keywords: e.tags.join(', '),
    })),
  };
}

const csvCell = (v) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const clock = (h, m) => `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;

/** A volunteer's spreadsheet: US dates, 12-hour times, a zone column. */
function csvSheet(events) {
  const header = ['Event Title', 'Date', 'Start Time', 'End Time', 'Time Zone', 'Venue', 'Address', 'City', 'State', 'ZIP', 'Latitude', 'Longitude', 'Type', 'Tags', 'Host', 'RSVP Link', 'Online', 'Status', 'Description'];
  const lines = [header.join(',')];
  for (const e of events) {
    const endH = e.hour + Math.round((e.end - e.start) / 3600_000);
    lines.push(
      [
        e.title, `1/${e.day}/2026`, clock(e.hour, e.minute), clock(endH % 24, e.minute), e.zone,
        e.venue, e.street, e.city, e.region, e.zip, e.online ? '' : e.lat, e.online ? '' : e.lng,
        e.type, e.tags.join('; '), e.host, e.url, e.online ? 'yes' : 'no', e.cancelled ? 'cancelled' : '', e.description,
      ].map(csvCell).join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** The feed text for `format` ('turnout' | 'mobilize' | 'jsonld' | 'csv') with `count` events. */
export function syntheticFeed(format, count, seed = 20260131) {
  const events = baseEvents(count, seed);
  switch (format) {
    case 'turnout':
      return JSON.stringify(nativeFeed(events));
    case 'mobilize':
      return JSON.stringify(mobilizePage(events));
    case 'jsonld':
      return JSON.stringify(jsonldGraph(events));
    case 'csv':
      return csvSheet(events);
    default:
      throw new Error(`Unknown format ${format}`);
  }
}
