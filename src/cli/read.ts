/**
 * An input's text into feed data, through the feed layer's own parser (the same code the widgets run), plus what
 * messages need to point at records: the parsed JSON, the Mobilize pages, the calendar's VEVENT numbers.
 */
import { isFeedError } from '../feed/errors.js';
import { detectFormat, parseFeed } from '../feed/parse.js';
import type { FeedData, FeedFormat, ParseOptions } from '../feed/types.js';
import { CliError, EXIT } from './errors.js';
import { icsToNative, looksLikeIcs, type IcsNote, type IcsSource } from './ics.js';
import type { Input } from './io.js';

export type FeedFormatIn = FeedFormat | 'ics';

export const FORMAT_NAMES: Record<FeedFormatIn, string> = {
  turnout: 'Turnout feed',
  mobilize: 'Mobilize API events page',
  jsonld: 'schema.org JSON-LD',
  csv: 'CSV spreadsheet',
  ics: 'iCalendar file',
};

const FORMAT_WORDS: Record<string, FeedFormatIn> = {
  turnout: 'turnout',
  native: 'turnout',
  json: 'turnout',
  mobilize: 'mobilize',
  jsonld: 'jsonld',
  'json-ld': 'jsonld',
  schema: 'jsonld',
  csv: 'csv',
  ics: 'ics',
  ical: 'ics',
  icalendar: 'ics',
};

export const FORMAT_HINT = 'Use --from mobilize, csv, ics, jsonld or turnout to say which format it is.';

export function formatOption(raw: string | undefined): FeedFormatIn | undefined {
  if (raw === undefined) return undefined;
  const format = FORMAT_WORDS[raw.toLowerCase()];
  if (!format) throw new CliError(EXIT.usage, `Unknown format "${raw}" for --from.`, FORMAT_HINT);
  return format;
}

export interface ReadOptions extends ParseOptions {
  from?: FeedFormatIn;
  maxOccurrences?: number;
  since?: number;
}

export interface Loaded {
  input: Input;
  format: FeedFormatIn;
  data: FeedData;
  /** The parsed JSON (native, Mobilize, JSON-LD) or the native feed made from a calendar. */
  raw?: unknown;
  /** Mobilize: the raw pages in order (merged inputs). */
  pages?: unknown[];
  icsSources?: IcsSource[];
  icsNotes?: IcsNote[];
}

/** Which format the text is in, or null (the parser then says why: empty, a web page, not a known format). */
export function detectInput(text: string): FeedFormatIn | null {
  if (looksLikeIcs(text)) return 'ics';
  return detectFormat(text);
}

export function readFeed(input: Input, options: ReadOptions = {}): Loaded {
  const { from, maxOccurrences, since, ...parse } = options;
  const format = from ?? detectInput(input.text);
  try {
    if (format === 'ics') {
      const ics = icsToNative(input.text, { timeZone: parse.timeZone, maxOccurrences, since });
      const data = parseFeed(ics.feed, { ...parse, format: 'turnout' });
      if (ics.feed.title === undefined) delete data.title;
      return { input, format, data, raw: ics.feed, icsSources: ics.sources, icsNotes: ics.notes };
    }
    if (format === null) {
      // Let the parser name the problem (empty, HTML, broken JSON); if it somehow reads it, fine.
      parseFeed(input.text, parse);
      throw new CliError(EXIT.unusable, `${input.name}: not a feed format turnout-feed knows.`, FORMAT_HINT);
    }
    if (format === 'csv') return { input, format, data: parseFeed(input.text, { ...parse, format }) };
    let raw: unknown;
    try {
      raw = JSON.parse(input.text.replace(/^\ufeff/, ''));
    } catch {
      // The parser words the JSON error (and catches empty bodies and HTML first).
      return { input, format, data: parseFeed(input.text, { ...parse, format }) };
    }
    const data = parseFeed(raw, { ...parse, format });
    return { input, format, data, raw, pages: format === 'mobilize' ? [raw] : undefined };
  } catch (e) {
    throw asCliError(e, input.name, format);
  }
}

/** Parser and calendar failures as one line naming the input, with a hint where one helps. */
export function asCliError(e: unknown, name: string, format?: FeedFormatIn | null): CliError {
  if (e instanceof CliError) {
    if (!e.message.startsWith(name)) e.message = `${name}: ${e.message}`;
    return e;
  }
  if (isFeedError(e)) {
    const hints: Record<string, string | undefined> = {
      html: 'A saved web page is not a feed: export the events (CSV, JSON or .ics) instead.',
      format: format ? undefined : FORMAT_HINT,
      empty: undefined,
      parse: !format ? FORMAT_HINT : format === 'csv' ? undefined : 'Check the file in a JSON validator, or use --from if it is another format.',
    };
    const message = e.code === 'html' ? 'this is a web page (HTML), not a feed.' : e.message.replace(/^The feed/, 'the feed');
    return new CliError(EXIT.unusable, `${name}: ${message}`, hints[e.code]);
  }
  return new CliError(EXIT.internal, `${name}: ${e instanceof Error ? e.message : String(e)}`);
}
