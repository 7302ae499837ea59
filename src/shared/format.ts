/**
 * Date, time, place and text helpers shared by the elements. Everything goes through Intl; times are always shown
 * in the event's own zone (or as typed, for floating times), never silently in the viewer's.
 */
import { msg, str } from '@lit/localize';
import type { TurnoutEvent } from '../feed/types.js';
import { dateFormat, intlShim } from './locale.js';

// The helpers without localized text live in event-info.ts (so that the calendar chunk can use them without the
// localization runtime); re-exported here for the elements.
export { countryName, DEFAULT_DURATION_MS, eventEnd, formatPlace, type PlaceOptions } from './event-info.js';

const formatters = new Map<string, Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'>>();

/**
 * A cached Intl.DateTimeFormat: building one is far slower than using it, and a feed may hold 10k events. For a
 * language the browser's Intl lacks, the stand-in its locale module brought (shared/locale.ts), once loaded.
 */
function dtf(locale: string | undefined, options: Intl.DateTimeFormatOptions): Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'> {
  if (intlShim(locale)) return dateFormat(locale, options);
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** The zone the visitor's browser runs in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone an event's wall-clock times are read in (UTC for floating times, which are stored as if in UTC). */
function zoneOf(event: TurnoutEvent): string {
  return event.floating ? 'UTC' : event.timeZone;
}

const QUARTER_HOUR = 15 * 60 * 1000;
const dayKeys = new Map<string, string>();

/**
 * The calendar day ("2026-01-31") an instant falls on in a zone. Zone offsets and their changes fall on quarter
 * hours, so the answer is cached per zone and quarter hour: a 10k-event feed costs a few hundred Intl calls.
 */
export function dayKey(time: number, timeZone: string): string {
  const cacheKey = `${timeZone}|${Math.floor(time / QUARTER_HOUR)}`;
  let key = dayKeys.get(cacheKey);
  if (key === undefined) {
    if (dayKeys.size > 100_000) dayKeys.clear();
    key = computeDayKey(time, timeZone);
    dayKeys.set(cacheKey, key);
  }
  return key;
}

function computeDayKey(time: number, timeZone: string): string {
  const parts = dtf('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).formatToParts(time);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** The day an event starts on, in its own zone. */
export function eventDayKey(event: TurnoutEvent): string {
  return dayKey(event.start, zoneOf(event));
}

/** A day key as a heading: "Saturday, January 31, 2026" (in the given locale). */
export function formatDayKey(key: string, locale?: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return dtf(locale, { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(
    Date.UTC(y, m - 1, d, 12),
  );
}

/** A zone's name at an instant, in the given style: "GMT-06:00" (longOffset, in en-US), "CST" (short). */
function zoneAt(time: number, timeZone: string, style: 'longOffset' | 'short', locale?: string): string {
  const parts = dtf(locale, { timeZone, timeZoneName: style, hour: 'numeric' }).formatToParts(time);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** True when two zones show the same wall-clock time at that instant (their UTC offsets are equal). */
export function sameOffset(time: number, a: string, b: string): boolean {
  return a === b || zoneAt(time, a, 'longOffset', 'en-US') === zoneAt(time, b, 'longOffset', 'en-US');
}

/** The short name of a zone at an instant, as the locale writes it: "CST", "GMT", "GMT+1". */
export function zoneName(time: number, timeZone: string, locale?: string): string {
  return zoneAt(time, timeZone, 'short', locale);
}

export interface EventWhen {
  /** The start date, e.g. "Sat, Jan 31". */
  date: string;
  /** The time or time range, e.g. "7:00 PM – 9:00 PM", or "All day". */
  time: string;
  /** The zone's short name when it differs from the viewer's ("CST"); absent for floating times. */
  zone?: string;
  /** Machine-readable start for `<time datetime>`: an instant with Z, or a local date-time when floating. */
  datetime: string;
}

export interface WhenOptions {
  locale?: string;
  /** The zone to compare with; the browser's zone by default. */
  viewerZone?: string;
}

/** How an event's date and time read, in the event's own zone. */
export function formatEventWhen(event: TurnoutEvent, options: WhenOptions = {}): EventWhen {
  const { locale } = options;
  const timeZone = zoneOf(event);
  const date = dtf(locale, { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(event.start);
  const iso = new Date(event.start).toISOString();
  if (event.allDay) {
    return { date, time: msg('All day', { id: 'format.all-day' }), datetime: iso.slice(0, 10) };
  }
  const clock = dtf(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const start = clock.format(event.start);
  let time = start;
  if (event.end !== undefined && event.end > event.start) {
    const end =
      dayKey(event.end, timeZone) === dayKey(event.start, timeZone)
        ? clock.format(event.end)
        : dtf(locale, { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(
            event.end,
          );
    time = msg(str`${start} – ${end}`, { id: 'format.time-range', desc: 'A time range: start – end' });
  }
  if (event.floating) return { date, time, datetime: iso.slice(0, 16) };
  const viewerZone = options.viewerZone ?? viewerTimeZone();
  const zone = sameOffset(event.start, timeZone, viewerZone) ? undefined : zoneName(event.start, timeZone, locale);
  return { date, time, zone, datetime: iso };
}

/** Text folded for searching: lower case, without accents ("Café" and "cafe" match). ASCII takes a fast path. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** A type key as a label: "teach_in" -> "Teach in". */
export function typeLabel(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}
