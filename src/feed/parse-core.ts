/**
 * From a feed's body to normalized data: detect the format, adapt it, validate record by record, normalize.
 * Pure (no DOM, no fetch): runs on the main thread, in a Worker and in Node. The CSV reader is passed in (parse.ts
 * does), so that the parse worker's bundle loads papaparse only for a CSV body.
 *
 * Whole-feed failures throw a FeedError ('empty', 'html', 'parse', 'format'); a bad record never throws: it is
 * listed in `FeedData.skipped` with a reason the feed's editor can act on.
 */
import { FeedError } from './errors.js';
import type { FeedData, FeedFormat, ParseOptions } from './types.js';
import type { adaptCsv } from './adapters/csv.js';

/** The CSV reader (adapters/csv.ts, with papaparse): parse.ts passes it; the parse worker loads it for CSV bodies. */
export type CsvReader = typeof adaptCsv;
import { adaptTurnout, turnoutPoints, type AddPoint } from './adapters/turnout.js';
import { adaptMobilize } from './adapters/mobilize.js';
import { adaptJsonLd, looksLikeJsonLd } from './adapters/jsonld.js';

const BOM = '\ufeff';
const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|script|div|p|!--|h1|table)\b/i;
const LINE_END = /\r?\n|$/;
const DELIMITER = /[,;\t]/;
const FORMATS: readonly FeedFormat[] = ['turnout', 'mobilize', 'jsonld', 'csv'];

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The format of already-parsed JSON, or null. */
function detectJson(value: unknown): FeedFormat | null {
  if (isObject(value)) {
    if ('turnout' in value) return 'turnout';
    if (Array.isArray(value.data) && ('count' in value || 'next' in value || 'previous' in value)) return 'mobilize';
  }
  if (looksLikeJsonLd(value)) return 'jsonld';
  if (isObject(value) && Array.isArray(value.events) && !('data' in value)) return 'turnout';
  return null;
}

/** Body text without a BOM and leading whitespace; throws 'empty' and 'html' early. */
function bodyText(input: string): string {
  const text = (input.startsWith(BOM) ? input.slice(1) : input).trimStart();
  if (!text.trim()) throw new FeedError('empty', 'The feed is empty.');
  if (text[0] === '<') {
    if (HTML_START.test(text)) {
      throw new FeedError('html', 'The feed address returned a web page (HTML), not a feed. Check the URL.');
    }
    throw new FeedError('format', 'The feed is XML or markup; Turnout reads JSON and CSV feeds.');
  }
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new FeedError('parse', `The feed is not valid JSON (${detail}).`);
  }
}

function looksLikeJson(text: string): boolean {
  return text[0] === '{' || text[0] === '[';
}

/**
 * Which format a body (string) or parsed JSON is in, or null when it is none Turnout knows (or is empty,
 * HTML or broken JSON). A string that is not JSON is taken as CSV when its first line has a delimiter.
 */
export function detectFormat(input: unknown): FeedFormat | null {
  if (typeof input !== 'string') return detectJson(input);
  let text: string;
  try {
    text = bodyText(input);
  } catch {
    return null;
  }
  if (looksLikeJson(text)) {
    try {
      return detectJson(JSON.parse(text));
    } catch {
      return null;
    }
  }
  const firstLine = text.slice(0, text.search(LINE_END));
  return DELIMITER.test(firstLine) ? 'csv' : null;
}

/** parseFeed (see parse.ts), with the CSV reader given: without it, a CSV body is refused as an unknown format. */
export function parseFeedWith(input: string | unknown, options: ParseOptions, adaptCsv?: CsvReader): FeedData {
  if (options.format && !FORMATS.includes(options.format)) {
    throw new FeedError('format', `Unknown feed format "${String(options.format)}".`);
  }
  let value: unknown = input;
  if (typeof input === 'string') {
    value = bodyJson(input, options);
    if (value === undefined) {
      if (!adaptCsv) throw new FeedError('format', 'CSV feeds cannot be read here.');
      return withUrl(adaptCsv(bodyText(input), options), options);
    }
  } else if (input === null || input === undefined) {
    throw new FeedError('empty', 'The feed is empty.');
  }
  const format = options.format ?? detectJson(value);
  switch (format) {
    case 'turnout':
      return withUrl(adaptTurnout(isObject(value) ? value : { events: value }, options), options);
    case 'mobilize':
      return withUrl(adaptMobilize(isObject(value) ? value : { data: value }, options), options);
    case 'jsonld':
      return withUrl(adaptJsonLd(value, options), options);
    case 'csv':
      throw new FeedError('format', 'The feed is JSON, not CSV.');
    default:
      throw new FeedError(
        'format',
        'The feed is JSON but not in a format Turnout knows (a Turnout feed, a Mobilize events page, or schema.org JSON-LD).',
      );
  }
}

/**
 * A body's JSON, as parseFeed reads it, or undefined when parseFeed reads the body as CSV. Throws the errors parseFeed
 * would throw first ('empty', 'html', 'format', 'parse'). parseFeed(bodyJson(text)) is parseFeed(text).
 */
export function bodyJson(input: string, options: ParseOptions = {}): unknown {
  const text = bodyText(input);
  if (options.format === 'csv' || (!options.format && !looksLikeJson(text))) return undefined;
  return parseJson(text);
}

/**
 * The points a map would draw of parsed JSON, before parseFeed normalizes it: native Turnout feeds only (see
 * turnoutPoints); undefined for other formats and when they cannot be told early.
 */
export function earlyPoints(value: unknown, options: ParseOptions, add: AddPoint): { approximate: number } | undefined {
  if (!isObject(value) || (options.format ?? detectJson(value)) !== 'turnout') return undefined;
  return turnoutPoints(value, options, add);
}

function withUrl(data: FeedData, options: ParseOptions): FeedData {
  if (options.baseUrl) data.url = options.baseUrl;
  return data;
}

/**
 * Joins the next Mobilize page onto the pages read so far. Events whose id is already there are skipped (a
 * Mobilize list can shift while it is being paged); the next page's skips are marked with their page number.
 */
export function mergePages(first: FeedData, next: FeedData): FeedData {
  const page = (first.pages ?? 1) + 1;
  const ids = new Set(first.events.map((e) => e.id));
  const events = first.events.slice();
  const skipped = first.skipped.slice();
  for (const s of next.skipped) skipped.push({ ...s, page: s.page ?? page });
  next.events.forEach((event) => {
    if (ids.has(event.id)) return; // already on an earlier page: the list moved while paging, not an error
    ids.add(event.id);
    events.push(event);
  });
  const merged: FeedData = {
    ...first,
    events,
    partners: first.partners.concat(next.partners),
    skipped,
    pages: page + (next.pages ?? 1) - 1,
    loadedAt: next.loadedAt,
  };
  const warnings = (first.warnings ?? []).concat((next.warnings ?? []).map((w) => ({ ...w, page: w.page ?? page })));
  if (warnings.length) merged.warnings = warnings;
  if (next.nextPage) merged.nextPage = next.nextPage;
  else delete merged.nextPage;
  if (next.truncated) merged.truncated = true;
  return merged;
}
