/**
 * Problems found in a feed, each pointing at its record the way an editor finds it: `events[12]` in a JSON feed,
 * `data[3] on page 2` in a Mobilize response, `row 14` in a spreadsheet, `VEVENT 5` in a calendar file; with the
 * record's id and title, the field, and the feed parser's own reason.
 */
import type { FeedData, SkippedRecord } from '../feed/types.js';
import type { FeedFormatIn, Loaded } from './read.js';

export type Severity = 'error' | 'warning' | 'note';

export interface Problem {
  /** error: the record is not shown; warning: shown without a field, or against the schema; note: for information. */
  severity: Severity;
  kind: SkippedRecord['kind'] | 'feed';
  /** The input it was found in (a path or URL). */
  input: string;
  /** Where in that input: "events[12]", "data[3] on page 2", "row 14", "VEVENT 5", "item 3". */
  where: string;
  index?: number;
  page?: number;
  id?: string;
  title?: string;
  /** The field the problem is about, when known ("start", "location.lat/lng", "url"). */
  field?: string;
  message: string;
}

type Raw = Record<string, unknown>;

const FIELD_WORDS: [RegExp, string][] = [
  [/^online link /, 'onlineUrl'],
  [/^host-an-event link /, 'hostEventUrl'],
  [/^link /, 'url'],
  [/^website /, 'url'],
  [/^logo /, 'logo'],
  [/^time zone /, 'timeZone'],
  [/^coordinates /, 'location.lat/lng'],
  [/^start_date /, 'timeslots.start_date'],
  [/^(start|end|startDate|endDate|localDate) /, '$1'],
];

/** The field a parser reason is about, and the reason written as "field: what is wrong". */
export function fieldOf(reason: string): { field?: string; message: string } {
  let m = /^"([^"]+)" should be (.*)$/.exec(reason);
  if (m) return { field: m[1], message: `${m[1]}: should be ${m[2]}` };
  m = /^it has no "([^"]+)"$/.exec(reason);
  if (m) return { field: m[1], message: `${m[1]}: missing (required)` };
  if (/^it has no title\b/.test(reason)) return { field: 'title', message: `title: missing or empty (required)` };
  if (/^it has no name\b/.test(reason)) return { field: 'name', message: `name: missing or empty (required)` };
  if (/^it has no start\b/.test(reason)) return { field: 'start', message: `start: missing (${reason.replace(/^it has no start\s*/, '').replace(/^\(|\)$/g, '') || 'required'})` };
  if (/^it has no timeslots/.test(reason)) return { field: 'timeslots', message: `timeslots: ${reason.replace(/^it has no timeslots, /, 'empty, ')}` };
  if (/^its id "/.test(reason)) return { field: 'id', message: `id: ${reason.replace(/^its id /, '')}` };
  if (/^its end is before its start/.test(reason)) return { field: 'end', message: `end: ${reason.replace(/^its end /, '')}` };
  for (const [re, field] of FIELD_WORDS) {
    const hit = re.exec(reason);
    if (hit) {
      const name = field.replace('$1', hit[1] ?? '');
      return { field: name, message: `${name}: ${reason.slice(hit[0].length)}` };
    }
  }
  return { message: reason };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim().replace(/\s+/g, ' ').slice(0, 80);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function recordOf(list: unknown, index: number): Raw | undefined {
  const r = Array.isArray(list) ? list[index] : undefined;
  return r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Raw) : undefined;
}

/** Where a record is in its input, with its id and title as written there. */
export function locate(
  l: Pick<Loaded, 'format' | 'raw' | 'icsSources' | 'pages'>,
  kind: SkippedRecord['kind'],
  index: number,
  page?: number,
): { where: string; id?: string; title?: string } {
  const format: FeedFormatIn = l.format;
  if (format === 'turnout' || format === 'ics') {
    const raw = l.raw as Raw | undefined;
    if (kind === 'campaign-day' && index < 0) return { where: 'campaign' };
    const list = kind === 'event' ? raw?.events : kind === 'partner' ? raw?.partners : (raw?.campaign as Raw | undefined)?.days;
    const base = kind === 'event' ? 'events' : kind === 'partner' ? 'partners' : 'campaign.days';
    const r = recordOf(list, index);
    if (format === 'ics' && kind === 'event') {
      const s = l.icsSources?.[index];
      return { where: s ? `VEVENT ${s.vevent}` : `event ${index + 1}`, id: s?.uid ?? text(r?.id), title: text(r?.title) ?? s?.summary };
    }
    return { where: `${base}[${index}]`, id: text(r?.id), title: text(kind === 'event' ? r?.title : r?.name) };
  }
  if (format === 'mobilize') {
    const p = page ?? 1;
    const r = recordOf((l.pages?.[p - 1] as Raw | undefined)?.data, index);
    const paged = (l.pages?.length ?? 1) > 1;
    return { where: `data[${index}]${paged ? ` on page ${p}` : ''}`, id: text(r?.id), title: text(r?.title) };
  }
  if (format === 'csv') return { where: `row ${index + 1}` };
  return { where: `item ${index + 1}` };
}

/** Skipped records and warnings of parsed data as problems. */
export function problemsOf(l: Loaded, data: FeedData = l.data): Problem[] {
  const out: Problem[] = [];
  const add = (severity: Severity, s: SkippedRecord) => {
    const at = locate(l, s.kind, s.index, s.page);
    const { field, message } = fieldOf(s.reason);
    const p: Problem = { severity, kind: s.kind, input: l.input.name, where: at.where, index: s.index, message };
    if (s.page !== undefined) p.page = s.page;
    if (at.id !== undefined) p.id = at.id;
    // The parser's label is the title, else the id: use it where the input itself gave nothing (CSV, JSON-LD).
    const title = at.title ?? (s.label !== undefined && s.label !== at.id ? s.label : undefined);
    if (title !== undefined) p.title = title;
    if (field) p.field = field;
    out.push(p);
  };
  for (const s of data.skipped) add('error', s);
  for (const w of data.warnings ?? []) add('warning', w);
  return out;
}

/** `events[12] (id "abc", "Rally at City Hall"): start: "31/01/2026 25:00" is not ...` */
export function problemLine(p: Problem, withInput = false): string {
  const who = [p.id !== undefined ? `id "${p.id}"` : undefined, p.title !== undefined ? `"${p.title}"` : undefined].filter(Boolean);
  const where = `${withInput ? `${p.input}: ` : ''}${p.where}${who.length ? ` (${who.join(', ')})` : ''}`;
  return `${where}: ${p.message}`;
}

export interface Counts {
  events: number;
  eventsSkipped: number;
  partners: number;
  partnersSkipped: number;
  days: number;
  daysSkipped: number;
  warnings: number;
  notes: number;
}

export function countsOf(data: FeedData | undefined, problems: Problem[]): Counts {
  const skipped = (kind: string) => problems.filter((p) => p.severity === 'error' && p.kind === kind).length;
  return {
    events: data?.events.length ?? 0,
    eventsSkipped: skipped('event'),
    partners: data?.partners.length ?? 0,
    partnersSkipped: skipped('partner'),
    days: data?.campaign?.days.length ?? 0,
    daysSkipped: skipped('campaign-day'),
    warnings: problems.filter((p) => p.severity === 'warning').length,
    notes: problems.filter((p) => p.severity === 'note').length,
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "381 events ok, 2 skipped; 25 partners ok; 1 campaign day; 3 warnings, 1 note" */
export function summaryLine(c: Counts): string {
  const parts = [`${plural(c.events, 'event')} ok, ${c.eventsSkipped} skipped`];
  if (c.partners || c.partnersSkipped) parts.push(`${plural(c.partners, 'partner')} ok${c.partnersSkipped ? `, ${c.partnersSkipped} skipped` : ''}`);
  if (c.days || c.daysSkipped) parts.push(`${plural(c.days, 'campaign day')}${c.daysSkipped ? `, ${c.daysSkipped} skipped` : ''}`);
  parts.push(`${plural(c.warnings, 'warning')}${c.notes ? `, ${plural(c.notes, 'note')}` : ''}`);
  return parts.join('; ');
}
