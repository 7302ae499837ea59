// Seeded synthetic feeds for `npm run bench:map` (scripts/bench-map.mjs): events scattered around 50 US cities on
// the day of action, 2026-01-31, at local times in each city's zone. The same events are written twice: as a
// native Turnout feed (what <event-map> reads) and as GeoJSON points (what the plain MapLibre and Leaflet pages
// draw). Deterministic: same size and seed, same bytes, on every machine.
//
// Kept simple on purpose so that all three contenders put the same points on the map: no private addresses (the
// element would move those to a locality centre the plain pages know nothing about), a few online-only events
// (listed by the element, absent from every map), nothing cancelled, nothing past (pages pass `now`).
import { prng } from '../../scripts/lib/synthetic-feeds.mjs';

// name, state, ZIP, lat, lng, IANA zone: the 50 cities the points gather around, all in the lower 48 states so
// that every contender's first view (the same box, bench/pages/harness.js) holds every point.
export const CITIES = [
  ['New York', 'NY', '10007', 40.7128, -74.006, 'America/New_York'],
  ['Los Angeles', 'CA', '90012', 34.0522, -118.2437, 'America/Los_Angeles'],
  ['Chicago', 'IL', '60602', 41.8781, -87.6298, 'America/Chicago'],
  ['Houston', 'TX', '77002', 29.7604, -95.3698, 'America/Chicago'],
  ['Phoenix', 'AZ', '85003', 33.4484, -112.074, 'America/Phoenix'],
  ['Philadelphia', 'PA', '19107', 39.9526, -75.1652, 'America/New_York'],
  ['San Antonio', 'TX', '78205', 29.4241, -98.4936, 'America/Chicago'],
  ['San Diego', 'CA', '92101', 32.7157, -117.1611, 'America/Los_Angeles'],
  ['Dallas', 'TX', '75201', 32.7767, -96.797, 'America/Chicago'],
  ['San Jose', 'CA', '95113', 37.3382, -121.8863, 'America/Los_Angeles'],
  ['Austin', 'TX', '78701', 30.2672, -97.7431, 'America/Chicago'],
  ['Jacksonville', 'FL', '32202', 30.3322, -81.6557, 'America/New_York'],
  ['Columbus', 'OH', '43215', 39.9612, -82.9988, 'America/New_York'],
  ['Charlotte', 'NC', '28202', 35.2271, -80.8431, 'America/New_York'],
  ['Indianapolis', 'IN', '46204', 39.7684, -86.1581, 'America/Indiana/Indianapolis'],
  ['San Francisco', 'CA', '94102', 37.7749, -122.4194, 'America/Los_Angeles'],
  ['Seattle', 'WA', '98104', 47.6062, -122.3321, 'America/Los_Angeles'],
  ['Denver', 'CO', '80202', 39.7392, -104.9903, 'America/Denver'],
  ['Washington', 'DC', '20004', 38.9072, -77.0369, 'America/New_York'],
  ['Nashville', 'TN', '37201', 36.1627, -86.7816, 'America/Chicago'],
  ['Oklahoma City', 'OK', '73102', 35.4676, -97.5164, 'America/Chicago'],
  ['El Paso', 'TX', '79901', 31.7619, -106.485, 'America/Denver'],
  ['Boston', 'MA', '02108', 42.3601, -71.0589, 'America/New_York'],
  ['Portland', 'OR', '97204', 45.5152, -122.6784, 'America/Los_Angeles'],
  ['Las Vegas', 'NV', '89101', 36.1699, -115.1398, 'America/Los_Angeles'],
  ['Detroit', 'MI', '48226', 42.3314, -83.0458, 'America/Detroit'],
  ['Memphis', 'TN', '38103', 35.1495, -90.049, 'America/Chicago'],
  ['Louisville', 'KY', '40202', 38.2527, -85.7585, 'America/Kentucky/Louisville'],
  ['Baltimore', 'MD', '21202', 39.2904, -76.6122, 'America/New_York'],
  ['Milwaukee', 'WI', '53202', 43.0389, -87.9065, 'America/Chicago'],
  ['Albuquerque', 'NM', '87102', 35.0844, -106.6504, 'America/Denver'],
  ['Tucson', 'AZ', '85701', 32.2226, -110.9747, 'America/Phoenix'],
  ['Fresno', 'CA', '93721', 36.7378, -119.7871, 'America/Los_Angeles'],
  ['Sacramento', 'CA', '95814', 38.5816, -121.4944, 'America/Los_Angeles'],
  ['Kansas City', 'MO', '64106', 39.0997, -94.5786, 'America/Chicago'],
  ['Atlanta', 'GA', '30303', 33.749, -84.388, 'America/New_York'],
  ['Miami', 'FL', '33128', 25.7617, -80.1918, 'America/New_York'],
  ['Raleigh', 'NC', '27601', 35.7796, -78.6382, 'America/New_York'],
  ['Omaha', 'NE', '68102', 41.2565, -95.9345, 'America/Chicago'],
  ['Minneapolis', 'MN', '55401', 44.9778, -93.265, 'America/Chicago'],
  ['Tulsa', 'OK', '74103', 36.154, -95.9928, 'America/Chicago'],
  ['New Orleans', 'LA', '70112', 29.9511, -90.0715, 'America/Chicago'],
  ['Cleveland', 'OH', '44113', 41.4993, -81.6944, 'America/New_York'],
  ['Pittsburgh', 'PA', '15222', 40.4406, -79.9959, 'America/New_York'],
  ['St. Louis', 'MO', '63101', 38.627, -90.1994, 'America/Chicago'],
  ['Salt Lake City', 'UT', '84111', 40.7608, -111.891, 'America/Denver'],
  ['Boise', 'ID', '83702', 43.615, -116.2023, 'America/Boise'],
  ['Des Moines', 'IA', '50309', 41.5868, -93.625, 'America/Chicago'],
  ['Buffalo', 'NY', '14202', 42.8864, -78.8784, 'America/New_York'],
  ['Spokane', 'WA', '99201', 47.6588, -117.426, 'America/Los_Angeles'],
];

const KINDS = [
  ['rally', 'Rally'],
  ['vigil', 'Candlelight vigil'],
  ['march', 'March'],
  ['teach_in', 'Know-your-rights teach-in'],
  ['canvass', 'Neighborhood canvass'],
  ['phone_bank', 'Phone bank'],
  ['community', 'Community potluck'],
];
const CAUSES = ['for immigrant families', 'for fair housing', 'for our neighbors', 'against the raids', 'for clean water', 'for workers\u2019 rights'];
const VENUES = ['City Hall Plaza', 'Union Hall', 'Public Library', 'Riverside Park', 'Community Center', 'First Church', 'Courthouse Steps', 'Labor Temple'];
const STREETS = ['Main St', 'Oak Ave', 'Elm St', 'Lake Dr', 'Grand Blvd', 'Market St', 'Park Ave', 'Broadway'];
const HOSTS = ['Riverside Tenants Union', 'Northside Student Alliance', 'Lakeshore Legal Observers', 'Valley Faith Coalition', 'Eastside Workers Center', 'Parents for Safe Schools'];
const TAGS = ['families', 'students', 'faith', 'labor', 'spanish', 'accessible', 'youth'];

/** "+hh:mm" offset of `zone` at the instant `utcMs`. */
function offsetOf(zone, utcMs) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(utcMs)
    .find((p) => p.type === 'timeZoneName').value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/** Event titles start with one of these (the element page looks for a visible title). */
export const KIND_NAMES = KINDS.map(([, name]) => name);

/** The neutral events: `count` of them, the same for a given seed. */
export function benchEvents(count, seed = 20260131) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  // Bigger cities get more events: weight falls with the city's rank.
  const weights = CITIES.map((_, i) => 1 / Math.sqrt(i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cityOf = () => {
    let r = rand() * total;
    for (let i = 0; i < CITIES.length; i++) if ((r -= weights[i]) <= 0) return CITIES[i];
    return CITIES[CITIES.length - 1];
  };
  // Roughly normal scatter (sum of three uniforms), about 15 km around the centre, a few farther out.
  const spread = () => (rand() + rand() + rand() - 1.5) * (rand() < 0.85 ? 0.2 : 0.8);
  const offsets = new Map(CITIES.map((c) => [c[5], offsetOf(c[5], Date.UTC(2026, 0, 31, 18))]));
  const events = [];
  for (let i = 0; i < count; i++) {
    const [city, state, zip, lat, lng, zone] = cityOf();
    const [type, kind] = pick(KINDS);
    const hour = 9 + Math.floor(rand() * 12);
    const minute = pick([0, 0, 15, 30, 30, 45]);
    const wall = `2026-01-31T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
    const offset = offsets.get(zone);
    const start = Date.parse(wall + offset);
    const online = rand() < 0.04;
    events.push({
      id: `e${100000 + i}`,
      title: `${kind} ${pick(CAUSES)} \u2014 ${city}`,
      start: wall + offset,
      end: new Date(start + (1 + Math.floor(rand() * 3)) * 3600_000).toISOString(),
      zone,
      online,
      venue: pick(VENUES),
      address: `${1 + Math.floor(rand() * 2400)} ${pick(STREETS)}`,
      city,
      state,
      zip,
      lat: +(lat + spread()).toFixed(5),
      lng: +(lng + spread() * 1.3).toFixed(5),
      type,
      tags: [...new Set([pick(TAGS), pick(TAGS)])],
      host: pick(HOSTS),
      url: `https://events.example.org/e/${100000 + i}`,
    });
  }
  return events;
}

/** The native Turnout feed (JSON text) for these events. */
export function turnoutFeed(events) {
  return JSON.stringify({
    turnout: '1.0',
    title: 'Benchmark feed',
    campaign: {
      name: 'National Day of Action',
      timeZone: 'America/New_York',
      days: [{ id: 'day-of-action', name: 'National Day of Action', start: '2026-01-31T00:00:00-05:00', end: '2026-02-01T00:00:00-05:00' }],
    },
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      description: `Join neighbors in ${e.city} for the day of action. Bring water, a sign and a friend.`,
      start: e.start,
      end: e.end,
      timeZone: e.zone,
      ...(e.online
        ? { online: true, onlineUrl: `https://meet.example.org/${e.id}` }
        : {
            location: {
              venue: e.venue,
              address: e.address,
              locality: e.city,
              region: e.state,
              postalCode: e.zip,
              country: 'US',
              lat: e.lat,
              lng: e.lng,
            },
          }),
      type: e.type,
      tags: e.tags,
      url: e.url,
      host: e.host,
    })),
  });
}

/** The in-person events as a GeoJSON FeatureCollection (JSON text), for the plain map pages. */
export function geojsonFeed(events) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: events
      .filter((e) => !e.online)
      .map((e) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.lng, e.lat] },
        properties: { id: e.id, title: e.title, start: e.start },
      })),
  });
}
