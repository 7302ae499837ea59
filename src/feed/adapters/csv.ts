/**
 * CSV with a header row (a published spreadsheet). Column names are forgiving: case, spaces and punctuation do
 * not matter and common synonyms are known ("Event name", "Start Time", "ZIP code", "RSVP link"...). A sheet with a
 * date column is a sheet of events; one with a name and a logo / website / category column and no date is a sheet
 * of partners. Dates and times are read the way volunteers type them (see dates.ts).
 *
 * Cells are read by papaparse (quoted fields, doubled quotes, line breaks in cells, CRLF, and the delimiter
 * guessed among comma, semicolon and tab); this adapter only maps columns and reads the values.
 */
import Papa from 'papaparse';
import { FeedError } from '../errors.js';
import {
  fromWall,
  normalizeZone,
  parseIsoTime,
  parseLooseDate,
  parseLooseDateTime,
  parseLooseTime,
  parseTimeRange,
  type LooseDate,
  type LooseTime,
  type ParsedTime,
  zoneOffset,
} from '../dates.js';
import type { FeedData, ParseOptions } from '../types.js';
import { addEvent, addPartner, idOf, Sink, statusOf, truthy } from './common.js';

// ---------------------------------------------------------------------------------------------------------------
// Cells

const DELIMITERS = [',', ';', '\t'];

interface Sheet {
  rows: string[][];
  /** The row where a quote opens and never closes: papaparse reads the rest of the text as one cell. */
  unclosedQuote?: number;
}

/**
 * Rows of cells. Blank lines stay in (as empty rows), so a row's number is its place in the sheet; they are left
 * out only while papaparse guesses the delimiter from the first rows, where they would spoil its count.
 */
function readCsv(text: string): Sheet {
  const { delimiter } = Papa.parse(text, { preview: 20, skipEmptyLines: true, delimitersToGuess: DELIMITERS }).meta;
  const { data, errors } = Papa.parse<string[]>(text, { delimiter });
  const unclosed = errors.find((e) => e.code === 'MissingQuotes');
  return unclosed?.row === undefined ? { rows: data } : { rows: data, unclosedQuote: unclosed.row };
}

/** Tells the editor why the rows after an unclosed quote are missing. */
function reportUnclosedQuote(sheet: Sheet, sink: Sink, kind: 'event' | 'partner'): void {
  if (sheet.unclosedQuote === undefined) return;
  sink.skip(
    kind,
    sheet.unclosedQuote,
    undefined,
    'a cell in this row opens a quote (") that is never closed, so the rows after it could not be read: ' +
      'quote the whole cell, and double any quote inside it ("")',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Columns

type EventField =
  | 'id' | 'title' | 'description' | 'date' | 'time' | 'start' | 'end' | 'endDate' | 'endTime' | 'zone'
  | 'venue' | 'address' | 'city' | 'region' | 'postalCode' | 'country' | 'lat' | 'lng' | 'url' | 'host'
  | 'type' | 'tags' | 'online' | 'onlineUrl' | 'private' | 'status' | 'cancelled' | 'accessibility'
  | 'featured' | 'allDay';

type PartnerField = 'id' | 'name' | 'url' | 'logo' | 'description' | 'categories';

const EVENT_COLUMNS: Record<string, EventField> = {};
const PARTNER_COLUMNS: Record<string, PartnerField> = {};

function names<F extends string>(table: Record<string, F>, field: F, list: string): void {
  for (const name of list.split(' ')) table[name] = field;
}

names(EVENT_COLUMNS, 'id', 'id eventid uid identifier');
names(EVENT_COLUMNS, 'title', 'title name eventname eventtitle event what');
names(EVENT_COLUMNS, 'description', 'description details summary about eventdescription info');
names(EVENT_COLUMNS, 'date', 'date eventdate day startdate');
names(EVENT_COLUMNS, 'time', 'time starttime eventtime times hours');
names(EVENT_COLUMNS, 'start', 'start starts startdatetime startat begins when datetime');
names(EVENT_COLUMNS, 'end', 'end ends enddatetime endat finish');
names(EVENT_COLUMNS, 'endDate', 'enddate');
names(EVENT_COLUMNS, 'endTime', 'endtime finishtime');
names(EVENT_COLUMNS, 'zone', 'timezone tz zone timezonename');
names(EVENT_COLUMNS, 'venue', 'venue location place venuename locationname where');
names(EVENT_COLUMNS, 'address', 'address street streetaddress address1 addressline1 addressline');
names(EVENT_COLUMNS, 'city', 'city town locality');
names(EVENT_COLUMNS, 'region', 'state region province stateprovince county');
names(EVENT_COLUMNS, 'postalCode', 'zip zipcode postalcode postcode postal');
names(EVENT_COLUMNS, 'country', 'country countrycode nation');
names(EVENT_COLUMNS, 'lat', 'lat latitude');
names(EVENT_COLUMNS, 'lng', 'lng lon long longitude');
names(EVENT_COLUMNS, 'url', 'url link rsvp rsvpurl rsvplink signup signupurl signuplink eventurl eventlink website');
names(EVENT_COLUMNS, 'host', 'host hostedby organizer organiser organization organisation sponsor group hostorganization hostorganisation');
names(EVENT_COLUMNS, 'type', 'type eventtype category kind');
names(EVENT_COLUMNS, 'tags', 'tags tag keywords topics labels');
names(EVENT_COLUMNS, 'online', 'online virtual isvirtual isonline');
names(EVENT_COLUMNS, 'onlineUrl', 'onlineurl onlinelink virtualurl virtuallink meetinglink meetingurl joinurl joinlink zoom zoomlink livestream');
names(EVENT_COLUMNS, 'private', 'private privateaddress addressprivate hideaddress');
names(EVENT_COLUMNS, 'status', 'status eventstatus');
names(EVENT_COLUMNS, 'cancelled', 'cancelled canceled iscancelled');
names(EVENT_COLUMNS, 'accessibility', 'accessibility accessibilitynotes access accessible');
names(EVENT_COLUMNS, 'featured', 'featured priority highpriority');
names(EVENT_COLUMNS, 'allDay', 'allday');

names(PARTNER_COLUMNS, 'id', 'id partnerid');
names(PARTNER_COLUMNS, 'name', 'name partner partnername organization organisation organizationname organisationname orgname groupname org group');
names(PARTNER_COLUMNS, 'url', 'url website site link homepage web');
names(PARTNER_COLUMNS, 'logo', 'logo logourl image imageurl');
names(PARTNER_COLUMNS, 'description', 'description about mission summary');
names(PARTNER_COLUMNS, 'categories', 'categories category type kind tags sector');

const HEADER_NOISE = /[^\p{L}\p{N}]+/gu;

function columnIndex<F extends string>(header: string[], table: Record<string, F>): Partial<Record<F, number>> {
  const index: Partial<Record<F, number>> = {};
  header.forEach((name, i) => {
    const field = table[name.toLowerCase().replace(HEADER_NOISE, '')];
    if (field !== undefined && index[field] === undefined) index[field] = i;
  });
  return index;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

export function adaptCsv(text: string, options: ParseOptions = {}): FeedData {
  if (text.includes('\u0000')) throw new FeedError('parse', 'The feed is binary data, not a CSV table.');
  const sheet = readCsv(text);
  const header = sheet.rows[0] ?? [];
  const events = columnIndex(header, EVENT_COLUMNS);
  const partners = columnIndex(header, PARTNER_COLUMNS);
  const hasDate = events.date !== undefined || events.start !== undefined;
  if (hasDate && events.title !== undefined) return readEvents(sheet, events, options);
  if (!hasDate && partners.name !== undefined) {
    if (partners.logo !== undefined || partners.url !== undefined || partners.categories !== undefined) {
      return readPartners(sheet, partners, options);
    }
  }
  if (header.length < 2) {
    throw new FeedError('parse', 'The feed is neither JSON nor a CSV table with a header row.');
  }
  throw new FeedError(
    'format',
    'This CSV has no columns Turnout recognizes: events need a "title" and a "date" (or "start") column; ' +
      'partners need a "name" and a "website", "logo" or "category" column.',
  );
}

type Cells = (field: string) => string | undefined;

function cellsOf<F extends string>(row: string[], index: Partial<Record<F, number>>) {
  return (field: F): string | undefined => {
    const i = index[field];
    const value = i === undefined ? undefined : row[i]?.trim();
    return value || undefined;
  };
}

function isBlank(row: string[]): boolean {
  return row.every((cell) => !cell.trim());
}

function readPartners(sheet: Sheet, index: Partial<Record<PartnerField, number>>, options: ParseOptions): FeedData {
  const { rows } = sheet;
  const sink = new Sink();
  for (let r = 1; r < rows.length; r++) {
    if (isBlank(rows[r])) continue;
    const cell = cellsOf(rows[r], index);
    addPartner(
      sink,
      {
        id: idOf(cell('id')),
        name: cell('name'),
        url: cell('url'),
        logo: cell('logo'),
        description: cell('description'),
        categories: cell('categories'),
      },
      r,
      options.baseUrl,
    );
  }
  reportUnclosedQuote(sheet, sink, 'partner');
  return sink.result('csv');
}

function readEvents(sheet: Sheet, index: Partial<Record<EventField, number>>, options: ParseOptions): FeedData {
  const { rows } = sheet;
  const sink = new Sink();
  const defaultZone = normalizeZone(options.timeZone);
  for (let r = 1; r < rows.length; r++) {
    if (isBlank(rows[r])) continue;
    const cell = cellsOf(rows[r], index) as Cells;
    const title = cell('title');
    let zone = defaultZone;
    const zoneCell = cell('zone');
    if (zoneCell) {
      zone = normalizeZone(zoneCell);
      if (!zone) {
        sink.warn('event', r, title, `time zone "${zoneCell}" is unknown, so ${defaultZone ?? 'the time as typed'} is used`);
        zone = defaultZone;
      }
    }
    const when = readWhen(cell, zone);
    const cancelled = cell('cancelled');
    addEvent(
      sink,
      {
        id: idOf(cell('id')),
        title,
        description: cell('description'),
        start: when.start,
        end: when.end,
        allDay: truthy(cell('allDay')) || undefined,
        place: {
          venue: cell('venue'),
          address: cell('address'),
          locality: cell('city'),
          region: cell('region'),
          postalCode: cell('postalCode'),
          country: cell('country'),
          lat: cell('lat'),
          lng: cell('lng'),
          private: truthy(cell('private')),
        },
        online: cell('online') === undefined ? undefined : truthy(cell('online')),
        onlineUrl: cell('onlineUrl'),
        type: cell('type'),
        tags: cell('tags'),
        url: cell('url'),
        host: cell('host'),
        status: cancelled && truthy(cancelled) ? 'cancelled' : (statusOf(cell('status')) ?? statusOf(cancelled)),
        accessibility: cell('accessibility'),
        featured: truthy(cell('featured')),
      },
      r,
      options.baseUrl,
      'row',
    );
  }
  reportUnclosedQuote(sheet, sink, 'event');
  return sink.result('csv');
}

const DAY = 86_400_000;

function at(date: LooseDate, time: LooseTime | undefined, zone: string | null): ParsedTime {
  return fromWall(date.y, date.mo, date.d, time?.h ?? 0, time?.mi ?? 0, time?.s ?? 0, zone, !time || undefined);
}

/**
 * Start and end from the date/time columns: one "start" cell with date and time, or a date column and a time
 * column (which may hold a range like "7-9pm"), plus optional end date / end time / end columns.
 */
function readWhen(cell: Cells, zone: string | null): { start: ParsedTime | string; end?: ParsedTime | string } {
  const dateCell = cell('date') ?? cell('start');
  const timeCell = cell('time') ?? (cell('date') ? cell('start') : undefined);
  if (!dateCell) return { start: 'it has no start date' };
  const iso = parseIsoTime(dateCell, zone);
  let time: LooseTime | undefined;
  let rangeEnd: LooseTime | undefined;
  if (iso && (iso.hadOffset || !timeCell)) return { start: iso, end: readEnd(cell, zone, iso, undefined) };
  const combined = parseLooseDateTime(dateCell);
  if (!combined) return { start: `start date "${dateCell}" is not a date` };
  const date = combined.date;
  time = combined.time;
  if (timeCell && !time) {
    const range = parseTimeRange(timeCell);
    if (!range) return { start: `start time "${timeCell}" is not a time` };
    time = range.start;
    rangeEnd = range.end;
  }
  const start = at(date, time, zone);
  return { start, end: readEnd(cell, zone, start, rangeEnd, date) };
}

function readEnd(
  cell: Cells,
  zone: string | null,
  start: ParsedTime,
  rangeEnd: LooseTime | undefined,
  startDate?: LooseDate,
): ParsedTime | string | undefined {
  const endCell = cell('end');
  const endDateCell = cell('endDate');
  const endTimeCell = cell('endTime');
  if (!endCell && !endDateCell && !endTimeCell && !rangeEnd) return undefined;
  const iso = endCell ? parseIsoTime(endCell, zone) : null;
  if (iso && !iso.allDay) return iso;
  let date = startDate ?? wallDate(start);
  let time: LooseTime | null | undefined = rangeEnd;
  if (endDateCell) {
    const parsed = parseLooseDate(endDateCell);
    if (!parsed) return `end date "${endDateCell}" is not a date, so only the start is shown`;
    date = parsed;
  }
  if (endTimeCell) {
    time = parseLooseTime(endTimeCell);
    if (!time) return `end time "${endTimeCell}" is not a time, so only the start is shown`;
  }
  if (endCell) {
    const asTime = parseLooseTime(endCell);
    const asDateTime = asTime ? null : parseLooseDateTime(endCell);
    if (asTime) {
      time = asTime;
    } else if (asDateTime) {
      date = asDateTime.date;
      time = asDateTime.time ?? time;
    } else {
      return `end "${endCell}" is not a date or a time, so only the start is shown`;
    }
  }
  if (!time) return at({ ...date, d: date.d + 1 }, undefined, zone); // an end date alone: through that whole day
  const end = at(date, time, zone);
  // "10pm - 1am": an end time earlier than the start, with no end date, is on the next day.
  if (!endDateCell && end.time < start.time && end.time + DAY > start.time) {
    return at({ ...date, d: date.d + 1 }, time, zone);
  }
  return end;
}

/** The calendar date of a start on its own wall clock. */
function wallDate(start: ParsedTime): LooseDate {
  const wall = new Date(start.floating ? start.time : start.time + zoneOffset(start.timeZone, start.time));
  return { y: wall.getUTCFullYear(), mo: wall.getUTCMonth() + 1, d: wall.getUTCDate() };
}
