/**
 * What every adapter shares: collecting records (duplicate ids, skips, warnings) and normalizing the parts of an
 * event that every format has (location, type, tags, status, yes/no values).
 */
import * as v from 'valibot';
import type {
  EventLocation,
  EventStatus,
  LocationPrecision,
  FeedData,
  FeedFormat,
  SkippedRecord,
  TurnoutEvent,
  TurnoutPartner,
} from '../types.js';
import { clip, htmlToText, lineText, LONG_MAX, optionalLine, optionalText, TITLE_MAX } from '../text.js';
import type { ParsedTime } from '../dates.js';
import { safeUrl } from '../../shared/links.js';

/** Collects normalized records; a later record whose id is already taken is skipped. */
export class Sink {
  events: TurnoutEvent[] = [];
  partners: TurnoutPartner[] = [];
  skipped: SkippedRecord[] = [];
  warnings: SkippedRecord[] = [];
  #eventIds = new Set<string>();
  #partnerIds = new Set<string>();

  skip(kind: SkippedRecord['kind'], index: number, label: string | undefined, reason: string): void {
    this.skipped.push(label ? { kind, index, label, reason } : { kind, index, reason });
  }

  /** A record that is shown, but with a field dropped (an end before its start, an unsafe link...). */
  warn(kind: SkippedRecord['kind'], index: number, label: string | undefined, reason: string): void {
    this.warnings.push(label ? { kind, index, label, reason } : { kind, index, reason });
  }

  /** `derived`: the id was made from the event's content, so a repeat means the same event twice. */
  addEvent(event: TurnoutEvent, index: number, derived = false): void {
    const ids = this.#eventIds;
    const known = ids.size;
    ids.add(event.id); // one hash lookup instead of has() then add(): this runs for every event
    if (ids.size === known) {
      const reason = derived
        ? 'it repeats an earlier event (same title, start, place and link)'
        : `its id "${event.id}" is already used by an earlier event`;
      this.skip('event', index, event.title, reason);
      return;
    }
    this.events.push(event);
  }

  addPartner(partner: TurnoutPartner, index: number): void {
    if (this.#partnerIds.has(partner.id)) {
      this.skip('partner', index, partner.name, `its id "${partner.id}" is already used by an earlier partner`);
      return;
    }
    this.#partnerIds.add(partner.id);
    this.partners.push(partner);
  }

  result(format: FeedFormat, extra: Partial<FeedData> = {}): FeedData {
    const data: FeedData = {
      format,
      events: this.events,
      partners: this.partners,
      skipped: this.skipped,
      loadedAt: Date.now(),
      ...extra,
    };
    if (this.warnings.length) data.warnings = this.warnings;
    return data;
  }
}

/** A short label for an editor to find a record by: its title or name, else its id. */
export function labelOf(title: unknown, id?: unknown): string | undefined {
  return optionalLine(title, 80) ?? optionalLine(id, 80);
}

/** An id from a string or number; undefined when missing or empty. */
export function idOf(raw: unknown): string | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'string') return raw.trim().slice(0, 200) || undefined;
  return undefined;
}

const TYPE_SEPARATORS = /[^\p{L}\p{N}]+/gu;
const EDGE_UNDERSCORES = /^_+|_+$/g;

/**
 * Small memo for normalizations whose inputs repeat across a feed (types, countries): a feed of 100k events has a
 * handful of distinct values. Bounded so a hostile feed cannot grow it without limit. The last two inputs are
 * checked first: consecutive records mostly repeat them, and comparing two strings is cheaper than hashing one
 * (each record's copy of a value is a new string, so the Map would hash every one of them).
 */
export function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  let lastText: string | undefined;
  let lastValue: T | undefined;
  let prevText: string | undefined;
  let prevValue: T | undefined;
  return (text) => {
    if (text === lastText) return lastValue as T;
    let value: T | undefined;
    if (text === prevText) {
      value = prevValue;
    } else {
      value = cache.get(text);
      if (value === undefined && !cache.has(text)) {
        value = fn(text);
        if (cache.size > 1000) cache.clear();
        cache.set(text, value);
      }
    }
    prevText = lastText;
    prevValue = lastValue;
    lastText = text;
    lastValue = value;
    return value as T;
  };
}

const typeKeyOf = memo(
  (text) => text.toLowerCase().replace(TYPE_SEPARATORS, '_').replace(EDGE_UNDERSCORES, '') || undefined,
);

/** An event type as a lowercase key: "Teach-In" -> "teach_in", "RALLY" -> "rally". */
export function typeKey(raw: unknown): string | undefined {
  const text = lineText(raw, 80);
  return text ? typeKeyOf(text) : undefined;
}

const MAX_TAGS = 30;

/** Tags from a list or a "a, b; c | d" string: trimmed, one line each, without repeats (case-insensitive). */
export function tagList(raw: unknown): string[] {
  const isText = typeof raw === 'string';
  if (!isText && !Array.isArray(raw)) return [];
  // Sized up front and trimmed at the end: a list grown by push keeps room for 16 (this is per event).
  const tags = new Array<string>(Math.min(isText ? separators(raw) + 1 : raw.length, MAX_TAGS));
  let size = 0;
  if (isText) {
    // Split by hand: a regex split builds a list and strings that are thrown away at once.
    const n = raw.length;
    let from = 0;
    for (let i = 0; i <= n && size < tags.length; i++) {
      if (i < n && !isTagSeparator(raw.charCodeAt(i))) continue;
      let start = from;
      let end = i;
      while (start < end && isSpaceCode(raw.charCodeAt(start))) start++;
      while (end > start && isSpaceCode(raw.charCodeAt(end - 1))) end--;
      if (end > start) size = addTag(tags, size, start === 0 && end === n ? raw : raw.slice(start, end));
      from = i + 1;
    }
  } else {
    for (let i = 0; i < raw.length && size < tags.length; i++) {
      const item: unknown = raw[i];
      size = addTag(tags, size, item !== null && typeof item === 'object' ? (item as { name?: unknown }).name : item);
    }
  }
  tags.length = size;
  return tags;
}

function isTagSeparator(code: number): boolean {
  return code === 44 || code === 59 || code === 124; // , ; |
}

/** How many tag separators `text` holds. */
function separators(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) if (isTagSeparator(text.charCodeAt(i))) found++;
  return found;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Puts a tag at `tags[size]` unless it is empty or a repeat; the new size. */
function addTag(tags: string[], size: number, item: unknown): number {
  const name = lineText(item, 60);
  if (!name || hasTag(tags, size, name)) return size;
  tags[size] = name;
  return size + 1;
}

function hasTag(tags: string[], size: number, name: string): boolean {
  for (let i = 0; i < size; i++) {
    const tag = tags[i];
    if (tag.length === name.length && (tag === name || tag.toLowerCase() === name.toLowerCase())) return true;
  }
  return false;
}

const NOT_LETTER = /[^a-z]/g;
const STATUS_WORDS: Record<string, EventStatus> = {
  scheduled: 'scheduled',
  confirmed: 'scheduled',
  active: 'scheduled',
  live: 'scheduled',
  on: 'scheduled',
  rescheduled: 'scheduled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  cancel: 'cancelled',
  postponed: 'postponed',
  delayed: 'postponed',
  full: 'full',
  soldout: 'full',
  atcapacity: 'full',
  waitlist: 'full',
};

const statusWord = memo((text): EventStatus | undefined => STATUS_WORDS[text.toLowerCase().replace(NOT_LETTER, '')]);

/** A status from a word ("Canceled", "POSTPONED", "sold out"); undefined when it is not one. */
export function statusOf(raw: unknown): EventStatus | undefined {
  return typeof raw === 'string' ? statusWord(raw) : undefined;
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'x', '✓', '✔', 'on', 'private', 'online', 'virtual']);

/** A yes/no value as a spreadsheet or JSON gives it. */
export function truthy(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw !== 0;
  return typeof raw === 'string' && YES.has(raw.trim().toLowerCase());
}

const NOT_ANY_LETTER = /[^\p{L}]/gu;
const TWO_LETTERS = /^[a-z]{2}$/i;
const COUNTRIES: Record<string, string> = {
  unitedstates: 'US', unitedstatesofamerica: 'US', usa: 'US', us: 'US', america: 'US',
  unitedkingdom: 'GB', uk: 'GB', gb: 'GB', greatbritain: 'GB', britain: 'GB', england: 'GB', scotland: 'GB',
  wales: 'GB', northernireland: 'GB', canada: 'CA', mexico: 'MX', méxico: 'MX', ireland: 'IE',
};

const countryOf = memo((text) => {
  const known = COUNTRIES[text.toLowerCase().replace(NOT_ANY_LETTER, '')];
  if (known) return known;
  return TWO_LETTERS.test(text) ? text.toUpperCase() : text;
});

/** ISO 3166-1 alpha-2 where obvious ("United States", "USA", "UK" -> "US", "GB"), else what the feed said. */
export function countryCode(raw: unknown): string | undefined {
  const text = lineText(raw, 80);
  return text ? countryOf(text) : undefined;
}

/** A coordinate from a number or numeric string; undefined when missing. NaN when present but unusable. */
function coordinate(raw: unknown): number | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
  return Number.isFinite(n) ? n : NaN;
}

export interface RawPlace {
  venue?: unknown;
  address?: unknown;
  locality?: unknown;
  region?: unknown;
  postalCode?: unknown;
  country?: unknown;
  lat?: unknown;
  lng?: unknown;
  /** The address must not be shown (a home, a sensitive site). */
  private?: boolean;
}

/**
 * A location with its precision. A private address keeps only locality, region, postal code and country and is
 * never a precise point. Coordinates out of range or at (0, 0) are dropped (`coordinatesProblem` says why).
 * Returns the location alone, with no wrapper object: this runs for every event.
 */
export function buildLocation(raw: RawPlace | null | undefined): EventLocation {
  if (!raw) return { precision: 'none' };
  const locality = optionalLine(raw.locality, 120);
  const region = optionalLine(raw.region, 120);
  const postalCode = optionalLine(raw.postalCode, 20);
  const country = countryCode(raw.country);
  const area = !!(locality || region || postalCode);
  if (raw.private) return areaLocation(area || country ? 'approximate' : 'none', locality, region, postalCode, country);
  const venue = optionalLine(raw.venue);
  const address = optionalLine(raw.address);
  if (pointOf(raw, point)) {
    const [lng, lat] = point;
    if (venue && address && locality && region && postalCode && country) {
      // The everyday full address, made in one go: adding nine fields one by one regrows the object's storage,
      // which shows at 100k events.
      return { venue, address, locality, region, postalCode, country, lat, lng, precision: 'exact' };
    }
    const location = areaLocation('exact', locality, region, postalCode, country);
    if (venue) location.venue = venue;
    if (address) location.address = address;
    location.lat = lat;
    location.lng = lng;
    return location;
  }
  const precision = venue || address || area ? 'approximate' : 'none';
  const location = areaLocation(precision, locality, region, postalCode, country);
  if (venue) location.venue = venue;
  if (address) location.address = address;
  return location;
}

const point: [lng: number, lat: number] = [0, 0];

/**
 * The point of a place that may be shown exactly, written into `at` as [lng, lat]: not private, with usable
 * coordinates. False when it has none. buildLocation places exactly these places at their point (precision
 * 'exact'), and nothing else; turnoutPoints relies on it.
 */
export function pointOf(raw: RawPlace, at: [lng: number, lat: number]): boolean {
  if (raw.private) return false;
  const lat = coordinate(raw.lat);
  const lng = coordinate(raw.lng);
  if (!usableCoordinates(lat, lng)) return false;
  at[0] = lng!;
  at[1] = lat;
  return true;
}

/** Could buildLocation place this (not exact) place by its town, or by what it names? (yes when unsure) */
export function maybeApproximate(raw: RawPlace): boolean {
  const { venue, address, locality, region, postalCode, country } = raw;
  return [venue, address, locality, region, postalCode, country].some((v) => v !== undefined && v !== null && v !== '');
}

function usableCoordinates(lat: number | undefined, lng: number | undefined): lat is number {
  return lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && (lat !== 0 || lng !== 0);
}

/**
 * Why `buildLocation` dropped the place's coordinates (not a pair of numbers, out of range, a 0, 0 placeholder),
 * or undefined when there were none to drop or the place is private (its point is never shown).
 */
export function coordinatesProblem(raw: RawPlace | null | undefined): string | undefined {
  if (!raw || raw.private) return undefined;
  const lat = coordinate(raw.lat);
  const lng = coordinate(raw.lng);
  if ((lat === undefined && lng === undefined) || usableCoordinates(lat, lng)) return undefined;
  if (lat === undefined || lng === undefined || Number.isNaN(lat) || Number.isNaN(lng)) {
    const show = (v: unknown) => (v !== null && typeof v === 'object' ? describeValue(v) : String(v));
    return `coordinates "${show(raw.lat)}, ${show(raw.lng)}" are not a pair of numbers`;
  }
  if (lat === 0 && lng === 0) return 'coordinates 0, 0 are a placeholder, not a place';
  return `coordinates ${lat}, ${lng} are out of range (latitude -90 to 90, longitude -180 to 180)`;
}

/** A location with the area fields that are known. */
function areaLocation(
  precision: LocationPrecision,
  locality?: string,
  region?: string,
  postalCode?: string,
  country?: string,
): EventLocation {
  const location: EventLocation = { precision };
  if (locality) location.locality = locality;
  if (region) location.region = region;
  if (postalCode) location.postalCode = postalCode;
  if (country) location.country = country;
  return location;
}

export type Raw = Record<string, unknown>;

/** A JSON object (not null, not a list). */
export function isObject(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const ABORT_EARLY = { abortEarly: true } as const;

/**
 * Why a record fails its valibot schema, or undefined when it passes. `quick` is a plain test that accepts the
 * common, well-formed record and must accept nothing the schema refuses: valibot copies every object it checks,
 * which is a tenth of the work per record at 100k records, so only records `quick` does not accept go through
 * valibot, which then decides and gives the reason.
 */
export function problemWith(schema: v.GenericSchema, record: unknown, quick: (record: Raw) => boolean): string | undefined {
  if (isObject(record) && quick(record)) return undefined;
  const checked = v.safeParse(schema, record, ABORT_EARLY);
  return checked.success ? undefined : issueReason(checked.issues);
}

/**
 * A readable reason from valibot's first issue: `"start" should be text, not 42`.
 * Schemas are built at module level by the adapters; this only formats the failure.
 */
export function issueReason(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  if (issue.input === undefined && path) return `it has no "${path}"`;
  const wanted = (issue.expected ?? '')
    .replace(EXPECTED_NOISE, '')
    .split(' | ')
    .filter((kind) => kind !== 'null' && kind !== 'undefined')
    .map((kind) => WANTED[kind] ?? kind)
    .join(' or ');
  const got = describeValue(issue.input);
  return path ? `"${path}" should be ${wanted}, not ${got}` : `the record should be ${wanted}, not ${got}`;
}

const EXPECTED_NOISE = /[()]/g;
const WANTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Array: 'a list',
  Object: 'an object',
};

/** A string or number as text, anything else as ''. (String() throws on objects without a prototype.) */
function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A value as it may be quoted to an editor, kept short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 39) + '…' : value}"`;
  return String(value);
}

// "CANCELLED: Vigil", "Canceled - Vigil", "[POSTPONED] Vigil", "(Cancelled) Vigil": how volunteers mark an event in
// its title where the feed has no status field (Mobilize). The word needs a separator or brackets, so a title
// like "Cancelled Flights Vigil" is left alone.
const TITLE_MARK = /^(?:\[\s*(cancell?ed|postponed)\s*\]|\(\s*(cancell?ed|postponed)\s*\)|(cancell?ed|postponed)\s*[:|–—-])\s*/i;
const MARK_START = /^[\[(cp]/i;

/** The status a title's "CANCELLED:"-style prefix gives, and the title without it; undefined when unmarked. */
export function markedTitle(title: string): { title: string; status: EventStatus } | undefined {
  if (!MARK_START.test(title)) return undefined;
  const m = TITLE_MARK.exec(title);
  const rest = m && title.slice(m[0].length);
  if (!rest) return undefined; // nothing but the mark: keep it as the title
  const word = (m[1] ?? m[2] ?? m[3]).toLowerCase();
  return { title: rest, status: word === 'postponed' ? 'postponed' : 'cancelled' };
}

/** A stated cancellation or postponement stands; otherwise a title mark overrides "scheduled" or "full". */
function statusWithMark(stated: EventStatus | undefined, mark: EventStatus | undefined): EventStatus {
  if (stated === 'cancelled' || stated === 'postponed') return stated;
  return mark ?? stated ?? 'scheduled';
}

/** Everything an adapter read from one event, before the shared normalization. */
export interface EventDraft {
  /** The feed's own id; when missing, one is derived from the title and start. */
  id?: string;
  title: unknown;
  description?: unknown;
  /** The parsed start, or why there is no usable start. */
  start: ParsedTime | string;
  /** The parsed end, or why the given end was not usable (the event is kept without it). */
  end?: ParsedTime | string;
  allDay?: boolean;
  place?: RawPlace | null;
  online?: boolean;
  onlineUrl?: unknown;
  type?: unknown;
  tags?: unknown;
  url?: unknown;
  host?: unknown;
  status?: EventStatus;
  accessibility?: unknown;
  featured?: boolean;
}

/**
 * Empty records for an adapter to refill for each record instead of building new ones: addEvent and buildLocation
 * copy what they keep. On large feeds the objects saved per record are garbage that would make the collector copy
 * the whole parsed feed once more, and one shape for every adapter keeps addEvent's reads monomorphic.
 */
export function emptyDraft(): EventDraft {
  return {
    id: undefined, title: undefined, description: undefined, start: '', end: undefined, allDay: undefined,
    place: undefined, online: undefined, onlineUrl: undefined, type: undefined, tags: undefined, url: undefined,
    host: undefined, status: undefined, accessibility: undefined, featured: undefined,
  };
}

export function emptyPlace(): RawPlace {
  return {
    venue: undefined, address: undefined, locality: undefined, region: undefined, postalCode: undefined,
    country: undefined, lat: undefined, lng: undefined, private: undefined,
  };
}

export function emptyTime(): ParsedTime {
  return { time: NaN, timeZone: 'UTC', floating: undefined, allDay: undefined, hadOffset: undefined };
}

/**
 * A stable id from some text, for records that come without one: two independent 32-bit hashes (FNV-1a and a
 * multiply-xorshift), so 100k records collide with odds of about 1 in 10^9 rather than the near-certainty of
 * one 32-bit hash.
 */
export function derivedId(prefix: string, text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${prefix}-${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** Checks a link against the allowlist, noting when a link the feed gave is refused. */
export function link(
  sink: Sink,
  kind: SkippedRecord['kind'],
  index: number,
  label: string | undefined,
  field: string,
  raw: unknown,
  base: string | undefined,
): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const url = safeUrl(raw, base);
  if (!url) {
    const reason =
      typeof raw === 'string'
        ? `${field} ${describeValue(raw)} is not an allowed link (https or mailto only)`
        : `${field} should be a web address, not ${describeValue(raw)}`;
    sink.warn(kind, index, label, reason);
  }
  return url;
}

/**
 * Normalizes one event and adds it, or skips it with a reason: no title, no usable start, a duplicate id.
 * Problems that only cost a field (an end before the start, a refused link, bad coordinates) are warnings.
 */
export function addEvent(sink: Sink, draft: EventDraft, index: number, base: string | undefined, prefix: string): void {
  let title = lineText(draft.title, TITLE_MAX);
  if (!title) {
    sink.skip('event', index, draft.id, 'it has no title');
    return;
  }
  if (typeof draft.start === 'string') {
    sink.skip('event', index, labelOf(title), draft.start);
    return;
  }
  const start = draft.start;
  const marked = markedTitle(title);
  if (marked) title = marked.title;
  const label = clip(title, 80);
  const location = buildLocation(draft.place);
  const event: TurnoutEvent = {
    id:
      draft.id ??
      derivedId(
        prefix,
        `${title}|${start.time}|${location.venue}|${location.address}|${location.locality}|${location.postalCode}|` +
          `${location.lat}|${location.lng}|${plain(draft.url)}|${plain(draft.onlineUrl)}`,
      ),
    title,
    description: htmlToText(draft.description, LONG_MAX),
    start: start.time,
    timeZone: start.timeZone,
    location,
    online: false,
    tags: tagList(draft.tags),
    status: statusWithMark(draft.status, marked?.status),
  };
  if (typeof draft.end === 'string') {
    sink.warn('event', index, label, draft.end);
  } else if (draft.end) {
    if (draft.end.time < start.time) {
      sink.warn('event', index, label, 'its end is before its start, so only the start is shown');
    } else {
      event.end = draft.end.time;
    }
  }
  if (start.floating) event.floating = true;
  if (draft.allDay || start.allDay) event.allDay = true;
  if (location.lat === undefined) {
    const problem = coordinatesProblem(draft.place);
    if (problem) sink.warn('event', index, label, problem);
  }
  const onlineUrl = link(sink, 'event', index, label, 'online link', draft.onlineUrl, base);
  if (onlineUrl) event.onlineUrl = onlineUrl;
  event.online = draft.online ?? (!!onlineUrl && location.precision === 'none');
  const type = typeKey(draft.type);
  if (type) event.type = type;
  const url = link(sink, 'event', index, label, 'link', draft.url, base);
  if (url) event.url = url;
  const host = optionalLine(draft.host);
  if (host) event.host = host;
  const accessibility = optionalText(draft.accessibility, 2000);
  if (accessibility) event.accessibility = accessibility;
  if (draft.featured) event.featured = true;
  sink.addEvent(event, index, draft.id === undefined);
}

/** Everything an adapter read from one partner organization. */
export interface PartnerDraft {
  id?: string;
  name: unknown;
  url?: unknown;
  logo?: unknown;
  description?: unknown;
  categories?: unknown;
}

const SLUG_SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Normalizes one partner and adds it, or skips it when it has no name or its id is taken. */
export function addPartner(sink: Sink, draft: PartnerDraft, index: number, base: string | undefined): void {
  const name = lineText(draft.name, 200);
  if (!name) {
    sink.skip('partner', index, draft.id, 'it has no name');
    return;
  }
  const partner: TurnoutPartner = {
    id: draft.id ?? (name.toLowerCase().replace(SLUG_SEPARATORS, '-').replace(EDGE_DASHES, '') || derivedId('p', name)),
    name,
    categories: tagList(draft.categories),
  };
  const url = link(sink, 'partner', index, name, 'website', draft.url, base);
  if (url) partner.url = url;
  const logo = link(sink, 'partner', index, name, 'logo', draft.logo, base);
  if (logo) partner.logo = logo;
  const description = optionalText(draft.description, 2000);
  if (description) partner.description = description;
  sink.addPartner(partner, index);
}

const EDGE_DASHES = /^-+|-+$/g;
