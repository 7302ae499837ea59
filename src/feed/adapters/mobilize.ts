/**
 * A Mobilize API v1 events page: `{ count, next, previous, data: [event] }`. Each timeslot of an event becomes
 * one normalized event (id `${event.id}-${timeslot.id}`, or the event's id when it has a single timeslot).
 * Timeslot times are unix seconds; the event's IANA `timezone` is the zone they are shown in.
 */
import * as v from 'valibot';
import { FeedError } from '../errors.js';
import { normalizeZone, type ParsedTime } from '../dates.js';
import type { FeedData, ParseOptions } from '../types.js';
import {
  addEvent,
  describeValue,
  emptyDraft,
  emptyPlace,
  emptyTime,
  idOf,
  isObject,
  labelOf,
  problemWith,
  Sink,
  type Raw,
} from './common.js';
import { safeUrl } from '../../shared/links.js';

const Id = v.union([v.number(), v.string()]);

// The schema holds what an event cannot be shown without: an id, a text title and timeslots with numeric starts
// (a record failing it is skipped with the reason). Everything else (zone, location, coordinates, tags, links) is
// read defensively by the normalizers, so one odd field costs that field, not the event; each schema key costs
// ~0.1 µs per record.
const TimeslotSchema = v.object({
  start_date: v.number(),
});

const EventSchema = v.object({
  id: Id,
  title: v.string(),
  timeslots: v.array(TimeslotSchema),
});

/** What EventSchema accepts, tested without valibot's copying (see problemWith). */
function isPlainEvent(r: Raw): boolean {
  const { id, timeslots } = r;
  if (typeof r.title !== 'string' || !Array.isArray(timeslots)) return false;
  if (typeof id !== 'string' && (typeof id !== 'number' || Number.isNaN(id))) return false;
  for (const slot of timeslots) {
    if (!isObject(slot) || typeof slot.start_date !== 'number' || Number.isNaN(slot.start_date)) return false;
  }
  return true;
}

const SECOND = 1000;

/** Mobilize's address lines as one line, without the empty ones. */
function addressLine(lines: unknown): string | undefined {
  if (!Array.isArray(lines)) return typeof lines === 'string' ? lines : undefined;
  let out = '';
  for (const line of lines) {
    const text = typeof line === 'string' ? line.trim() : '';
    if (text) out = out ? `${out}, ${text}` : text;
  }
  return out || undefined;
}

/** `into`, set to an instant shown in `zone`. */
function atTime(into: ParsedTime, time: number, zone: string): ParsedTime {
  into.time = time;
  into.timeZone = zone;
  return into;
}

export function adaptMobilize(page: Raw, options: ParseOptions = {}): FeedData {
  if (!Array.isArray(page.data)) {
    throw new FeedError('format', 'This Mobilize page has no "data" list of events.');
  }
  const base = options.baseUrl;
  const sink = new Sink();
  const fallbackZone = normalizeZone(options.timeZone) ?? 'UTC';
  // Refilled for every timeslot instead of built anew (see emptyDraft).
  const d = emptyDraft();
  const place = emptyPlace();
  const start = emptyTime();
  const end = emptyTime();

  page.data.forEach((record, index) => {
    const problem = problemWith(EventSchema, record, isPlainEvent);
    if (problem) {
      const r = (record !== null && typeof record === 'object' ? record : {}) as Raw;
      sink.skip('event', index, labelOf(r.title, r.id), problem);
      return;
    }
    const r = record as Raw & v.InferOutput<typeof EventSchema>;
    const id = idOf(r.id) as string;
    let zone = normalizeZone(r.timezone);
    if (!zone) {
      if (r.timezone) sink.warn('event', index, labelOf(r.title, id), `time zone ${describeValue(r.timezone)} is unknown`);
      zone = fallbackZone;
    }
    // Validated: a list of objects, each with a numeric start_date. Their other fields are read defensively.
    const slots = r.timeslots as Raw[];
    if (slots.length === 0) {
      sink.skip('event', index, labelOf(r.title, id), 'it has no timeslots, so it has no date');
      return;
    }
    const loc = isObject(r.location) ? r.location : undefined;
    if (loc) {
      const point = isObject(loc.location) ? loc.location : undefined;
      place.venue = loc.venue;
      place.address = addressLine(loc.address_lines);
      place.locality = loc.locality;
      place.region = loc.region;
      place.postalCode = loc.postal_code;
      place.country = loc.country;
      place.lat = point?.latitude;
      place.lng = point?.longitude;
      place.private = r.address_visibility === 'PRIVATE' || r.address_visibility === 'private';
    }
    d.title = r.title;
    d.description = r.description || r.summary;
    d.place = loc && place;
    d.online = typeof r.is_virtual === 'boolean' ? r.is_virtual : undefined;
    d.onlineUrl = r.virtual_action_url;
    d.type = r.event_type;
    d.tags = r.tags;
    d.url = r.browser_url;
    d.host = isObject(r.sponsor) ? r.sponsor.name : undefined;
    d.accessibility = r.accessibility_notes;
    d.featured = r.high_priority === true;
    const single = slots.length === 1;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const startDate = slot.start_date as number;
      const endDate = slot.end_date;
      // Without an id of its own (an empty one), each timeslot gets an id derived from its content.
      d.id = single || id === undefined ? id : `${id}-${idOf(slot.id) ?? startDate}`;
      d.start = Number.isFinite(startDate)
        ? atTime(start, startDate * SECOND, zone)
        : `start_date ${startDate} is not a unix time`;
      d.end = typeof endDate === 'number' && Number.isFinite(endDate) ? atTime(end, endDate * SECOND, zone) : undefined;
      d.status = slot.is_full === true ? 'full' : 'scheduled';
      addEvent(sink, d, index, base, 'mobilize');
    }
  });

  const extra: Partial<FeedData> = { pages: 1 };
  const next = safeUrl(page.next, base);
  if (next) extra.nextPage = next;
  return sink.result('mobilize', extra);
}
