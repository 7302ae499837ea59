#!/usr/bin/env node
// Writes the demo's bundled sample data: the same invented events in every feed format Turnout reads, plus
// partner logos. Deterministic: a seeded random generator and no clock, so re-running gives identical files.
//
//   npm run demo-data
//
// Places (names, coordinates, IANA zones) are real, taken from the city-timezones package (see NOTICE);
// everything else (titles, hosts, venues, street addresses, organizations, links) is invented.
// Links point at https://example.org and https://coalition.example so nothing real is linked.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'demo/data');
const logoDir = join(root, 'demo/logos');
const require = createRequire(import.meta.url);
const cities = JSON.parse(readFileSync(require.resolve('city-timezones/data/cityMap.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32)

let seed = 20260131;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
function shuffle(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
const round = (n, digits) => Number(n.toFixed(digits));

// ---------------------------------------------------------------------------------------------------------------
// Time: wall-clock times in an IANA zone -> instants with offsets

function offsetMinutes(zone, ms) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName').value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** `date` "2026-01-31", `minutes` after local midnight, in `zone` -> { ms, iso: "2026-01-31T11:00:00-06:00" }. */
function zoned(date, minutes, zone) {
  const [y, mo, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, mo - 1, d, 0, minutes);
  let offset = offsetMinutes(zone, wall);
  offset = offsetMinutes(zone, wall - offset * 60000);
  const ms = wall - offset * 60000;
  const pad = (n) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const local = new Date(wall);
  const iso =
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return { ms, iso, date, minutes };
}

// ---------------------------------------------------------------------------------------------------------------
// Partners (all invented)

const partners = [
  ['riverside-tenants-union', 'Riverside Tenants Union', ['Tenants union'],
    'Renters across the Riverside neighborhoods organizing building by building against evictions and for safe homes for every family, whatever their papers say.'],
  ['somali-sa-lakeshore', 'Somali Student Association at Lakeshore State University', ['Student group'],
    'Somali and Somali American students at Lakeshore State: culture nights, tutoring, and a voice on campus for families affected by enforcement.'],
  ['ethiopian-sa-lakeshore', 'Ethiopian Student Association at Lakeshore State University', ['Student group'],
    'A home on campus for Ethiopian and Eritrean students, alumni and friends; this year it runs Amharic know-your-rights sessions with local clinics.'],
  ['bsu-lakeshore', 'Black Student Union at Lakeshore State University', ['Student group', 'Civil rights'],
    'Black students at Lakeshore State organizing for justice on campus and beyond, in solidarity with immigrant classmates.'],
  ['crescent-civil-rights', 'Crescent Civil Rights Alliance', ['Civil rights', 'Faith'],
    'A national Muslim civil-rights organization with volunteer chapters that answer hotline calls, document incidents and defend religious freedom.'],
  ['palestinian-youth-forward', 'Palestinian Youth Forward', ['Youth', 'Civil rights'],
    'A network of young Palestinians in the diaspora building community power, leadership and solidarity with other movements.'],
  ['civic-lawyers-twin-rivers', 'Civic Lawyers Guild, Twin Rivers Chapter', ['Legal support'],
    'Lawyers, law students and paralegals who train and deploy legal observers to public actions and run a court-support line.'],
  ['civic-lawyers-gulf-coast', 'Civic Lawyers Guild, Gulf Coast Chapter', ['Legal support'],
    'Legal observers and volunteer attorneys serving actions from Houston to Mobile.'],
  ['civic-lawyers-pacific', 'Civic Lawyers Guild, Pacific Chapter', ['Legal support'],
    'Volunteer legal observers along the West Coast; ask for a team at least a week before your event.'],
  ['open-door-legal-clinic', 'Open Door Immigration Legal Clinic', ['Immigrant rights', 'Legal support'],
    'Free consultations, DACA renewals and deportation defense, with walk-in hours in English, Spanish and Somali.'],
  ['harbor-immigrant-defense', 'Harbor Immigrant Defense Project', ['Immigrant rights', 'Legal support'],
    'Attorneys and accredited representatives defending detained immigrants and training communities to respond to raids.'],
  ['puentes-legal-aid', 'Puentes Legal Aid Collective', ['Immigrant rights', 'Legal support'],
    'A bilingual legal aid collective offering know-your-rights trainings and help preparing family safety plans.'],
  ['bridgeview-bail-fund', 'Bridgeview Community Bail Fund', ['Legal support'],
    'Pays immigration and criminal bonds so people can fight their cases at home with their families.'],
  ['prairie-freedom-fund', 'Prairie Freedom Fund', ['Legal support', 'Immigrant rights'],
    'A revolving bond fund for the Plains states, with rides and welcome kits for people released from detention.'],
  ['interfaith-sanctuary-plains', 'Interfaith Sanctuary Network of the Plains', ['Faith'],
    'Congregations of many traditions offering accompaniment, vigils and sanctuary to neighbors at risk.'],
  ['first-light-congregations', 'First Light Congregations for Welcome', ['Faith'],
    'Churches, mosques and synagogues in the Southeast pledging to welcome and protect immigrant families.'],
  ['warehouse-workers-1122', 'Food and Warehouse Workers Local 1122', ['Labor'],
    'A union of food-processing and warehouse workers; an injury to one is an injury to all.'],
  ['allied-home-care-guild', 'Allied Home Care Workers Guild', ['Labor', 'Immigrant rights'],
    'Home care and domestic workers organizing for fair pay and protection from retaliation.'],
  ['valley-youth-voices', 'Valley Youth Voices', ['Youth'],
    'High school and college organizers running art builds, walkouts and peer trainings.'],
  ['neighbors-not-strangers', 'Neighbors Not Strangers Alliance', ['Immigrant rights'],
    'A statewide alliance of immigrant-led groups running a rapid response hotline and accompaniment program.'],
  ['southeast-rapid-response', 'Southeast Rapid Response Network', ['Immigrant rights'],
    'Trained volunteers in eleven states who verify reports of enforcement activity and support affected families.'],
  ['haitian-solidarity-circle', 'Haitian Solidarity Circle', ['Immigrant rights', 'Civil rights'],
    'Haitian community members and allies defending protected status and organizing in Kreyòl, French and English.'],
  ['heartland-equal-justice', 'Heartland Coalition for Equal Justice', ['Civil rights'],
    'Civil-rights advocates across the Midwest working for fair policing and equal treatment under the law.'],
  ['mekong-community-circle', 'Mekong Community Circle', ['Immigrant rights', 'Youth'],
    'Vietnamese, Lao, Khmer and Hmong families and youth organizing against deportations to Southeast Asia.'],
  ['across-borders-solidarity', 'Across Borders Migrant Solidarity', ['Immigrant rights'],
    'A volunteer network in British cities that stands with migrants and detained people on both sides of the Atlantic.'],
].map(([id, name, categories, description], i) => ({
  id,
  name,
  url: `https://example.org/partners/${id}`,
  // Three partners have no logo so the widgets' fallback shows.
  ...([5, 12, 21].includes(i) ? {} : { logo: `../logos/${id}.svg` }),
  description,
  categories,
}));

const partnerById = Object.fromEntries(partners.map((p) => [p.id, p]));

// Which partners tend to host which kind of event.
const hostsByType = {
  rally: ['riverside-tenants-union', 'crescent-civil-rights', 'palestinian-youth-forward', 'neighbors-not-strangers',
    'warehouse-workers-1122', 'heartland-equal-justice', 'bsu-lakeshore', 'southeast-rapid-response', 'haitian-solidarity-circle'],
  march: ['riverside-tenants-union', 'valley-youth-voices', 'palestinian-youth-forward', 'warehouse-workers-1122',
    'neighbors-not-strangers', 'bsu-lakeshore', 'mekong-community-circle'],
  vigil: ['interfaith-sanctuary-plains', 'first-light-congregations', 'crescent-civil-rights'],
  teach_in: ['somali-sa-lakeshore', 'ethiopian-sa-lakeshore', 'bsu-lakeshore', 'heartland-equal-justice',
    'valley-youth-voices', 'crescent-civil-rights'],
  community_meeting: ['neighbors-not-strangers', 'riverside-tenants-union', 'southeast-rapid-response',
    'mekong-community-circle', 'haitian-solidarity-circle', 'prairie-freedom-fund', 'bridgeview-bail-fund'],
  know_your_rights: ['open-door-legal-clinic', 'harbor-immigrant-defense', 'puentes-legal-aid',
    'civic-lawyers-twin-rivers', 'civic-lawyers-gulf-coast', 'civic-lawyers-pacific', 'crescent-civil-rights'],
  art_build: ['valley-youth-voices', 'riverside-tenants-union', 'palestinian-youth-forward', 'somali-sa-lakeshore'],
  phone_bank: ['warehouse-workers-1122', 'allied-home-care-guild', 'heartland-equal-justice', 'neighbors-not-strangers'],
};

// ---------------------------------------------------------------------------------------------------------------
// Places (real, from city-timezones)

function findCity(name, code) {
  const c = cities.find((x) => x.city === name && (x.state_ansi === code || x.iso2 === code));
  if (!c) throw new Error(`city not in city-timezones: ${name}, ${code}`);
  return c;
}

function place(c) {
  if (c.iso2 === 'GB') {
    const nation = { Glasgow: 'Scotland', Edinburgh: 'Scotland', Cardiff: 'Wales' }[c.city] ?? 'England';
    return { locality: c.city, region: nation, country: 'GB', lat: c.lat, lng: c.lng, timeZone: c.timezone };
  }
  const dc = c.city === 'Washington, D.C.';
  return {
    locality: dc ? 'Washington' : c.city,
    region: dc ? 'DC' : c.state_ansi,
    country: 'US',
    lat: c.lat,
    lng: c.lng,
    timeZone: c.timezone,
  };
}

// Big metros get several events on January 31. [city, state, count, downtown ZIP]
const metros = [
  ['New York', 'NY', 9, '10007'], ['Los Angeles', 'CA', 8, '90012'], ['Chicago', 'IL', 8, '60602'],
  ['Houston', 'TX', 5, '77002'], ['Philadelphia', 'PA', 5, '19107'], ['Phoenix', 'AZ', 4, '85003'],
  ['San Antonio', 'TX', 3, '78205'], ['San Diego', 'CA', 4, '92101'], ['Dallas', 'TX', 4, '75201'],
  ['San Jose', 'CA', 3, '95113'], ['Austin', 'TX', 4, '78701'], ['Seattle', 'WA', 5, '98104'],
  ['Denver', 'CO', 4, '80202'], ['Boston', 'MA', 5, '02108'], ['Atlanta', 'GA', 4, '30303'],
  ['Miami', 'FL', 5, '33128'], ['Minneapolis', 'MN', 6, '55415'], ['St. Paul', 'MN', 2],
  ['Portland', 'OR', 4, '97204'], ['Detroit', 'MI', 4, '48226'], ['San Francisco', 'CA', 5, '94102'],
  ['Oakland', 'CA', 3, '94612'], ['Washington, D.C.', undefined, 4, '20001'], ['Baltimore', 'MD', 3, '21202'],
  ['Milwaukee', 'WI', 3, '53202'], ['Las Vegas', 'NV', 3, '89101'], ['Salt Lake City', 'UT', 2, '84111'],
  ['Albuquerque', 'NM', 3, '87102'], ['Charlotte', 'NC', 3, '28202'], ['Raleigh', 'NC', 2], ['Durham', 'NC', 2],
  ['Nashville', 'TN', 3, '37219'], ['Memphis', 'TN', 2], ['New Orleans', 'LA', 3, '70112'],
  ['St. Louis', 'MO', 3, '63101'], ['Kansas City', 'MO', 2], ['Columbus', 'OH', 3], ['Cleveland', 'OH', 2],
  ['Cincinnati', 'OH', 2], ['Pittsburgh', 'PA', 2], ['Indianapolis', 'IN', 3], ['Louisville', 'KY', 2],
  ['Tucson', 'AZ', 2], ['El Paso', 'TX', 3], ['Sacramento', 'CA', 2], ['Fresno', 'CA', 2], ['Providence', 'RI', 2],
  ['Newark', 'NJ', 3], ['Omaha', 'NE', 2], ['Des Moines', 'IA', 2], ['Madison', 'WI', 2], ['Honolulu', 'HI', 1],
  ['Anchorage', 'AK', 1],
];
const metroKeys = new Set(metros.map(([name, st]) => `${name}|${st ?? ''}`));

const midwestAndSouth = new Set(['IA', 'KS', 'NE', 'MO', 'MN', 'WI', 'MI', 'OH', 'IN', 'IL', 'ND', 'SD', 'AL', 'AR',
  'GA', 'KY', 'LA', 'MS', 'NC', 'SC', 'TN', 'TX', 'VA', 'WV', 'OK', 'FL']);
const usTowns = cities
  .filter((c) => c.iso2 === 'US' && c.state_ansi && !metroKeys.has(`${c.city}|${c.state_ansi}`))
  .filter((c) => c.pop >= 8000 && c.pop < 200000)
  .sort((a, b) => `${a.state_ansi}${a.city}`.localeCompare(`${b.state_ansi}${b.city}`));
const southMidwestTowns = shuffle(usTowns.filter((c) => midwestAndSouth.has(c.state_ansi))).slice(0, 118);
const otherTowns = shuffle(usTowns.filter((c) => !midwestAndSouth.has(c.state_ansi))).slice(0, 24);

const ukPlaces = [['London', 4], ['Manchester', 2], ['Birmingham', 2], ['Glasgow', 1], ['Bristol', 1], ['Leeds', 1],
  ['Cardiff', 1], ['Edinburgh', 1]];

// ---------------------------------------------------------------------------------------------------------------
// Event text (invented)

const types = ['rally', 'march', 'vigil', 'teach_in', 'community_meeting', 'know_your_rights', 'art_build', 'phone_bank'];
const typeWeights = [26, 10, 12, 10, 12, 16, 8, 6];
function pickType() {
  let r = random() * typeWeights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < types.length; i++) if ((r -= typeWeights[i]) < 0) return types[i];
  return types[0];
}

const typeLabels = {
  rally: 'Rally', march: 'March', vigil: 'Vigil', teach_in: 'Teach-in', community_meeting: 'Community Meeting',
  know_your_rights: 'Know Your Rights', art_build: 'Art Build', phone_bank: 'Phone Bank',
};

const languages = ['Spanish', 'Somali', 'Amharic', 'Arabic', 'Vietnamese', 'Haitian Creole', 'French', 'Tagalog',
  'Chinese', 'Hmong', 'Oromo', 'Karen'];

const titles = {
  rally: ['ICE Out of {city} Rally', '{city} Stands With Its Neighbors', 'Rally for Immigrant Families in {city}',
    'Protect Our Neighbors Rally', 'Day of Action Rally at {venue}', 'Families Belong Together: {city} Rally'],
  march: ['March for Our Neighbors in {city}', '{city} Solidarity March', 'Walk Together: {city} Community March'],
  vigil: ['Candlelight Vigil for Detained Neighbors', 'Interfaith Vigil for Families Kept Apart', '{city} Vigil of Welcome'],
  teach_in: ['Teach-in: Immigration Enforcement in {city}', 'Teach-in: Schools, Campuses and Raids',
    'Teach-in: A Short History of Sanctuary'],
  community_meeting: ['Community Meeting: Building a Rapid Response Network', '{city} Neighbors Keeping Each Other Safe',
    'Potluck and Planning Night'],
  know_your_rights: ['Know Your Rights Workshop ({language})', 'Know Your Rights: If Agents Come to Your Door',
    'Family Safety Planning and Know Your Rights ({language})'],
  art_build: ['Art Build: Banners and Signs for the Day of Action', 'Sign-Making Afternoon', 'Community Banner Build'],
  phone_bank: ['Phone Bank: Tell Congress to Stop Funding Raids', 'Phone Bank for the National Day of Lobbying'],
};

const intros = {
  rally: 'Join neighbors in {city} as we say together that immigration enforcement has no place in our schools, workplaces, clinics and homes.',
  march: 'We walk through {city} to show that our community protects its own. The route is about a mile and a half at a gentle pace.',
  vigil: 'A quiet evening of candles, prayer and reflection for the people taken from {city} families this year. All traditions and none are welcome.',
  teach_in: 'Speakers from local schools, clinics and legal groups explain how enforcement works in {city} and what each of us can do.',
  community_meeting: 'Bring your questions and your ideas. We will map who can help with rides, childcare, translation and accompaniment in {city}.',
  know_your_rights: 'Learn what to say, what not to sign and whom to call if agents approach you at home, at work or on the street. Materials in English and {language}.',
  art_build: 'Paint, stencils and snacks provided. We will make banners and signs for the January 31 actions across {city}.',
  phone_bank: 'Scripts, call lists and training provided. Bring a charged phone and headphones; first-time callers are very welcome.',
};

const extras = [
  'What to bring: water & warm layers.',
  'What to bring: a sign, a friend & a charged phone.',
  'Interpretation available on request; tell us which language when you RSVP.',
  'Legal observers will be present. Please follow the safety marshals.',
  'Children are welcome; there will be a quiet corner with crayons & books.',
  'Light food will be served. Tell us about allergies when you RSVP.',
];

const accessibilityNotes = [
  'Wheelchair-accessible route from the bus stop; folding chairs available.',
  'ASL interpretation provided.',
  'Step-free entrance and an accessible restroom.',
  'Masks encouraged; masks available at check-in.',
  'Seating and a quiet area are available near the stage.',
];

const venuesByType = {
  rally: ['City Hall Plaza', 'Federal Building Steps', 'Courthouse Square', 'Memorial Park', 'Liberty Green'],
  march: ['Memorial Park (start)', 'Riverfront Commons (start)', 'Union Station Plaza (start)'],
  vigil: ['Grace Community Church', 'Unitarian Fellowship Hall', 'Peace Garden', 'Masjid al-Noor Courtyard'],
  teach_in: ['Public Library, Meeting Room B', 'Community College Student Center', 'Labor Temple Auditorium'],
  community_meeting: ['Neighborhood Community Center', 'Union Hall', 'Eastside Recreation Center'],
  know_your_rights: ['Public Library, Community Room', 'Family Resource Center', 'Mercado Community Room'],
  art_build: ['Open Studio Makerspace', 'Riverside Arts Collective', 'Youth Center Art Room'],
  phone_bank: ['Union Hall, Room 2', 'Workers Center', 'Cooperative Office'],
};
const streets = ['Main St', 'Market St', 'Oak Ave', 'Church St', 'Park Ave', 'Elm St', 'Washington Ave', 'Center St',
  'Lincoln Ave', '2nd Ave', 'River Rd', 'Grand Ave', 'Maple St', 'Court St'];
const ukVenues = ['Town Hall Steps', 'Civic Square', 'Friends Meeting House', 'Central Library, Room 3'];
const ukStreets = ['High Street', 'Station Road', 'Church Street', 'Victoria Road', 'Market Street'];

const commonTags = ['Family friendly', 'Wheelchair accessible', 'Multilingual', 'Students', 'Youth'];
const tagsByType = {
  rally: ['Outdoor', 'Legal observers on site'], march: ['Outdoor', 'Legal observers on site'],
  vigil: ['Outdoor', 'Faith'], teach_in: ['Indoor', 'Training'], community_meeting: ['Indoor', 'Rapid response'],
  know_your_rights: ['Indoor', 'Training'], art_build: ['Indoor', 'Youth'], phone_bank: ['Indoor', 'Training'],
};

const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');

// ---------------------------------------------------------------------------------------------------------------
// Building events

const events = [];

function timeSlot(type) {
  // Local start between 10:00 and 17:00 on the half hour, 1 to 3 hours long, ending by 19:00.
  const start = type === 'vigil' ? pick([16 * 60, 16 * 60 + 30, 17 * 60]) : int(20, 34) * 30;
  const duration = Math.min(pick([60, 90, 120, 120, 180]), Math.max(60, 19 * 60 - start));
  return [start, duration];
}

function makeEvent({ date, where, type = pickType(), online = false, privateAddress = false, zip, hostId, title, intro,
  tags: extraTags = [], slot, day }) {
  const language = pick(languages);
  const venue = where ? pick(where.country === 'GB' ? ukVenues : venuesByType[type]) : undefined;
  const vars = { city: where?.locality ?? 'your town', venue, language };
  const [start, duration] = slot ?? timeSlot(type);
  const zone = where?.timeZone ?? pick(['America/New_York', 'America/New_York', 'America/Chicago', 'America/Los_Angeles']);
  const s = zoned(date, start, zone);
  const e = zoned(date, start + duration, zone);
  const host = partnerById[hostId ?? (where?.country === 'GB' ? 'across-borders-solidarity' : pick(hostsByType[type]))];
  const tags = new Set(extraTags);
  if (type === 'know_your_rights') tags.add(`${language} interpretation`);
  const [base, typical] = tagsByType[type];
  tags.add(base);
  if (random() < 0.5) tags.add(typical);
  if (random() < 0.5) tags.add(pick(commonTags));
  if (online) {
    tags.delete('Outdoor');
    tags.delete('Indoor');
    tags.delete('Wheelchair accessible');
    tags.add('Online');
  }
  const paragraphs = [fill(intro ?? intros[type], vars)];
  if (!online && random() < 0.6) paragraphs.push(pick(extras));
  if (online) paragraphs.push('Join online from a phone or a computer.\nCaptions are on for the whole session.');
  const ev = {
    title: fill(title ?? pick(titles[type]), vars),
    description: paragraphs.join('\n\n'),
    start: s,
    end: e,
    timeZone: zone,
    type,
    tags: [...tags],
    host: host.name,
    hostId: host.id,
    status: 'scheduled',
    online,
    day,
  };
  if (online) {
    ev.location = undefined;
  } else {
    const address = where.country === 'GB'
      ? `${int(2, 120)} ${pick(ukStreets)}`
      : `${int(10, 2400)} ${pick(streets)}`;
    ev.location = {
      venue: privateAddress ? undefined : venue,
      address: privateAddress ? undefined : address,
      locality: where.locality,
      region: where.region,
      postalCode: privateAddress ? undefined : zip,
      country: where.country,
      lat: privateAddress ? undefined : round(where.lat + (random() - 0.5) * (zip ? 0.04 : 0.012), 5),
      lng: privateAddress ? undefined : round(where.lng + (random() - 0.5) * (zip ? 0.05 : 0.015), 5),
      private: privateAddress,
      cityLat: round(where.lat, 4),
      cityLng: round(where.lng, 4),
    };
  }
  if (random() < 0.35) ev.accessibility = pick(accessibilityNotes);
  events.push(ev);
  return ev;
}

const DAY = '2026-01-31';
const places = new Set();

// January 31: the day of action.
for (const [name, st, count, zip] of metros) {
  const where = place(findCity(name, st ?? 'US'));
  places.add(`${where.locality}, ${where.region}`);
  for (let i = 0; i < count; i++) {
    const ev = makeEvent({ date: DAY, where, zip, type: i === 0 ? 'rally' : undefined, day: 'day-of-action' });
    if (i === 0 && count >= 5) ev.featured = true;
  }
}
for (const c of [...southMidwestTowns, ...otherTowns]) {
  const where = place(c);
  places.add(`${where.locality}, ${where.region}`);
  const count = random() < 0.15 ? 2 : 1;
  for (let i = 0; i < count; i++) makeEvent({ date: DAY, where, day: 'day-of-action' });
}
for (const [name, count] of ukPlaces) {
  const where = place(findCity(name, 'GB'));
  places.add(`${where.locality}, ${where.region}`);
  for (let i = 0; i < count; i++) {
    makeEvent({
      date: DAY, where, type: pick(['rally', 'vigil', 'teach_in', 'march']), day: 'day-of-action',
      tags: ['International solidarity'], slot: [int(22, 28) * 30, 120],
    });
  }
}

// Online events on January 31 (no location).
const onlineSpecs = [
  ['know_your_rights', 'Know Your Rights Webinar in Spanish', 'Spanish'],
  ['know_your_rights', 'Know Your Rights Webinar in Somali', 'Somali'],
  ['know_your_rights', 'Know Your Rights Webinar in Amharic', 'Amharic'],
  ['know_your_rights', 'Know Your Rights Webinar in Arabic', 'Arabic'],
  ['know_your_rights', 'Know Your Rights Webinar in Vietnamese', 'Vietnamese'],
  ['know_your_rights', 'Know Your Rights Webinar in Haitian Creole', 'Haitian Creole'],
  ['teach_in', 'Online Teach-in: How Detention Contracts Work', null],
  ['teach_in', 'Online Teach-in: Campus Sanctuary Policies', null],
  ['phone_bank', 'Virtual Phone Bank: Call Your Senators', null],
  ['phone_bank', 'Virtual Phone Bank: Evening Shift', null],
  ['community_meeting', 'National Day of Action Kickoff Call', null],
  ['community_meeting', 'Rapid Response Volunteer Orientation', null],
  ['community_meeting', 'Legal Observer Training (Online)', null],
  ['teach_in', 'Safety and De-escalation for Marshals', null],
  ['community_meeting', 'Wrap-up Call: What Comes Next', null],
];
for (const [type, title, language] of onlineSpecs) {
  makeEvent({
    date: DAY, type, title, online: true, day: 'day-of-action', tags: language ? [`${language} interpretation`] : [],
    intro: language
      ? `A live online session in ${language} with English support: your rights at home, at work and in public, and how to make a family safety plan.`
      : undefined,
  });
}

// January 30: the National Shutdown.
const shutdown = [
  ['Minneapolis', 'MN', 'rally', 'Shutdown Day Walkout and Rally', 'somali-sa-lakeshore'],
  ['Chicago', 'IL', 'march', 'No Work, No School, No Shopping: Shutdown March', 'warehouse-workers-1122'],
  ['Los Angeles', 'CA', 'rally', 'Shutdown Day Rally at City Hall', 'allied-home-care-guild'],
  ['Atlanta', 'GA', 'community_meeting', 'Shutdown Day Community Lunch', 'first-light-congregations'],
  ['New York', 'NY', 'teach_in', 'Shutdown Teach-in: Why We Withhold Our Labor', 'bsu-lakeshore'],
  ['Des Moines', 'IA', 'community_meeting', 'No-Spend Day Potluck', 'prairie-freedom-fund'],
  ['Houston', 'TX', 'rally', 'Shutdown Day Rally', 'neighbors-not-strangers'],
];
for (const [name, st, type, title, hostId] of shutdown) {
  makeEvent({
    date: '2026-01-30', where: place(findCity(name, st)), type, title, hostId, day: 'national-shutdown',
    intro: 'On the day of the National Shutdown we stay out of work, class and stores, and gather instead. Everyone who can safely take part is welcome.',
  });
}
makeEvent({
  date: '2026-01-30', type: 'teach_in', title: 'Shutdown Day Online Teach-in', online: true, hostId: 'heartland-equal-justice',
  day: 'national-shutdown',
  intro: 'For everyone staying home on the National Shutdown: an hour on what the shutdown asks of us and how to talk about it with coworkers.',
});

// February 17: the National Day of Lobbying.
const lobby = [
  ['St. Paul', 'MN', 'Lobby Day at the Minnesota Capitol', 'civic-lawyers-twin-rivers'],
  ['Austin', 'TX', 'Lobby Day at the Texas Capitol', 'neighbors-not-strangers'],
  ['Sacramento', 'CA', 'Lobby Day at the California Capitol', 'puentes-legal-aid'],
  ['Atlanta', 'GA', 'Lobby Day at the Georgia Capitol', 'southeast-rapid-response'],
  ['Washington, D.C.', 'US', 'Lobby Day on Capitol Hill', 'crescent-civil-rights'],
  ['Columbus', 'OH', 'Lobby Day at the Ohio Statehouse', 'heartland-equal-justice'],
];
for (const [name, st, title, hostId] of lobby) {
  makeEvent({
    date: '2026-02-17', where: place(findCity(name, st)), type: 'community_meeting', title, hostId, day: 'lobby-day',
    tags: ['Lobbying', 'Training'], slot: [9 * 60 + 30, 240],
    intro: 'Morning training, then small-group visits with legislators and their staff. No experience needed; we pair first-timers with returning advocates.',
  });
}
makeEvent({
  date: '2026-02-17', type: 'phone_bank', title: 'National Day of Lobbying Call-in', online: true,
  hostId: 'warehouse-workers-1122', day: 'lobby-day', tags: ['Lobbying'],
});

// Sort by start, then give stable ids.
events.sort((a, b) => a.start.ms - b.start.ms || a.title.localeCompare(b.title) || a.host.localeCompare(b.host));
events.forEach((ev, i) => {
  ev.id = `ev-${String(i + 1).padStart(4, '0')}`;
  ev.url = `https://example.org/events/${ev.id}`;
  if (ev.online) ev.onlineUrl = `https://example.org/join/${ev.id}`;
});

// Statuses and private addresses, spread over the January 31 in-person events.
const jan31InPerson = events.filter((e) => e.day === 'day-of-action' && !e.online);
const candidates = shuffle(jan31InPerson.filter((e) => !e.featured));
candidates.slice(0, 20).forEach((e) => {
  e.location.private = true;
  for (const k of ['venue', 'address', 'postalCode', 'lat', 'lng']) e.location[k] = undefined;
  e.type = 'community_meeting';
  e.tags = ['Indoor', 'Small group'];
  e.title = pick(['House Meeting: Neighbors Keeping Watch', 'Neighborhood Safety Circle',
    'Home Gathering and Letter Writing']);
  e.description = `A small gathering in a neighbor's home in ${e.location.locality}: we share news, write letters to ` +
    'people in detention and sign up for rapid response shifts.\n\nThe address is shared with confirmed guests only.\n' +
    'Ask the host if you need a ride.';
});
candidates.slice(20, 28).forEach((e) => (e.status = 'cancelled'));
candidates.slice(28, 32).forEach((e) => (e.status = 'full'));
candidates.slice(32, 33).forEach((e) => (e.status = 'postponed'));
for (const e of events) {
  if (e.status === 'cancelled') e.description = `This event has been cancelled. Please look for another one nearby.\n\n${e.description}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Campaign

const campaign = {
  name: 'ICE Out of Everywhere',
  url: 'https://coalition.example/',
  hostEventUrl: 'https://coalition.example/host-an-event',
  timeZone: 'America/New_York',
  days: [
    {
      id: 'national-shutdown', name: 'National Shutdown',
      start: '2026-01-30T00:00:00-05:00', end: '2026-01-31T00:00:00-05:00', timeZone: 'America/New_York',
      localDate: '2026-01-30', url: 'https://coalition.example/shutdown',
      description: 'No work, no school, no shopping: a day to withhold our labor and our spending.',
    },
    {
      id: 'day-of-action', name: 'ICE Out of Everywhere National Day of Action',
      start: '2026-01-31T00:00:00-05:00', end: '2026-02-01T00:00:00-05:00', timeZone: 'America/New_York',
      localDate: '2026-01-31', url: 'https://coalition.example/day-of-action',
      description: 'Hundreds of gatherings in towns and cities across the United States and in the United Kingdom.',
    },
    {
      id: 'lobby-day', name: 'National Day of Lobbying',
      start: '2026-02-17T00:00:00-05:00', end: '2026-02-18T00:00:00-05:00', timeZone: 'America/New_York',
      localDate: '2026-02-17', url: 'https://coalition.example/lobby-day',
      description: 'Constituents meet their legislators, with a partner coalition, to ask them to stop funding raids.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Writers

const clean = (obj) => JSON.parse(JSON.stringify(obj)); // drops undefined fields

function nativeEvent(e) {
  const loc = e.location && {
    venue: e.location.venue,
    address: e.location.address,
    locality: e.location.locality,
    region: e.location.region,
    postalCode: e.location.postalCode,
    country: e.location.country,
    lat: e.location.lat,
    lng: e.location.lng,
    private: e.location.private,
  };
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    start: e.start.iso,
    end: e.end.iso,
    timeZone: e.timeZone,
    location: loc,
    online: e.online,
    onlineUrl: e.onlineUrl,
    type: e.type,
    tags: e.tags,
    url: e.url,
    host: e.host,
    status: e.status,
    accessibility: e.accessibility,
    featured: e.featured,
  };
}

const feed = clean({
  turnout: '1.0',
  title: 'ICE Out of Everywhere: events (demo data)',
  timeZone: 'America/New_York',
  campaign,
  events: events.map(nativeEvent),
  partners,
});

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function descriptionHtml(text) {
  return text
    .split('\n\n')
    .map((p) => {
      const m = /^([^:\n]{3,20}):\s([^]*)$/.exec(p);
      const body = (t) => escapeHtml(t).replace(/\n/g, '<br>');
      return m ? `<p><b>${escapeHtml(m[1])}:</b> ${body(m[2])}</p>` : `<p>${body(p)}</p>`;
    })
    .join('');
}

const tagIds = new Map();
const tagId = (name) => (tagIds.has(name) ? tagIds.get(name) : (tagIds.set(name, 100 + tagIds.size), tagIds.get(name)));
for (const t of [...new Set(events.flatMap((e) => e.tags))].sort()) tagId(t);

function mobilizeEvent(e, i) {
  const id = 700001 + i;
  const l = e.location;
  const s = (ms) => Math.round(ms / 1000);
  return {
    id,
    // Mobilize has no status field: volunteers mark a cancelled event in its title.
    title: e.status === 'cancelled' ? `CANCELLED: ${e.title}` : e.title,
    summary: '',
    description: descriptionHtml(e.description),
    timeslots: [{ id: id * 10 + 1, start_date: s(e.start.ms), end_date: s(e.end.ms), is_full: e.status === 'full' }],
    timezone: e.timeZone,
    location: l
      ? {
          venue: l.venue ?? '',
          address_lines: [l.address ?? '', ''],
          locality: l.locality,
          region: l.region,
          country: l.country,
          postal_code: l.postalCode ?? '',
          // A private address keeps only the town's centre, as Mobilize does.
          location: l.private ? { latitude: l.cityLat, longitude: l.cityLng } : { latitude: l.lat, longitude: l.lng },
        }
      : null,
    address_visibility: l?.private ? 'PRIVATE' : 'PUBLIC',
    is_virtual: e.online,
    virtual_action_url: e.onlineUrl ?? null,
    event_type: e.type.toUpperCase(),
    tags: e.tags.map((name) => ({ id: tagId(name), name })),
    browser_url: e.url,
    sponsor: { id: 500 + partners.findIndex((p) => p.id === e.hostId), name: e.host, website: partnerById[e.hostId].url },
    accessibility_notes: e.accessibility ?? '',
    high_priority: Boolean(e.featured),
    visibility: 'PUBLIC',
  };
}

const mobilize = { count: events.length, next: null, previous: null, data: events.map(mobilizeEvent) };

const SCHEMA = 'https://schema.org/';
const eventStatus = { scheduled: 'EventScheduled', full: 'EventScheduled', cancelled: 'EventCancelled', postponed: 'EventPostponed' };
function jsonLdEvent(e) {
  const l = e.location;
  return {
    '@type': 'Event',
    '@id': `${e.url}#event`,
    identifier: e.id,
    name: e.title,
    description: e.description,
    startDate: e.start.iso,
    endDate: e.end.iso,
    eventAttendanceMode: SCHEMA + (e.online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode'),
    eventStatus: SCHEMA + eventStatus[e.status],
    location: l
      ? {
          '@type': 'Place',
          name: l.venue,
          address: {
            '@type': 'PostalAddress',
            streetAddress: l.address,
            addressLocality: l.locality,
            addressRegion: l.region,
            postalCode: l.postalCode,
            addressCountry: l.country,
          },
          geo: l.private ? undefined : { '@type': 'GeoCoordinates', latitude: l.lat, longitude: l.lng },
        }
      : { '@type': 'VirtualLocation', url: e.onlineUrl },
    organizer: { '@type': 'Organization', '@id': `${partnerById[e.hostId].url}#org`, name: e.host },
    url: e.url,
    keywords: e.tags.join(', '),
    accessibilitySummary: e.accessibility,
    offers: e.status === 'full'
      ? { '@type': 'Offer', url: e.url, price: 0, priceCurrency: 'USD', availability: `${SCHEMA}SoldOut` }
      : undefined,
  };
}
const jsonld = clean({
  '@context': 'https://schema.org',
  '@graph': [
    ...partners.map((p) => ({
      '@type': 'Organization',
      '@id': `${p.url}#org`,
      name: p.name,
      url: p.url,
      logo: p.logo,
      description: p.description,
      keywords: p.categories.join(', '),
    })),
    ...events.map(jsonLdEvent),
  ],
});

const zoneLabels = {
  'America/New_York': 'Eastern', 'America/Detroit': 'Eastern', 'America/Indiana/Indianapolis': 'Eastern',
  'America/Kentucky/Louisville': 'Eastern', 'America/Chicago': 'Central', 'America/Menominee': 'Central',
  'America/Denver': 'Mountain', 'America/Boise': 'Mountain', 'America/Los_Angeles': 'Pacific',
};
function clock(minutes) {
  const h = Math.floor(minutes / 60) % 24;
  return `${h % 12 || 12}:${String(minutes % 60).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}
const usDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
};
const yes = (b) => (b ? 'Yes' : '');
const statusLabel = { scheduled: 'Scheduled', cancelled: 'Cancelled', full: 'Full', postponed: 'Postponed' };
const eventRows = events.map((e) => {
  const l = e.location ?? {};
  return {
    'Event Name': e.title,
    Date: usDate(e.start.date),
    'Start Time': clock(e.start.minutes),
    'End Time': clock(e.end.minutes),
    'Time Zone': zoneLabels[e.timeZone] ?? e.timeZone,
    Venue: l.venue ?? '',
    Address: l.address ?? '',
    City: l.locality ?? '',
    State: l.region ?? '',
    ZIP: l.postalCode ?? '',
    Country: l.country ?? '',
    Latitude: l.lat ?? '',
    Longitude: l.lng ?? '',
    'RSVP Link': e.url,
    'Online Link': e.onlineUrl ?? '',
    Host: e.host,
    Type: typeLabels[e.type],
    Tags: e.tags.join(', '),
    Online: yes(e.online),
    Private: yes(l.private),
    Status: statusLabel[e.status],
    Description: e.description,
    Accessibility: e.accessibility ?? '',
  };
});
const partnerRows = partners.map((p) => ({
  Name: p.name,
  Website: p.url,
  Logo: p.logo ?? '',
  Category: p.categories.join(', '),
  Description: p.description,
}));

// A small native feed with deliberately broken records, for the "N entries could not be shown" notice.
const good = feed.events.filter((e) => e.start.startsWith('2026-01-31')).slice(0, 6);
const feedWithErrors = {
  turnout: '1.0',
  title: 'Demo feed with mistakes a volunteer might make',
  timeZone: 'America/New_York',
  campaign: { name: campaign.name, url: campaign.url, days: [campaign.days[1]] },
  events: [
    ...good,
    { ...good[0], id: 'bad-no-title', title: undefined },
    { ...good[1], id: 'bad-date', title: 'Rally with an impossible date', start: '2026-01-32T25:00:00-05:00' },
    { ...good[2], id: 'bad-no-start', title: 'Vigil with no start time', start: undefined, end: undefined },
    { ...good[3], id: 'bad-end-before-start', title: 'Meeting that ends before it starts', end: '2026-01-31T08:00:00-05:00' },
    { ...good[4], id: 'bad-link', title: 'Event with a javascript: link', url: 'javascript:alert(1)' },
    { ...good[5], id: 'bad-coordinates', title: 'Rally placed off the planet', location: { ...good[5].location, lat: 123.4, lng: -87.6 } },
    'not an event at all',
    { id: 'html-title', title: '<img src=x onerror=alert(1)> Teach-in with markup in its title', start: '2026-01-31T14:00:00-05:00',
      end: '2026-01-31T15:30:00-05:00', timeZone: 'America/New_York', online: true, onlineUrl: 'https://example.org/join/html-title',
      type: 'teach_in', tags: [], url: 'https://example.org/events/html-title', host: partners[3].name, status: 'scheduled' },
  ],
  partners: [...partners.slice(0, 3), { id: 'bad-partner', url: 'https://example.org/partners/nameless', categories: [] }],
};

// Partner logos: neutral two-letter monograms.
const palette = ['#334155', '#3f4a5a', '#44403c', '#3b4d45', '#4a4458', '#52525b', '#394b59', '#4b4b3f'];
const skip = new Set(['of', 'at', 'the', 'for', 'and']);
function monogram(name) {
  const words = name.split(/ at |,/)[0].replace(/[^A-Za-z ]/g, ' ').split(/\s+/);
  return words.filter((w) => w && !skip.has(w.toLowerCase())).slice(0, 3).map((w) => w[0].toUpperCase()).join('');
}
function logoSvg(p, i) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label="${p.name}">
  <rect width="64" height="64" rx="12" fill="${palette[i % palette.length]}"/>
  <text x="32" y="41" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${monogram(p.name).length > 2 ? 20 : 24}" font-weight="600" fill="#ffffff">${monogram(p.name)}</text>
</svg>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// Write everything

rmSync(logoDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
mkdirSync(logoDir, { recursive: true });
const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
const files = {
  'feed.json': json(feed),
  'mobilize.json': json(mobilize),
  'events.jsonld': json(jsonld),
  'events.csv': Papa.unparse(eventRows, { newline: '\r\n' }) + '\r\n',
  'partners.csv': Papa.unparse(partnerRows, { newline: '\r\n' }) + '\r\n',
  'feed-with-errors.json': json(clean(feedWithErrors)),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dataDir, name), text);
partners.forEach((p, i) => p.logo && writeFileSync(join(logoDir, `${p.id}.svg`), logoSvg(p, i)));

const jan31 = events.filter((e) => e.day === 'day-of-action');
const summary = {
  events: events.length,
  jan31: jan31.length,
  jan30: events.filter((e) => e.day === 'national-shutdown').length,
  feb17: events.filter((e) => e.day === 'lobby-day').length,
  places: places.size,
  usPlaces: [...places].filter((p) => !/England|Scotland|Wales/.test(p)).length,
  ukEvents: events.filter((e) => e.location?.country === 'GB').length,
  online: events.filter((e) => e.online).length,
  private: events.filter((e) => e.location?.private).length,
  cancelled: events.filter((e) => e.status === 'cancelled').length,
  full: events.filter((e) => e.status === 'full').length,
  postponed: events.filter((e) => e.status === 'postponed').length,
  partners: partners.length,
  logos: partners.filter((p) => p.logo).length,
};
console.log(JSON.stringify(summary));
for (const [name, text] of Object.entries(files)) console.log(`demo/data/${name}: ${Buffer.byteLength(text)} bytes`);
