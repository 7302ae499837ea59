/// <reference types="node" />
/**
 * `turnout-feed`: check a feed the way Turnout's widgets read it, and turn other formats into a native feed ready
 * for any static host. Entry point for bin/turnout-feed.mjs; `run` returns the exit code instead of exiting, so
 * tests can call it too.
 */
import { readFileSync } from 'node:fs';
import { flag, intOption, option, parseArgs, type OptionSpec } from './args.js';
import { convert, convertText } from './convert.js';
import { CliError, EXIT } from './errors.js';
import { normalizeZone } from '../feed/dates.js';
import { formatOption } from './read.js';
import { validate, validateText } from './validate.js';

export const HELP = `turnout-feed: check and convert event feeds for Turnout widgets

Usage:
  turnout-feed validate <file|url> [options]
  turnout-feed convert <input...> [--out dir|file.json] [options]
  turnout-feed convert --org <id> [--out dir|file.json] [options]

validate   Reads the feed as the widgets do and lists every record they would skip or show
           without a field: the record (events[12], row 14, data[3] on page 2, VEVENT 5), its id
           and title, the field and what is wrong. Native feeds are also checked against the
           JSON Schema; for a URL, the response headers are checked (CORS, caching).
convert    Turns a Mobilize API response (one or more saved pages), a CSV spreadsheet, an
           iCalendar file (.ics), schema.org JSON-LD or a native feed into one native Turnout
           feed (turnout: "1.0"). Several inputs are joined. Private addresses never get an
           exact point: they are moved to their locality's centre, or left without a point.

Options:
  --from <format>        mobilize, csv, ics, jsonld or turnout (default: detected from the content)
  --time-zone <zone>     zone for times written without one, e.g. America/Chicago
  --base-url <url>       the address the input is published at (resolves relative links)
  --json                 machine-readable report on standard output
  --strict               exit 1 when any record is skipped or has a warning
  --max-problems <n>     problems listed in the text report (default: validate 100, convert 50)
 convert only:
  --out <dir|file.json>  a folder gets feed.json, _headers (Netlify, Cloudflare Pages) and
                         README-feed.md; a .json path gets one file. Without --out the feed is
                         printed on standard output and the report on standard error.
  --min                  also write feed.min.json (with a .json --out: write it minified)
  --org <id>             fetch a Mobilize organization's events (follows "next" pages)
  --max-pages <n>        most Mobilize pages fetched with --org (default 50)
  --mobilize-api <url>   Mobilize API root (default https://api.mobilize.us/v1)
  --campaign <file>      campaign name and key dates from a JSON file (a campaign object or a
                         Turnout feed that has one)
  --title <text>         the feed's title
  --max-occurrences <n>  occurrences kept per recurring calendar event (default 50)
  --since <date>         leave out calendar occurrences that end before this date (YYYY-MM-DD)
  -h, --help             this help;  -V, --version   the version

Exit codes:
  0  done (validate: the feed is usable)
  1  the input is not a usable feed (nothing readable, an unknown format, an empty file or a
     web page), or --strict found skipped records or warnings
  2  the command line is wrong
  3  an input could not be read or an output written (file not found, network, HTTP error)
  4  the converted feed did not read back the same (a bug: please report it)

Examples:
  npx turnout-feed validate feed.json
  npx turnout-feed validate https://coalition.example/feed.json --strict
  npx turnout-feed convert events.csv --time-zone America/New_York --out site/
  npx turnout-feed convert page1.json page2.json --campaign campaign.json --out site/ --min
  npx turnout-feed convert calendar.ics --out feed.json
`;

const SPECS: Record<string, OptionSpec> = {
  help: {},
  version: {},
  from: { value: true },
  'time-zone': { value: true },
  'base-url': { value: true },
  json: {},
  strict: {},
  'max-problems': { value: true },
  out: { value: true },
  min: {},
  org: { value: true },
  'max-pages': { value: true },
  'mobilize-api': { value: true },
  campaign: { value: true },
  title: { value: true },
  'max-occurrences': { value: true },
  since: { value: true },
};

const CONVERT_ONLY = ['out', 'min', 'org', 'max-pages', 'mobilize-api', 'campaign', 'title', 'max-occurrences', 'since'];

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function sinceOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const time = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (Number.isNaN(time)) throw new CliError(EXIT.usage, `--since should be a date like 2026-01-31, not "${raw}".`);
  return time;
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let json = false;
  try {
    const args = parseArgs(argv, SPECS);
    json = flag(args, 'json');
    if (flag(args, 'version')) {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    if (flag(args, 'help') || args.command === undefined || args.command === 'help') {
      (args.command === undefined && !flag(args, 'help') ? io.stderr : io.stdout)(HELP);
      return args.command === undefined && !flag(args, 'help') ? EXIT.usage : EXIT.ok;
    }
    const common = {
      from: formatOption(option(args, 'from')),
      timeZone: option(args, 'time-zone'),
      baseUrl: option(args, 'base-url'),
      strict: flag(args, 'strict'),
    };
    if (common.baseUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(common.baseUrl)) {
      throw new CliError(EXIT.usage, `--base-url should be an http(s) address, not "${common.baseUrl}".`);
    }
    if (common.timeZone !== undefined && !normalizeZone(common.timeZone)) {
      throw new CliError(EXIT.usage, `--time-zone "${common.timeZone}" is not a time zone I know.`, 'Use an IANA name such as America/New_York or Europe/London.');
    }
    const api = option(args, 'mobilize-api');
    if (api !== undefined && !/^https?:\/\/[^\s]+$/i.test(api)) {
      throw new CliError(EXIT.usage, `--mobilize-api should be an http(s) address, not "${api}".`);
    }
    if (args.command === 'validate') {
      const misplaced = CONVERT_ONLY.find((name) => args.options.has(name));
      if (misplaced) throw new CliError(EXIT.usage, `--${misplaced} is an option of convert, not validate.`);
      if (args.positionals.length !== 1) {
        throw new CliError(EXIT.usage, 'validate needs exactly one file or URL.', 'Example: turnout-feed validate feed.json');
      }
      const maxShown = intOption(args, 'max-problems', 100, 0, 1_000_000);
      const report = await validate(args.positionals[0], { ...common, json, maxShown });
      if (json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else io.stdout(validateText(report, { maxShown }));
      return report.exitCode;
    }
    if (args.command === 'convert') {
      const out = option(args, 'out');
      if (json && !out) throw new CliError(EXIT.usage, '--json needs --out (without it the feed itself goes to standard output).');
      const report = await convert(args.positionals, {
        ...common,
        out,
        min: flag(args, 'min'),
        org: option(args, 'org'),
        mobilizeApi: option(args, 'mobilize-api'),
        maxPages: intOption(args, 'max-pages', 50, 1, 10_000),
        campaign: option(args, 'campaign'),
        title: option(args, 'title'),
        maxOccurrences: intOption(args, 'max-occurrences', 50, 1, 100_000),
        since: sinceOption(option(args, 'since')),
      });
      const maxShown = intOption(args, 'max-problems', 50, 0, 1_000_000);
      if (json) {
        const { output: _feed, ...rest } = report;
        io.stdout(`${JSON.stringify(rest, null, 2)}\n`);
      } else if (report.output !== undefined) {
        io.stdout(report.output);
        io.stderr(convertText(report, maxShown));
      } else {
        io.stdout(convertText(report, maxShown));
      }
      return report.exitCode;
    }
    throw new CliError(EXIT.usage, `Unknown command "${args.command}".`, 'The commands are validate and convert; run turnout-feed --help.');
  } catch (e) {
    const error =
      e instanceof CliError ? e : new CliError(EXIT.internal, `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (json) io.stdout(`${JSON.stringify({ error: error.message, hint: error.hint, exitCode: error.exitCode }, null, 2)}\n`);
    else io.stderr(`turnout-feed: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return error.exitCode;
  }
}
