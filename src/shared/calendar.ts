/**
 * "Add to calendar": an iCalendar file (RFC 5545) built in the browser, and a Google Calendar template link.
 * Nothing here fetches; the visitor's click on the Google link is the only thing that leaves the page.
 */
import type { TurnoutEvent } from '../feed/types.js';
import { eventEnd, formatPlace } from './event-info.js';

export interface CalendarOptions {
  /** The link to put in the entry (e.g. the RSVP link with its source); the event's own `url` by default. */
  url?: string;
  /** DTSTAMP: when the file was made (epoch ms); now by default. */
  stamp?: number;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line so no line exceeds 75 octets (RFC 5545 3.1), never splitting a character. */
export function foldIcsLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += ch;
    octets += n;
  }
  return out;
}

/** An instant as a UTC date-time: 20260201T010000Z. */
export function icsUtc(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The stored wall-clock time of a floating event, without a zone: 20260131T190000. */
function icsFloating(time: number): string {
  return icsUtc(time).slice(0, -1);
}

function icsDate(time: number): string {
  return icsUtc(time).slice(0, 8);
}

/** Start and end as iCalendar values (with the parameter prefix for dates), per the event's kind of time. */
function icsTimes(event: TurnoutEvent): { start: string; end: string } {
  if (event.allDay) {
    const end = event.end && event.end > event.start ? event.end : event.start + 86_400_000;
    return { start: `;VALUE=DATE:${icsDate(event.start)}`, end: `;VALUE=DATE:${icsDate(end)}` };
  }
  const fmt = event.floating ? icsFloating : icsUtc;
  return { start: `:${fmt(event.start)}`, end: `:${fmt(eventEnd(event))}` };
}

/** Where the event is, as one line for a calendar: the full address, or the online link. */
export function calendarLocation(event: TurnoutEvent): string {
  return formatPlace(event.location, { full: true, country: true }) || event.onlineUrl || '';
}

function descriptionOf(event: TurnoutEvent, url: string | undefined): string {
  return [event.description, event.host, url].filter(Boolean).join('\n\n');
}

/** The text of an .ics file holding one event. Lines end with CRLF. */
export function eventToIcs(event: TurnoutEvent, options: CalendarOptions = {}): string {
  const url = options.url ?? event.url;
  const { start, end } = icsTimes(event);
  const location = calendarLocation(event);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Turnout//turnout-widgets//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.id)}@turnout-widgets`,
    `DTSTAMP:${icsUtc(options.stamp ?? Date.now())}`,
    `DTSTART${start}`,
    `DTEND${end}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
  ];
  const description = descriptionOf(event, url);
  if (description) lines.push(`DESCRIPTION:${escapeIcsText(description)}`);
  if (location) lines.push(`LOCATION:${escapeIcsText(location)}`);
  if (url) lines.push(`URL:${url}`);
  if (event.status === 'cancelled') lines.push('STATUS:CANCELLED');
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/** A safe file name from a title: "Rally at City Hall!" -> "rally-at-city-hall.ics". */
export function icsFilename(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'event'}.ics`;
}

/** A Google Calendar "create event" link prefilled with the event. */
export function googleCalendarUrl(event: TurnoutEvent, options: CalendarOptions = {}): string {
  const { start, end } = icsTimes(event);
  const value = (s: string) => s.slice(s.indexOf(':') + 1);
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates: `${value(start)}/${value(end)}` });
  const details = descriptionOf(event, options.url ?? event.url);
  if (details) params.set('details', details.length > 1500 ? `${details.slice(0, 1499)}…` : details);
  const location = calendarLocation(event);
  if (location) params.set('location', location);
  // Google shows the times in this zone; fixed offsets ("-05:00") are not zone names it understands.
  if (!event.floating && !event.allDay && /^[A-Za-z_]+\//.test(event.timeZone)) params.set('ctz', event.timeZone);
  return `https://calendar.google.com/calendar/render?${params}`;
}
