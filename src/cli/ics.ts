/**
 * iCalendar (.ics) into the native Turnout feed's raw shape, which then goes through the feed layer's own parser
 * like any other native feed (so every rule about titles, dates, links and private addresses is applied once).
 *
 * - Times with a TZID that names an IANA zone are read with Intl (the same zone data the widgets use); a TZID known
 *   only from its VTIMEZONE block is read with ical.js from that block and shown at its UTC offset; UTC times are
 *   instants; times with no zone are read in the calendar's zone (--time-zone, else X-WR-TIMEZONE) or float.
 * - All-day events (VALUE=DATE) stay all-day; DTEND is exclusive, as in iCalendar.
 * - RRULE series are expanded (EXDATE and RECURRENCE-ID overrides respected) up to a cap per series, with a note
 *   when the cap cut the series short.
 * - LOCATION text is split into venue, street, town, state/ZIP and country where its shape allows; GEO gives the
 *   point; CLASS:PRIVATE or CONFIDENTIAL, X-TURNOUT-PRIVATE:TRUE or X-ADDRESS-VISIBILITY:PRIVATE make the address
 *   private (the point and street are never published).
 */
import ICAL from 'ical.js';
import { normalizeZone, offsetZone, wallToInstant, zoneOffset } from '../feed/dates.js';
import { CliError, EXIT } from './errors.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Raw = Record<string, unknown>;

export interface IcsOptions {
  /** Zone for times written without one (overrides the calendar's X-WR-TIMEZONE). */
  timeZone?: string;
  /** Most occurrences kept per recurring series. */
  maxOccurrences?: number;
  /** Occurrences that start before this instant (epoch ms) are left out of a series. */
  since?: number;
}

/** Where a native record came from, for messages: the VEVENT's place in the file and its UID. */
export interface IcsSource {
  vevent: number;
  uid?: string;
  summary?: string;
}

export interface IcsNote {
  source: IcsSource;
  reason: string;
}

export interface IcsResult {
  /** A native feed object (`turnout: "1.0"`), ready for parseFeed. */
  feed: Raw;
  /** sources[i] describes feed.events[i]. */
  sources: IcsSource[];
  /** Things an editor should know that are not record errors (a series cut short, an unknown zone). */
  notes: IcsNote[];
}

const DAY = 86_400_000;
const PRIVATE_CLASSES = new Set(['PRIVATE', 'CONFIDENTIAL']);

export function looksLikeIcs(text: string): boolean {
  return /^\ufeff?\s*BEGIN:VCALENDAR/i.test(text);
}

export function icsToNative(text: string, options: IcsOptions = {}): IcsResult {
  let calendars: Component[];
  try {
    const jcal = ICAL.parse(text.replace(/^\ufeff/, ''));
    const list = Array.isArray(jcal[0]) ? (jcal as unknown[]) : [jcal];
    calendars = list.map((j) => new ICAL.Component(j as never));
  } catch (e) {
    throw new CliError(EXIT.unusable, `not a valid iCalendar file (${e instanceof Error ? e.message : String(e)}).`);
  }
  const reader = new IcsReader(options);
  for (const calendar of calendars) reader.read(calendar);
  return reader.result();
}

class IcsReader {
  events: Raw[] = [];
  sources: IcsSource[] = [];
  notes: IcsNote[] = [];
  title?: string;
  #options: IcsOptions;
  #zone: string | null = null;
  #veventCount = 0;

  constructor(options: IcsOptions) {
    this.#options = options;
  }

  result(): IcsResult {
    const feed: Raw = { turnout: '1.0' };
    if (this.title) feed.title = this.title;
    feed.events = this.events;
    return { feed, sources: this.sources, notes: this.notes };
  }

  read(calendar: Component): void {
    const name = calendar.getFirstPropertyValue('x-wr-calname');
    if (typeof name === 'string' && name.trim() && !this.title) this.title = name.trim();
    const calZone = calendar.getFirstPropertyValue('x-wr-timezone');
    this.#zone = normalizeZone(this.#options.timeZone) ?? normalizeZone(calZone) ?? null;
    for (const tz of calendar.getAllSubcomponents('vtimezone')) {
      try {
        ICAL.TimezoneService.register(tz);
      } catch {
        // A broken VTIMEZONE: times in it are then read by their TZID name, or float (noted per event).
      }
    }
    const vevents = calendar.getAllSubcomponents('vevent');
    // Overrides of single occurrences (RECURRENCE-ID) belong to their series, matched by UID.
    const overrides = new Map<string, Component[]>();
    const masters: { component: Component; ordinal: number }[] = [];
    for (const component of vevents) {
      const ordinal = ++this.#veventCount;
      const uid = text(component.getFirstPropertyValue('uid'));
      if (component.hasProperty('recurrence-id') && uid) {
        const list = overrides.get(uid) ?? [];
        list.push(component);
        overrides.set(uid, list);
        (component as unknown as { _ordinal: number })._ordinal = ordinal;
        continue;
      }
      masters.push({ component, ordinal });
    }
    const used = new Set<Component>();
    for (const { component, ordinal } of masters) {
      const uid = text(component.getFirstPropertyValue('uid'));
      this.readEvent(component, ordinal, uid ? (overrides.get(uid) ?? []) : [], used);
    }
    // Overrides whose series is not in the file stand on their own.
    for (const list of overrides.values()) {
      for (const component of list) {
        if (used.has(component)) continue;
        this.readEvent(component, (component as unknown as { _ordinal: number })._ordinal, [], used);
      }
    }
  }

  readEvent(component: Component, ordinal: number, overrides: Component[], used: Set<Component>): void {
    const event = new ICAL.Event(component);
    const uid = text(event.uid) || undefined;
    const source: IcsSource = { vevent: ordinal, uid, summary: text(event.summary) || undefined };
    if (!component.hasProperty('dtstart')) {
      // Let the feed parser skip it with its own words ("it has no start").
      this.push(this.record(component, source, uid ?? `vevent-${ordinal}`, undefined, undefined), source);
      return;
    }
    if (!event.isRecurring()) {
      this.push(this.record(component, source, uid ?? undefined, event.startDate, event.endDate), source);
      return;
    }
    for (const o of overrides) {
      event.relateException(o);
      used.add(o);
    }
    const max = this.#options.maxOccurrences ?? 50;
    const since = this.#options.since;
    const iterator = event.iterator();
    let kept = 0;
    let steps = 0;
    let next: Time | undefined;
    let cut = false;
    while ((next = iterator.next())) {
      if (++steps > 100_000) {
        cut = true;
        break;
      }
      const details = event.getOccurrenceDetails(next);
      const item = details.item.component;
      if (since !== undefined && details.endDate.toUnixTime() * 1000 < since) continue;
      if (kept >= max) {
        cut = true;
        break;
      }
      const id = `${uid ?? `vevent-${ordinal}`}-${stamp(details.recurrenceId)}`;
      this.push(this.record(item, source, id, details.startDate, details.endDate), source);
      kept++;
    }
    if (cut) {
      this.notes.push({
        source,
        reason: `RRULE: the series goes on; only ${kept} occurrence${kept === 1 ? ' is' : 's are'} kept (--max-occurrences, --since)`,
      });
    } else if (kept === 0) {
      this.notes.push({ source, reason: 'RRULE: no occurrence is left (all excluded or before --since)' });
    }
  }

  push(record: Raw, source: IcsSource): void {
    this.events.push(record);
    this.sources.push(source);
  }

  /** One native event record from a VEVENT (or one occurrence of it, with its own start and end). */
  record(c: Component, source: IcsSource, id: string | undefined, start: Time | undefined, end: Time | undefined): Raw {
    const r: Raw = {};
    if (id) r.id = id;
    r.title = text(c.getFirstPropertyValue('summary'));
    const description = text(c.getFirstPropertyValue('description'));
    if (description) r.description = description;
    if (start) {
      const s = this.time(c, 'dtstart', start, source);
      r.start = s.value;
      if (s.zone) r.timeZone = s.zone;
      if (start.isDate) r.allDay = true;
      if (end) {
        const e = this.time(c, c.hasProperty('dtend') ? 'dtend' : 'dtstart', end, source);
        const oneDay = start.isDate && end.isDate && end.toUnixTime() - start.toUnixTime() <= DAY / 1000;
        const same = end.compare(start) === 0;
        if (!oneDay && !same) r.end = e.value;
      }
    }
    const place = this.place(c, r);
    if (place) r.location = place;
    const urlValue = text(c.getFirstPropertyValue('url'));
    if (urlValue) r.url = urlValue;
    const conference = text(c.getFirstPropertyValue('conference')) || text(c.getFirstPropertyValue('x-google-conference'));
    if (conference && !r.onlineUrl) {
      r.onlineUrl = conference;
      r.online = true;
    }
    const tags: string[] = [];
    for (const p of c.getAllProperties('categories')) {
      for (const v of p.getValues()) if (typeof v === 'string' && v.trim()) tags.push(v.trim());
    }
    if (tags.length) r.tags = tags;
    const organizer = c.getFirstProperty('organizer');
    const cn = organizer?.getParameter('cn');
    if (typeof cn === 'string' && cn.trim()) r.host = cn.trim();
    const status = text(c.getFirstPropertyValue('status')).toUpperCase();
    if (status === 'CANCELLED') r.status = 'cancelled';
    return r;
  }

  /** A time as the native feed writes it, and the zone it is shown in. */
  time(c: Component, prop: string, t: Time, source: IcsSource): { value: string; zone?: string } {
    const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
    if (t.isDate) return { value: date, zone: this.#zone ?? undefined };
    const wall = `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
    const param = c.getFirstProperty(prop)?.getParameter('tzid');
    const tzid = (typeof param === 'string' && param) || t.zone?.tzid || '';
    if (tzid === 'UTC' || tzid === 'Z' || t.zone === ICAL.Timezone.utcTimezone) {
      const time = t.toUnixTime() * 1000;
      return { value: instantIso(time, this.#zone ?? 'UTC'), zone: this.#zone ?? 'UTC' };
    }
    if (tzid && tzid !== 'floating') {
      const iana = ianaOf(tzid);
      if (iana) {
        const time = wallToInstant(t.year, t.month, t.day, t.hour, t.minute, t.second, iana);
        return { value: instantIso(time, iana), zone: iana };
      }
      if (t.zone && t.zone.tzid === tzid && t.zone.component) {
        const time = t.toUnixTime() * 1000;
        const zone = offsetZone(Math.round(t.utcOffset() / 60));
        this.note(source, `time zone "${tzid}" is not a known IANA zone; its times are read from the VTIMEZONE block and shown at their UTC offset`);
        return { value: instantIso(time, zone), zone };
      }
      this.note(source, `time zone "${tzid}" is unknown and the file has no VTIMEZONE for it; its times are read as ${this.#zone ?? 'written (no zone)'}`);
    }
    if (this.#zone) {
      const time = wallToInstant(t.year, t.month, t.day, t.hour, t.minute, t.second, this.#zone);
      return { value: instantIso(time, this.#zone), zone: this.#zone };
    }
    return { value: wall };
  }

  note(source: IcsSource, reason: string): void {
    if (!this.notes.some((n) => n.source === source && n.reason === reason)) this.notes.push({ source, reason });
  }

  /** The native location (or online link) from LOCATION, GEO and the privacy markers. */
  place(c: Component, r: Raw): Raw | undefined {
    const where = text(c.getFirstPropertyValue('location'));
    const geo = c.getFirstPropertyValue('geo') as unknown;
    const place: Raw = {};
    if (/^https:\/\/\S+$/i.test(where)) {
      r.onlineUrl = where;
      r.online = true;
    } else if (where) {
      Object.assign(place, splitLocation(where));
    }
    if (Array.isArray(geo) && geo.length === 2 && geo.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      place.lat = geo[0];
      place.lng = geo[1];
    }
    if (!Object.keys(place).length) return undefined;
    const klass = text(c.getFirstPropertyValue('class')).toUpperCase();
    const flag = text(c.getFirstPropertyValue('x-turnout-private')).toUpperCase();
    const visibility = text(c.getFirstPropertyValue('x-address-visibility')).toUpperCase();
    if (PRIVATE_CLASSES.has(klass) || flag === 'TRUE' || flag === 'YES' || visibility === 'PRIVATE') place.private = true;
    return place;
  }
}

/** An IANA zone from a TZID: "America/Chicago", "/citadel.org/20070914_1/America/Chicago", "Central Standard Time". */
function ianaOf(tzid: string): string | null {
  const direct = normalizeZone(tzid);
  if (direct) return direct;
  const parts = tzid.split('/').filter(Boolean);
  for (let n = Math.min(3, parts.length); n >= 2; n--) {
    const zone = normalizeZone(parts.slice(-n).join('/'));
    if (zone) return zone;
  }
  return null;
}

const COUNTRY_WORDS = /^(usa|us|u\.s\.a?\.?|united states( of america)?|uk|u\.k\.|united kingdom|great britain|england|scotland|wales|northern ireland|canada|mexico|ireland)$/i;
const STATE_ZIP = /^([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)$/;
const ZIP = /^\d{5}(?:-\d{4})?$/;
const UK_POSTCODE = /^(.*?)\s*\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$/i;

/**
 * A one-line LOCATION split into the native fields where its shape is clear: "Venue, 12 Main St, Town, ST 12345,
 * USA". Trailing country, state/ZIP and postcode parts are taken off first; of the rest, the last part is the
 * town, the first part that starts with a number begins the street, and what comes before it is the venue.
 * What cannot be placed stays in the venue, so nothing the organizer wrote is lost.
 */
export function splitLocation(where: string): Raw {
  const parts = where.split(/\s*[,\n]\s*/).map((p) => p.trim()).filter(Boolean);
  const place: Raw = {};
  const last = () => parts[parts.length - 1];
  if (parts.length > 1 && COUNTRY_WORDS.test(last())) place.country = parts.pop();
  for (let changed = true; changed && parts.length > 1; ) {
    changed = false;
    const tail = last();
    const stateZip = STATE_ZIP.exec(tail);
    const uk = UK_POSTCODE.exec(tail);
    if (place.postalCode === undefined && stateZip) {
      place.region = stateZip[1].toUpperCase();
      place.postalCode = stateZip[2];
      parts.pop();
      changed = true;
    } else if (place.postalCode === undefined && ZIP.test(tail)) {
      place.postalCode = tail;
      parts.pop();
      changed = true;
    } else if (place.region === undefined && /^[A-Z]{2}$/.test(tail)) {
      place.region = tail;
      parts.pop();
      changed = true;
    } else if (place.postalCode === undefined && uk && place.country !== undefined) {
      place.postalCode = uk[2].toUpperCase();
      if (uk[1]) parts[parts.length - 1] = uk[1];
      else parts.pop();
      changed = true;
    }
  }
  const located = place.region !== undefined || place.postalCode !== undefined || place.country !== undefined;
  if (parts.length === 1) {
    if (located) place.locality = parts[0];
    else place.venue = parts[0];
  } else if (parts.length > 1) {
    place.locality = parts.pop();
    const street = parts.findIndex((p) => /^\d/.test(p));
    if (street >= 0) {
      if (street > 0) place.venue = parts.slice(0, street).join(', ');
      place.address = parts.slice(street).join(', ');
    } else {
      place.venue = parts.join(', ');
    }
  }
  return place;
}

/** An instant as ISO 8601 with the offset it has in `zone` ("2026-01-31T19:00:00-06:00"). */
export function instantIso(time: number, zone: string): string {
  const offset = zone === 'UTC' ? 0 : zoneOffset(zone, time);
  const minutes = Math.round(offset / 60_000);
  const wall = new Date(time + minutes * 60_000).toISOString().slice(0, 19);
  if (minutes === 0) return `${wall}Z`;
  const abs = Math.abs(minutes);
  return `${wall}${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An occurrence's RECURRENCE-ID as written (its wall-clock time in the series' zone): unique within a series. */
function stamp(t: Time): string {
  const d = `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}`;
  return t.isDate ? d : `${d}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
