/**
 * The native Turnout feed (schema/turnout-feed.schema.json): `{ "turnout": "1.0", title, timeZone, campaign,
 * events, partners }`. Each record is checked with a valibot schema built once here; a record that fails is
 * skipped with the first problem found.
 */
import * as v from 'valibot';
import { FeedError } from '../errors.js';
import { normalizeZone, parseIsoTime, wallToInstant, type ParsedTime } from '../dates.js';
import { optionalLine, optionalText } from '../text.js';
import type { Campaign, CampaignDay, DayText, FeedData, ParseOptions } from '../types.js';
import { DEFAULT_DURATION_MS } from '../../shared/event-info.js';
import {
  addEvent,
  addPartner,
  derivedId,
  describeValue,
  idOf,
  issueReason,
  labelOf,
  link,
  maybeApproximate,
  pointOf,
  problemWith,
  Sink,
  statusOf,
  type RawPlace,
} from './common.js';

const Text = v.nullish(v.string());
// Unions list the common case first: a failed branch costs an issue object.
const TextOrNumber = v.nullish(v.union([v.string(), v.number()]));
const Words = v.nullish(v.union([v.array(v.string()), v.string()]));

// The schema holds what an event cannot be shown without: an object with a text title and start. Every other field
// is read defensively by the normalizers, so one odd value costs that field (with a warning where an editor can
// act: an unusable end, link, zone or coordinates), not the whole event. Each schema key costs ~0.1 µs per
// record, which matters at 100k records.
const EventSchema = v.object({
  title: v.string(),
  start: v.string(),
});

const PartnerSchema = v.object({
  id: TextOrNumber,
  name: v.string(),
  categories: Words,
});

const DaySchema = v.looseObject({
  id: TextOrNumber,
  name: v.string(),
  start: Text,
  end: Text,
  timeZone: Text,
  localDate: Text,
  url: Text,
  description: Text,
});

/** What EventSchema accepts, tested without valibot's copying (see problemWith). */
function isPlainEvent(r: Raw): boolean {
  return typeof r.title === 'string' && typeof r.start === 'string';
}

/** What PartnerSchema accepts, tested without valibot's copying. */
function isPlainPartner(r: Raw): boolean {
  const { id, categories } = r;
  return (
    typeof r.name === 'string' &&
    (id === undefined || id === null || typeof id === 'string' || (typeof id === 'number' && !Number.isNaN(id))) &&
    (categories === undefined || categories === null || typeof categories === 'string' ||
      (Array.isArray(categories) && categories.every((c) => typeof c === 'string')))
  );
}

const VERSION_1 = /^1(\.\d+)*$/;
const PARSE_CONFIG = { abortEarly: true } as const;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object';
}

function listOf(feed: Raw, key: string): unknown[] {
  const list = feed[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new FeedError('format', `The feed's "${key}" should be a list of records.`);
  return list;
}

function readTime(raw: unknown, zone: string | null, what: 'start' | 'end'): ParsedTime | string {
  const parsed = typeof raw === 'string' ? parseIsoTime(raw, zone) : null;
  if (parsed) return parsed;
  const problem = `${what} ${describeValue(raw)} is not an ISO 8601 date-time (like 2026-01-31T19:00:00-06:00)`;
  return what === 'end' ? `${problem}, so only the start is shown` : problem;
}

/**
 * Throws what makes a whole feed unreadable, in the order adaptTurnout meets it: another version, a campaign that
 * is not an object or whose days are not a list, events or partners that are not lists. Returns the version.
 */
function checkShape(feed: Raw): string {
  const declared = feed.turnout ?? '1.0';
  const version = typeof declared === 'string' || typeof declared === 'number' ? String(declared) : 'unknown';
  if (!VERSION_1.test(version)) {
    throw new FeedError('format', `This is a Turnout feed version ${version}; this widget reads version 1.`);
  }
  const campaign = feed.campaign;
  if (campaign !== undefined && campaign !== null) {
    if (typeof campaign !== 'object' || Array.isArray(campaign)) {
      throw new FeedError('format', 'The feed\'s "campaign" should be an object with a name and "days".');
    }
    listOf(campaign as Raw, 'days');
  }
  listOf(feed, 'events');
  listOf(feed, 'partners');
  return version;
}

/** The zone of times without an offset: the feed's (or the reader's), else its campaign's. */
function defaultZoneOf(feed: Raw, options: ParseOptions): { feedZone: string | null; defaultZone: string | null } {
  const feedZone = normalizeZone(feed.timeZone) ?? normalizeZone(options.timeZone);
  const campaign = feed.campaign as Raw | null | undefined;
  return { feedZone, defaultZone: feedZone ?? (campaign ? normalizeZone(campaign.timeZone) : null) };
}

/** A record's own zone: undefined when it names none, null when it names an unknown one (the default applies). */
function ownZone(r: Raw): string | null | undefined {
  return r.timeZone !== undefined && r.timeZone !== null && r.timeZone !== '' ? normalizeZone(r.timeZone) : undefined;
}

export function adaptTurnout(feed: Raw, options: ParseOptions = {}): FeedData {
  const version = checkShape(feed);
  const base = options.baseUrl;
  const sink = new Sink();
  const { feedZone, defaultZone } = defaultZoneOf(feed, options);
  const campaign = readCampaign(feed.campaign, feedZone, sink, base);

  listOf(feed, 'events').forEach((record, index) => {
    const problem = problemWith(EventSchema, record, isPlainEvent);
    if (problem) {
      const r = (isRecord(record) ? record : {}) as Raw;
      sink.skip('event', index, labelOf(r.title, r.id), problem);
      return;
    }
    const r = record as Raw & v.InferOutput<typeof EventSchema>;
    const id = idOf(r.id);
    const own = ownZone(r);
    const zone = own ?? defaultZone;
    if (own === null) {
      sink.warn('event', index, labelOf(r.title, id), `time zone ${describeValue(r.timeZone)} is unknown`);
    }
    const loc = r.location;
    addEvent(
      sink,
      {
        id,
        title: r.title,
        description: r.description,
        start: readTime(r.start, zone, 'start'),
        end: r.end === undefined || r.end === null || r.end === '' ? undefined : readTime(r.end, zone, 'end'),
        allDay: r.allDay === true,
        // The native location has RawPlace's field names; a plain string is taken as the venue.
        place: typeof loc === 'string' ? { venue: loc } : isRecord(loc) ? (loc as RawPlace) : undefined,
        online: typeof r.online === 'boolean' ? r.online : undefined,
        onlineUrl: r.onlineUrl,
        type: r.type,
        tags: r.tags,
        url: r.url,
        host: r.host,
        status: statusOf(r.status),
        accessibility: r.accessibility,
        featured: r.featured === true,
      },
      index,
      base,
      'event',
    );
  });

  listOf(feed, 'partners').forEach((record, index) => {
    const problem = problemWith(PartnerSchema, record, isPlainPartner);
    if (problem) {
      const r = (isRecord(record) ? record : {}) as Raw;
      sink.skip('partner', index, labelOf(r.name, r.id), problem);
      return;
    }
    const p = record as Raw;
    addPartner(
      sink,
      { id: idOf(p.id), name: p.name, url: p.url, logo: p.logo, description: p.description, categories: p.categories },
      index,
      base,
    );
  });

  const extra: Partial<FeedData> = { version };
  const title = optionalLine(feed.title);
  if (title) extra.title = title;
  if (campaign) extra.campaign = campaign;
  return sink.result('turnout', extra);
}

/** Takes one point for a map: an event's id, its place and its end (ms). */
export type AddPoint = (id: string, lng: number, lat: number, end: number) => void;

/**
 * The points a map draws of a native feed, read from its parsed JSON before the events are normalized, so that a
 * map can start on them while adaptTurnout runs (parse-worker.ts). Each event with a text title, a start and an id
 * that adaptTurnout places exactly (pointOf: the same rule; online or not, as the map draws it) goes to `add` with its end,
 * read as adaptTurnout reads times. Every event adaptTurnout maps is among them (some it skips may be too: a
 * duplicate id, a blank title); places that may be approximate are counted generously. Undefined when the feed is
 * unreadable as a whole or an event at a point has no id (adaptTurnout derives one from the normalized event).
 */
export function turnoutPoints(feed: Raw, options: ParseOptions, add: AddPoint): { approximate: number } | undefined {
  try {
    checkShape(feed);
  } catch {
    return undefined;
  }
  const { defaultZone } = defaultZoneOf(feed, options);
  const at: [number, number] = [0, 0];
  let approximate = 0;
  for (const record of listOf(feed, 'events')) {
    if (!isRecord(record) || !isPlainEvent(record)) continue;
    const place = record.location;
    if (!isRecord(place) || !pointOf(place, at)) {
      if (typeof place === 'string' ? place.trim() : isRecord(place) && maybeApproximate(place)) approximate++;
      continue;
    }
    const id = idOf(record.id);
    if (id === undefined) return undefined;
    const zone = ownZone(record) ?? defaultZone;
    const start = readTime(record.start, zone, 'start');
    if (typeof start === 'string') continue;
    const end = record.end === undefined || record.end === null || record.end === '' ? undefined : readTime(record.end, zone, 'end');
    add(id, at[0], at[1], typeof end === 'object' && end.time >= start.time ? end.time : start.time + DEFAULT_DURATION_MS);
  }
  return { approximate };
}

/** The campaign, once checkShape has found it an object (or none). */
function readCampaign(raw: unknown, feedZone: string | null, sink: Sink, base?: string): Campaign | undefined {
  if (raw === undefined || raw === null) return undefined;
  const c = raw as Raw;
  const campaign: Campaign = { days: [] };
  const zone = normalizeZone(c.timeZone) ?? feedZone;
  const name = optionalLine(c.name);
  if (name) campaign.name = name;
  const url = link(sink, 'campaign-day', -1, 'campaign', 'link', c.url, base);
  if (url) campaign.url = url;
  const host = link(sink, 'campaign-day', -1, 'campaign', 'host-an-event link', c.hostEventUrl, base);
  if (host) campaign.hostEventUrl = host;
  if (zone) campaign.timeZone = zone;

  listOf(c, 'days').forEach((record, index) => {
    const checked = v.safeParse(DaySchema, record, PARSE_CONFIG);
    if (!checked.success) {
      const r = (isRecord(record) ? record : {}) as Raw;
      sink.skip('campaign-day', index, labelOf(r.name, r.id), issueReason(checked.issues));
      return;
    }
    const d = checked.output;
    const label = labelOf(d.name, d.id);
    const dayZone = normalizeZone(d.timeZone) ?? zone;
    const day = readDay(d, dayZone);
    if (typeof day === 'string') {
      sink.skip('campaign-day', index, label, day);
      return;
    }
    const dayUrl = link(sink, 'campaign-day', index, label, 'link', d.url, base);
    if (dayUrl) day.url = dayUrl;
    const description = optionalText(d.description, 2000);
    if (description) day.description = description;
    const translations = readTranslations(record as Raw, sink, index, label, base);
    if (translations) day.translations = translations;
    if (campaign.days.some((other) => other.id === day.id)) {
      sink.skip('campaign-day', index, label, `its id "${day.id}" is already used by an earlier day`);
      return;
    }
    campaign.days.push(day);
  });
  campaign.days.sort((a, b) => a.start - b.start);
  return campaign;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/**
 * A day's `translations`: `{ "es": { "name", "url", "description" }, ... }`. Keys that are not language tags and
 * values that are not objects are ignored; links go through the same allowlist as the day's own.
 */
function readTranslations(r: Raw, sink: Sink, index: number, label: string | undefined, base?: string) {
  const raw = r.translations;
  if (!isRecord(raw)) return undefined;
  const out: Record<string, DayText> = {};
  for (const [tag, value] of Object.entries(raw).slice(0, 50)) {
    if (!LANGUAGE_TAG.test(tag) || !isRecord(value)) continue;
    const text: DayText = {};
    const name = optionalLine(value.name, 200);
    if (name) text.name = name;
    const url = link(sink, 'campaign-day', index, label, `${tag} link`, value.url, base);
    if (url) text.url = url;
    const description = optionalText(value.description, 2000);
    if (description) text.description = description;
    if (Object.keys(text).length) out[tag.toLowerCase()] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

function readDay(d: v.InferOutput<typeof DaySchema>, zone: string | null): CampaignDay | string {
  const name = optionalLine(d.name, 200);
  if (!name) return 'it has no name';
  const id = idOf(d.id) ?? derivedId('day', name);
  let localDate: string | undefined;
  if (d.localDate) {
    const m = LOCAL_DATE.exec(d.localDate);
    if (!m) return `localDate "${d.localDate}" is not a date like 2026-01-30`;
    localDate = d.localDate;
  }
  let start: ParsedTime | null = d.start ? parseIsoTime(d.start, zone) : null;
  if (d.start && !start) return `start "${d.start}" is not an ISO 8601 date-time`;
  let end: number | undefined;
  if (!start && localDate) {
    const [y, mo, day] = localDate.split('-').map(Number);
    const dayZone = zone ?? 'UTC';
    start = { time: wallToInstant(y, mo, day, 0, 0, 0, dayZone), timeZone: dayZone };
    end = wallToInstant(y, mo, day + 1, 0, 0, 0, dayZone);
  }
  if (!start) return 'it has no start (an ISO 8601 "start" or a "localDate")';
  if (d.end) {
    const parsed = parseIsoTime(d.end, zone);
    if (!parsed) return `end "${d.end}" is not an ISO 8601 date-time`;
    end = parsed.allDay ? parsed.time + DAY_MS : parsed.time;
  } else if (start.allDay) {
    end = start.time + DAY_MS;
  }
  const day: CampaignDay = { id, name, start: start.time, timeZone: start.timeZone };
  if (end !== undefined && end > start.time) day.end = end;
  if (localDate) day.localDate = localDate;
  return day;
}
