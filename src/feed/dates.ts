/**
 * Dates and times as feeds write them, turned into instants. Pure: only `Intl` and `Date`, no DOM.
 *
 * - ISO 8601 with an offset is an instant already.
 * - A wall-clock time with an IANA zone is turned into an instant with `Intl.DateTimeFormat#formatToParts`
 *   (correct across daylight-saving changes; see `wallToInstant`).
 * - A wall-clock time with no zone at all is "floating": kept as if in UTC and shown as typed.
 * - `parseLooseDate` / `parseLooseTime` read what volunteers type into spreadsheets.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------------
// Zones

const zoneCache = new Map<string, string | null>();

/** The canonical IANA name of a zone Intl knows (case-insensitive), or null. Cached. */
export function canonicalZone(zone: string): string | null {
  let known = zoneCache.get(zone);
  if (known !== undefined) return known;
  try {
    known = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    known = null;
  }
  zoneCache.set(zone, known);
  return known;
}

/**
 * Words volunteers put in a "time zone" column, mapped to the zone they mean. Abbreviations such as EST are
 * read as the region's zone (people write "EST" in July and mean Eastern time), not as a fixed offset.
 */
const ZONE_WORDS: Record<string, string> = {
  eastern: 'America/New_York',
  et: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  useastern: 'America/New_York',
  central: 'America/Chicago',
  ct: 'America/Chicago',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  uscentral: 'America/Chicago',
  mountain: 'America/Denver',
  mt: 'America/Denver',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  usmountain: 'America/Denver',
  pacific: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  uspacific: 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  akst: 'America/Anchorage',
  akdt: 'America/Anchorage',
  akt: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  hst: 'Pacific/Honolulu',
  hawaiialeutian: 'Pacific/Honolulu',
  arizona: 'America/Phoenix',
  gmt: 'Europe/London',
  bst: 'Europe/London',
  uk: 'Europe/London',
  british: 'Europe/London',
  london: 'Europe/London',
  utc: 'UTC',
  z: 'UTC',
};

const NOT_LETTERS = /[^a-z]/g;
const TIME_SUFFIX = /(?:standard|daylight|daylightsaving|summer)?time$/;

/**
 * A zone from what a feed or a volunteer wrote: an IANA name ("America/Chicago", any case), a US/UK word or
 * abbreviation ("Eastern", "CST", "Pacific Time", "BST"), or an offset ("-06:00", "UTC-6"). Null when unknown.
 */
export function normalizeZone(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (!value) return null;
  if (value.includes('/')) {
    const iana = canonicalZone(value);
    if (iana) return iana;
  }
  const offset = OFFSET_WORD.exec(value);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes <= 14 * 60) return offsetZone(offset[1] === '-' ? -minutes : minutes);
  }
  const letters = value.toLowerCase().replace(NOT_LETTERS, '');
  const mapped = ZONE_WORDS[letters] ?? ZONE_WORDS[letters.replace(TIME_SUFFIX, '')];
  if (mapped) return mapped;
  return canonicalZone(value);
}

const OFFSET_WORD = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

let offsetZonesSupported: boolean | undefined;

/** Whether this engine's Intl accepts "-06:00" as a time zone (Chromium does; Node 20 does not). */
export function supportsOffsetZones(): boolean {
  if (offsetZonesSupported === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: '-06:00' });
      offsetZonesSupported = true;
    } catch {
      offsetZonesSupported = false;
    }
  }
  return offsetZonesSupported;
}

/**
 * A zone name for a fixed offset (minutes east of UTC) usable as `Intl.DateTimeFormat`'s `timeZone`:
 * "-06:00" where Intl accepts offsets, else the equivalent "Etc/GMT+6" (whole hours), else "UTC".
 */
export function offsetZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  if (supportsOffsetZones()) {
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
  }
  // Etc/GMT zones carry the POSIX sign: Etc/GMT+6 is six hours *behind* UTC.
  if (abs % 60 === 0 && abs <= 12 * 60) return `Etc/GMT${minutes < 0 ? '+' : '-'}${abs / 60}`;
  return 'UTC';
}

// ---------------------------------------------------------------------------------------------------------------
// Wall clock in a zone -> instant

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (positive east of UTC). */
export function zoneOffset(zone: string, time: number): number {
  if (zone === 'UTC') return 0;
  const p: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(time)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute, p.second);
  return wall - (time - (((time % 1000) + 1000) % 1000));
}

const instantCache = new Map<string, number>();

/**
 * The instant at which the wall clock in `zone` shows the given date and time (month 1-12).
 * Across a daylight-saving change: a time that does not exist (2:30 on a spring-forward night) moves forward by
 * the gap (3:30 daylight time); a time that happens twice (1:30 on a fall-back night) is the earlier one.
 */
export function wallToInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, zone = 'UTC'): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (zone === 'UTC' || Number.isNaN(wall)) return wall;
  const key = zone + wall;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  const before = zoneOffset(zone, wall - DAY);
  const after = zoneOffset(zone, wall + DAY);
  let result: number;
  if (before === after) {
    result = wall - before;
  } else {
    const a = wall - before;
    const b = wall - after;
    const aFits = zoneOffset(zone, a) === before;
    const bFits = zoneOffset(zone, b) === after;
    if (aFits && bFits) result = Math.min(a, b);
    else if (aFits) result = a;
    else if (bFits) result = b;
    else result = wall - before; // in the gap: read with the offset in force before the change
  }
  if (instantCache.size > 5000) instantCache.clear();
  instantCache.set(key, result);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// ISO 8601 as feeds write it

export interface ParsedTime {
  /** Epoch ms. For floating times: the wall clock as if in UTC. */
  time: number;
  /** IANA zone or offset zone the time is shown in ("UTC" for floating times). */
  timeZone: string;
  /** The feed gave a wall-clock time with no zone and none was known. */
  floating?: boolean;
  /** A date with no time of day. */
  allDay?: boolean;
  /** The time carried its own offset (so it is an instant whatever the zone). */
  hadOffset?: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[mo - 1] + (leap ? 1 : 0);
}

function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/**
 * Reads an ISO 8601 date or date-time. With an offset it is an instant, shown in `zone` when given (the event's
 * IANA zone) or else at that offset. Without an offset it is a wall-clock time in `zone`, or floating when there
 * is no zone. A date alone is an all-day date. Null when it is not a valid ISO date.
 *
 * `into`: a ParsedTime the caller reuses from one record to the next (it copies what it keeps). The common shape,
 * a date-time with an offset, is then written into it instead of a new object (one object fewer per date on
 * feeds of 100k events); other shapes still come back as new objects.
 */
export function parseIsoTime(raw: string, zone?: string | null, into?: ParsedTime): ParsedTime | null {
  return parseIsoFast(raw, zone, into) ?? parseIsoSlow(raw, zone);
}

/**
 * `Date.UTC` for a valid date (month 1-12, year 1000-9999) and time, in plain integer arithmetic: days from
 * 1970-01-01 counted in 400-year eras of 146097 days, years starting in March so the leap day comes last.
 * About ten times cheaper than `Date.UTC`, and this runs twice per event.
 */
function utcTime(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const year = mo <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468;
  return ((days * 24 + h) * 60 + mi) * MINUTE + s * 1000;
}

/** Two ASCII digits at `i` as a number, or NaN. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * The common shapes, read without a regex (this runs twice per event on large feeds):
 * "2026-01-31T19:00:00-06:00", "2026-01-31T19:00:00.000Z", "2026-01-31T19:00:00" and "2026-01-31T19:00".
 * Anything else (fractions, spaces, compact offsets, bad values) goes to the regex reader, which decides.
 */
function parseIsoFast(s: string, zone?: string | null, into?: ParsedTime): ParsedTime | null {
  const n = s.length;
  if (n < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) {
    return null;
  }
  const y = digits2(s, 0) * 100 + digits2(s, 2);
  const mo = digits2(s, 5);
  const d = digits2(s, 8);
  const h = digits2(s, 11);
  const mi = digits2(s, 14);
  let sec = 0;
  let i = 16;
  if (s.charCodeAt(16) === 58) {
    sec = digits2(s, 17);
    i = 19;
    if (s.charCodeAt(i) === 46) {
      // Fractions of a second (".000" from toISOString) are dropped.
      do i++;
      while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57);
      if (i === 20) return null;
    }
  }
  if (!validDate(y, mo, d) || !(h < 24) || !(mi < 60) || !(sec < 60)) return null;
  if (i === n) return fromWall(y, mo, d, h, mi, sec, zone);
  let off: number;
  const c = s.charCodeAt(i);
  if (c === 90 && i + 1 === n) {
    off = 0;
  } else if ((c === 43 || c === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = digits2(s, i + 1);
    const om = digits2(s, i + 4);
    if (!(oh <= 18) || !(om < 60)) return null;
    off = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return null;
  }
  const time = utcTime(y, mo, d, h, mi, sec) - off * MINUTE;
  const timeZone = zone || offsetZone(off);
  if (!into) return { time, timeZone, hadOffset: true };
  into.time = time;
  into.timeZone = timeZone;
  into.hadOffset = true;
  into.floating = undefined;
  into.allDay = undefined;
  return into;
}

function parseIsoSlow(raw: string, zone?: string | null): ParsedTime | null {
  const m = ISO.exec(raw.trim());
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (!validDate(y, mo, d)) return null;
  const hasTime = m[4] !== undefined;
  const h = hasTime ? +m[4] : 0;
  const mi = hasTime ? +m[5] : 0;
  const s = m[6] !== undefined ? +m[6] : 0;
  if (h > 24 || mi > 59 || s > 60 || (h === 24 && (mi > 0 || s > 0))) return null;
  const allDay = !hasTime || undefined;
  if (m[7] !== undefined && hasTime) {
    const off = offsetMinutes(m[7]);
    if (Math.abs(off) > 18 * 60) return null;
    const time = Date.UTC(y, mo - 1, d, h, mi, s) - off * MINUTE;
    return { time, timeZone: zone || offsetZone(off), hadOffset: true };
  }
  return fromWall(y, mo, d, h, mi, s, zone, allDay);
}

/** An instant from wall-clock parts in `zone`, or a floating time when there is no zone. */
export function fromWall(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  zone: string | null | undefined,
  allDay?: boolean,
): ParsedTime {
  if (zone) return { time: wallToInstant(y, mo, d, h, mi, s, zone), timeZone: zone, allDay };
  return { time: Date.UTC(y, mo - 1, d, h, mi, s), timeZone: 'UTC', floating: true, allDay };
}

// ---------------------------------------------------------------------------------------------------------------
// What volunteers type

export interface LooseDate {
  y: number;
  mo: number;
  d: number;
}

export interface LooseTime {
  h: number;
  mi: number;
  s: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

const WEEKDAY_PREFIX = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const D_ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const D_NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const D_MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const D_DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})$/i;

/**
 * A calendar date as people type it: 2026-01-31, 1/31/2026, 01/31/26, Jan 31, 2026, January 31 2026,
 * Saturday, January 31, 2026, 31 January 2026. Numeric dates are month/day (US) unless the first number cannot
 * be a month (31/1/2026). Null when it is not a real date (31/31/2026, February 30).
 */
export function parseLooseDate(raw: string): LooseDate | null {
  const text = raw.trim().replace(WEEKDAY_PREFIX, '');
  let y: number;
  let mo: number;
  let d: number;
  let m: RegExpExecArray | null;
  if ((m = D_ISO.exec(text))) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
  } else if ((m = D_NUMERIC.exec(text))) {
    const a = +m[1];
    const b = +m[2];
    [mo, d] = a > 12 && b <= 12 ? [b, a] : [a, b];
    y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
  } else if ((m = D_MONTH_FIRST.exec(text))) {
    mo = MONTHS[m[1].toLowerCase()];
    d = +m[2];
    y = +m[3];
  } else if ((m = D_DAY_FIRST.exec(text))) {
    mo = MONTHS[m[2].toLowerCase()];
    d = +m[1];
    y = +m[3];
  } else {
    return null;
  }
  return mo && validDate(y, mo, d) ? { y, mo, d } : null;
}

const T_CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?$/i;

/** A time of day: 7:00 PM, 7pm, 7 p.m., 19:00, 19:00:00, noon, midnight. Null when not a time. */
export function parseLooseTime(raw: string): LooseTime | null {
  const text = raw.trim().toLowerCase();
  if (text === 'noon' || text === '12 noon' || text === 'midday') return { h: 12, mi: 0, s: 0 };
  if (text === 'midnight') return { h: 0, mi: 0, s: 0 };
  const m = T_CLOCK.exec(text);
  if (!m) return null;
  let h = +m[1];
  const mi = m[2] ? +m[2] : 0;
  const s = m[3] ? +m[3] : 0;
  if (mi > 59 || s > 59) return null;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4] === 'p' ? 12 : 0);
  } else if (m[2] === undefined) {
    return null; // a bare number ("7") is too ambiguous to be a time
  } else if (h > 23) {
    return null;
  }
  return { h, mi, s };
}

const TIME_TAIL =
  /(?:\s+at\s+|\s*@\s*|,\s*|\s+|T)(\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?\s*m?\.?)?|noon|midnight)$/i;

/** A date with an optional time in one cell: "1/31/2026 7:00 PM", "Jan 31, 2026 at 7pm", "2026-01-31 19:00". */
export function parseLooseDateTime(raw: string): { date: LooseDate; time?: LooseTime } | null {
  const text = raw.trim();
  const date = parseLooseDate(text);
  if (date) return { date };
  const m = TIME_TAIL.exec(text);
  if (!m) return null;
  const time = parseLooseTime(m[1]);
  const onlyDate = parseLooseDate(text.slice(0, m.index));
  return time && onlyDate ? { date: onlyDate, time } : null;
}

const BARE_CLOCK = /^\d{1,2}(?:[:.]\d{2})?$/;
const RANGE_SPLIT = /\s*(?:–|—|-|\bto\b|\buntil\b|\btil\b)\s*/i;

/**
 * A time cell that may hold a range ("7-9pm", "7:00 PM – 9:00 PM", "noon to 2pm"). A start without am/pm
 * borrows the end's when that keeps it before the end.
 */
export function parseTimeRange(raw: string): { start: LooseTime; end?: LooseTime } | null {
  const single = parseLooseTime(raw);
  if (single) return { start: single };
  const parts = raw.trim().split(RANGE_SPLIT);
  if (parts.length !== 2) return null;
  const end = parseLooseTime(parts[1]);
  let start = parseLooseTime(parts[0]);
  if (!start && end && BARE_CLOCK.test(parts[0])) {
    const meridiem = end.h >= 12 ? 'pm' : 'am';
    start = parseLooseTime(parts[0] + meridiem);
    if (start && start.h * 60 + start.mi > end.h * 60 + end.mi) start = parseLooseTime(parts[0] + 'am');
  }
  return start && end ? { start, end } : null;
}
