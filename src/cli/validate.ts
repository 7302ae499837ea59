/// <reference types="node" />
/**
 * `turnout-feed validate <file|url>`: reads a feed the way the widgets do and lists every record they would skip
 * or show without a field, pointing at the record and the field; for a native feed, also what the JSON Schema
 * says; for a URL, whether the response headers let widgets on other sites read it and cache it well.
 */
import { readFile } from 'node:fs/promises';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { readInput, type Input } from './io.js';
import { FORMAT_NAMES, readFeed, type FeedFormatIn, type Loaded } from './read.js';
import { countsOf, locate, problemLine, problemsOf, summaryLine, type Counts, type Problem } from './report.js';
import { checkSchema } from './schema-check.js';

export interface ValidateOptions {
  from?: FeedFormatIn;
  timeZone?: string;
  baseUrl?: string;
  strict?: boolean;
  json?: boolean;
  maxShown?: number;
}

export interface ValidateReport {
  input: string;
  format?: FeedFormatIn;
  version?: string;
  usable: boolean;
  exitCode: ExitCode;
  error?: string;
  counts?: Counts;
  problems: Problem[];
}

/** Relative links in a local file are checked against a stand-in address (they resolve against the feed's URL). */
const STAND_IN_BASE = 'https://feed.invalid/feed.json';

let schemaCache: Record<string, unknown> | undefined;

async function loadSchema(): Promise<Record<string, unknown>> {
  schemaCache ??= JSON.parse(
    await readFile(new URL('../../schema/turnout-feed.schema.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  return schemaCache;
}

function pathWhere(l: Loaded, path: (string | number)[]): Pick<Problem, 'kind' | 'where' | 'index' | 'id' | 'title' | 'field'> {
  const [a, b, c] = path;
  let kind: Problem['kind'] = 'feed';
  let index: number | undefined;
  let rest = path;
  if ((a === 'events' || a === 'partners') && typeof b === 'number') {
    kind = a === 'events' ? 'event' : 'partner';
    index = b;
    rest = path.slice(2);
  } else if (a === 'campaign' && b === 'days' && typeof c === 'number') {
    kind = 'campaign-day';
    index = c;
    rest = path.slice(3);
  }
  const field = rest.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  if (index === undefined) return { kind, where: 'feed', field: field || undefined };
  const at = locate(l, kind as 'event' | 'partner' | 'campaign-day', index);
  const out: ReturnType<typeof pathWhere> = { kind, where: at.where, index };
  if (at.id !== undefined) out.id = at.id;
  if (at.title !== undefined) out.title = at.title;
  if (field) out.field = field;
  return out;
}

/** JSON Schema findings for records the parser kept (a skipped record already has its reason). */
async function schemaProblems(l: Loaded, parserProblems: Problem[]): Promise<Problem[]> {
  const skipped = new Set(parserProblems.filter((p) => p.severity === 'error').map((p) => `${p.kind}:${p.index}`));
  const out: Problem[] = [];
  for (const issue of checkSchema(await loadSchema(), l.raw)) {
    const at = pathWhere(l, issue.path);
    if (at.index !== undefined && skipped.has(`${at.kind}:${at.index}`)) continue;
    const message = `${at.field ? `${at.field}: ` : ''}${issue.message}${issue.unknown ? '' : ' (JSON Schema)'}`;
    const p: Problem = { severity: issue.unknown ? 'note' : 'warning', input: l.input.name, ...at, message };
    if (p.field === undefined) delete p.field;
    out.push(p);
  }
  return out;
}

function feedProblem(input: Input, severity: Problem['severity'], message: string): Problem {
  return { severity, kind: 'feed', input: input.name, where: 'feed', message };
}

/** What the response headers mean for widgets on other sites. */
function headerProblems(input: Input): Problem[] {
  const h = input.headers;
  if (!h) return [];
  const out: Problem[] = [];
  const origin = h['access-control-allow-origin'];
  if (!origin) {
    out.push(feedProblem(input, 'warning', 'header Access-Control-Allow-Origin is missing: widgets on other sites cannot read this feed (send "*")'));
  } else if (origin !== '*') {
    out.push(feedProblem(input, 'note', `header Access-Control-Allow-Origin is "${origin}": only that site's widgets can read this feed`));
  }
  const cache = (h['cache-control'] ?? '').toLowerCase();
  if (!cache) out.push(feedProblem(input, 'note', 'header Cache-Control is missing: suggest "public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400"'));
  else if (/no-store/.test(cache)) out.push(feedProblem(input, 'warning', 'header Cache-Control has no-store: every page view downloads the whole feed again'));
  if (!h['etag'] && !h['last-modified']) out.push(feedProblem(input, 'note', 'no ETag or Last-Modified header: browsers cannot revalidate cheaply (304)'));
  const type = (h['content-type'] ?? '').toLowerCase();
  if (type.startsWith('text/html')) out.push(feedProblem(input, 'warning', `header Content-Type is "${type}": serve JSON feeds as application/json`));
  return out;
}

export async function validate(spec: string, options: ValidateOptions = {}): Promise<ValidateReport> {
  let input: Input;
  try {
    input = await readInput(spec);
  } catch (e) {
    if (e instanceof CliError) return { input: spec, usable: false, exitCode: e.exitCode, error: e.message, problems: [] };
    throw e;
  }
  let loaded: Loaded;
  try {
    loaded = readFeed(input, { from: options.from, timeZone: options.timeZone, baseUrl: options.baseUrl ?? input.url ?? STAND_IN_BASE });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    const report: ValidateReport = { input: input.name, usable: false, exitCode: e.exitCode, error: e.message, problems: headerProblems(input) };
    if (e.hint) report.error += ` ${e.hint}`;
    return report;
  }
  const problems = problemsOf(loaded);
  for (const n of loaded.icsNotes ?? []) {
    problems.push({ severity: 'note', kind: 'event', input: input.name, where: `VEVENT ${n.source.vevent}`, id: n.source.uid, title: n.source.summary, message: n.reason });
  }
  if (loaded.format === 'turnout' && loaded.raw && typeof loaded.raw === 'object') {
    problems.push(...(await schemaProblems(loaded, problems)));
  }
  if (loaded.format === 'ics') {
    problems.push(feedProblem(input, 'note', 'widgets do not read iCalendar files: publish it with "turnout-feed convert" first'));
  }
  if (loaded.data.nextPage) {
    problems.push(feedProblem(input, 'note', 'this Mobilize page has a next page: widgets follow up to 20 pages; for large campaigns publish "turnout-feed convert --org" output instead'));
  }
  problems.push(...headerProblems(input));
  const counts = countsOf(loaded.data, problems);
  const nothing = counts.events + counts.partners + counts.days === 0;
  const report: ValidateReport = {
    input: input.name,
    format: loaded.format,
    usable: !nothing,
    exitCode: EXIT.ok,
    counts,
    problems,
  };
  if (loaded.data.version) report.version = loaded.data.version;
  if (nothing) {
    report.error = `${input.name}: nothing a widget could show (no events, partners or campaign days were usable).`;
    report.exitCode = EXIT.unusable;
  } else if (options.strict && (counts.eventsSkipped + counts.partnersSkipped + counts.daysSkipped + counts.warnings > 0)) {
    report.exitCode = EXIT.unusable;
  }
  return report;
}

const MARK: Record<Problem['severity'], string> = { error: 'error  ', warning: 'warning', note: 'note   ' };

export function validateText(report: ValidateReport, options: ValidateOptions = {}): string {
  const lines: string[] = [];
  const kind = report.format ? `${FORMAT_NAMES[report.format]}${report.version ? ` ${report.version}` : ''}` : 'not readable as a feed';
  lines.push(`${report.input}: ${kind}`);
  const max = options.maxShown ?? 100;
  const order = { error: 0, warning: 1, note: 2 };
  const sorted = report.problems.slice().sort((a, b) => order[a.severity] - order[b.severity]);
  for (const p of sorted.slice(0, max)) lines.push(`  ${MARK[p.severity]} ${problemLine(p)}`);
  if (sorted.length > max) lines.push(`  … and ${sorted.length - max} more (--max-problems, or --json for all)`);
  if (report.counts) lines.push(summaryLine(report.counts));
  if (report.error) lines.push(`Not usable: ${report.error}`);
  else if (report.exitCode !== EXIT.ok) lines.push('Failed (--strict): fix the skipped records and warnings above.');
  else {
    const skipped = report.counts ? report.counts.eventsSkipped + report.counts.partnersSkipped + report.counts.daysSkipped : 0;
    if (report.format === 'ics') lines.push('Readable: publish it for the widgets with "turnout-feed convert".');
    else lines.push(skipped ? `Usable: widgets show the rest and list the ${skipped} skipped record${skipped === 1 ? '' : 's'} for the editor.` : 'Usable.');
  }
  return `${lines.join('\n')}\n`;
}
