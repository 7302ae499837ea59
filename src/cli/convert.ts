/// <reference types="node" />
/**
 * `turnout-feed convert <input...>`: a saved Mobilize API response (one or several pages, or fetched live with
 * --org), a CSV spreadsheet, an iCalendar file, JSON-LD or a native feed, into one native Turnout feed. Every input
 * goes through the feed layer's parser, so the output holds exactly what the widgets would show; private and
 * town-only places are placed at their locality's centre or left without a point; the result is read back
 * to make sure it gives the same events.
 */
import { mergePages, parseFeed } from '../feed/parse.js';
import type { Campaign, FeedData } from '../feed/types.js';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { fetchInput, readInput, type Input } from './io.js';
import { feedText, toNativeFeed } from './native.js';
import { writeOutputs, type Written } from './output.js';
import { snapToLocality, type CentreLookup, type SnapResult } from './privacy.js';
import { asCliError, FORMAT_NAMES, readFeed, type FeedFormatIn, type Loaded } from './read.js';
import { countsOf, problemLine, problemsOf, summaryLine, type Counts, type Problem } from './report.js';

export interface ConvertOptions {
  from?: FeedFormatIn;
  out?: string;
  min?: boolean;
  org?: string;
  /** Mobilize API root (tests and proxies); default https://api.mobilize.us/v1 */
  mobilizeApi?: string;
  maxPages?: number;
  campaign?: string;
  title?: string;
  timeZone?: string;
  baseUrl?: string;
  maxOccurrences?: number;
  since?: number;
  strict?: boolean;
  /** Replaces the geo layer's lookup (tests). */
  centreLookup?: CentreLookup;
}

export interface ConvertReport {
  inputs: { name: string; format: FeedFormatIn; pages?: number }[];
  counts: Counts;
  problems: Problem[];
  privacy: { moved: number; dropped: number; lookupError?: string };
  written: Written[];
  /** The feed text when no --out was given (printed on standard output). */
  output?: string;
  exitCode: ExitCode;
  notes: string[];
}

const MOBILIZE_API = 'https://api.mobilize.us/v1';

async function fetchOrganization(options: ConvertOptions, notes: string[]): Promise<Loaded> {
  const org = options.org ?? '';
  if (!/^\d+$/.test(org)) throw new CliError(EXIT.usage, `--org should be a Mobilize organization id (a number), not "${org}".`);
  const api = (options.mobilizeApi ?? MOBILIZE_API).replace(/\/+$/, '');
  const maxPages = options.maxPages ?? 50;
  let url: string | undefined = `${api}/organizations/${org}/events`;
  const origin = new URL(url).origin;
  let merged: Loaded | undefined;
  for (let page = 1; url; page++) {
    if (page > maxPages) {
      notes.push(`Stopped after ${maxPages} pages (--max-pages); the organization has more events.`);
      break;
    }
    const input = await fetchInput(url, { headers: { accept: 'application/json' } });
    const loaded = readFeed(input, { from: 'mobilize', timeZone: options.timeZone, baseUrl: input.url ?? url });
    merged = merged ? mergeMobilize(merged, loaded) : loaded;
    const next: string | undefined = loaded.data.nextPage;
    if (next && new URL(next).origin !== origin) {
      notes.push(`Stopped at page ${page}: its next page is on another site (${new URL(next).origin}).`);
      break;
    }
    url = next;
  }
  if (!merged) throw new CliError(EXIT.io, `Mobilize organization ${org}: no page could be read.`);
  merged.input = { ...merged.input, name: `Mobilize organization ${org}` };
  return merged;
}

function mergeMobilize(a: Loaded, b: Loaded): Loaded {
  return { ...a, data: mergePages(a.data, b.data), pages: [...(a.pages ?? []), ...(b.pages ?? [])] };
}

/** Several inputs that are not pages of one Mobilize list: events and partners joined, later repeats skipped. */
function join(all: { loaded: Loaded; problems: Problem[] }[]): { data: FeedData; problems: Problem[] } {
  const first = all[0].loaded.data;
  const data: FeedData = { ...first, events: [], partners: [], skipped: [], warnings: [] };
  const problems: Problem[] = [];
  const eventFrom = new Map<string, string>();
  const partnerFrom = new Map<string, string>();
  for (const { loaded, problems: own } of all) {
    problems.push(...own);
    const name = loaded.input.name;
    for (const e of loaded.data.events) {
      const taken = eventFrom.get(e.id);
      if (taken !== undefined) {
        problems.push({ severity: 'error', kind: 'event', input: name, where: 'event', id: e.id, title: e.title, field: 'id', message: `id: "${e.id}" is already used by an event in ${taken}` });
        continue;
      }
      eventFrom.set(e.id, name);
      data.events.push(e);
    }
    for (const p of loaded.data.partners) {
      const taken = partnerFrom.get(p.id);
      if (taken !== undefined) {
        problems.push({ severity: 'error', kind: 'partner', input: name, where: 'partner', id: p.id, title: p.name, field: 'id', message: `id: "${p.id}" is already used by a partner in ${taken}` });
        continue;
      }
      partnerFrom.set(p.id, name);
      data.partners.push(p);
    }
    if (!data.campaign && loaded.data.campaign) data.campaign = loaded.data.campaign;
    if (!data.title && loaded.data.title) data.title = loaded.data.title;
  }
  return { data, problems };
}

/** A campaign from a JSON file: a native feed (its "campaign" and "title") or a bare campaign object. */
async function readCampaign(spec: string, options: ConvertOptions): Promise<{ campaign?: Campaign; title?: string; problems: Problem[] }> {
  const input = await readInput(spec);
  let raw: unknown;
  try {
    raw = JSON.parse(input.text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new CliError(EXIT.unusable, `${input.name}: --campaign needs a JSON file (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CliError(EXIT.unusable, `${input.name}: --campaign needs a JSON object (a campaign, or a Turnout feed with one).`);
  }
  const obj = raw as Record<string, unknown>;
  const feed = 'turnout' in obj ? { ...obj, events: [], partners: [] } : { turnout: '1.0', campaign: obj };
  try {
    const data = parseFeed(feed, { format: 'turnout', timeZone: options.timeZone, baseUrl: options.baseUrl });
    const loaded: Loaded = { input, format: 'turnout', data, raw: feed };
    return { campaign: data.campaign, title: data.title, problems: problemsOf(loaded) };
  } catch (e) {
    throw asCliError(e, input.name, 'turnout');
  }
}

/** The converted feed must read back as the same events: a mismatch is a bug in the tool, not in the input. */
function checkRoundTrip(text: string, data: FeedData): void {
  const back = parseFeed(text, { format: 'turnout' });
  const key = (e: FeedData['events'][number]) => `${e.id}|${e.start}|${e.end ?? ''}|${e.title}|${e.allDay ? 1 : 0}|${e.status}|${e.timeZone}`;
  const want = data.events.map(key).sort();
  const got = back.events.map(key).sort();
  const differ = back.skipped.length > 0 || want.length !== got.length || want.some((k, i) => k !== got[i]);
  if (differ || back.partners.length !== data.partners.length) {
    throw new CliError(
      EXIT.internal,
      `the converted feed does not read back as the same ${data.events.length} events (read ${back.events.length}, ${back.skipped.length} skipped).`,
      'This is a bug in turnout-feed: please report it with the input file.',
    );
  }
}

export async function convert(specs: string[], options: ConvertOptions = {}): Promise<ConvertReport> {
  const notes: string[] = [];
  const loaded: Loaded[] = [];
  if (options.org !== undefined) loaded.push(await fetchOrganization(options, notes));
  for (const spec of specs) {
    const input: Input = await readInput(spec);
    loaded.push(readFeed(input, { from: options.from, timeZone: options.timeZone, baseUrl: options.baseUrl ?? input.url, maxOccurrences: options.maxOccurrences, since: options.since }));
  }
  if (!loaded.length) throw new CliError(EXIT.usage, 'convert needs an input file or URL (or --org <id>).', 'Run turnout-feed --help for examples.');

  let data: FeedData;
  let problems: Problem[];
  if (loaded.length > 1 && loaded.every((l) => l.format === 'mobilize')) {
    // Saved pages of one Mobilize list: merged as the widgets merge them (repeats across pages dropped).
    const merged = loaded.reduce(mergeMobilize);
    data = merged.data;
    problems = problemsOf(merged).map((p) => ({ ...p, input: loaded[(p.page ?? 1) - 1]?.input.name ?? p.input }));
  } else {
    ({ data, problems } = join(loaded.map((l) => ({ loaded: l, problems: problemsOf(l) }))));
  }
  for (const l of loaded) {
    for (const n of l.icsNotes ?? []) {
      problems.push({ severity: 'note', kind: 'event', input: l.input.name, where: `VEVENT ${n.source.vevent}`, id: n.source.uid, title: n.source.summary, message: n.reason });
    }
  }
  if (options.campaign) {
    const c = await readCampaign(options.campaign, options);
    problems.push(...c.problems);
    if (c.campaign) data.campaign = c.campaign;
    if (c.title && !options.title) data.title = c.title;
  }
  if (data.nextPage && options.org === undefined) {
    notes.push('The Mobilize response links to a next page that was not given: add the saved pages after it, or use --org <id> to fetch them all.');
  }
  delete data.nextPage;
  if (data.events.some((e) => e.floating)) {
    notes.push(`${data.events.filter((e) => e.floating).length} events have times with no time zone; they are shown as written. Pass --time-zone to fix them in a zone.`);
  }
  if (!options.baseUrl && problems.some((p) => p.severity === 'warning' && /is not an allowed link/.test(p.message) && /"(?![a-z][a-z0-9+.-]*:)[^"]*"/i.test(p.message))) {
    notes.push('Some links are relative: pass --base-url with the address the input was published at to keep them as full links.');
  }

  const snap: SnapResult = await snapToLocality(data.events, options.centreLookup);
  const feed = toNativeFeed(data, { centres: snap.centres, title: options.title });
  const pretty = feedText(feed);
  const minified = options.min ? feedText(feed, true) : undefined;
  checkRoundTrip(pretty, data);

  const counts = countsOf(data, problems);
  const report: ConvertReport = {
    inputs: loaded.map((l) => {
      const entry: ConvertReport['inputs'][number] = { name: l.input.name, format: l.format };
      if (l.pages && l.pages.length > 1) entry.pages = l.pages.length;
      return entry;
    }),
    counts,
    problems,
    privacy: { moved: snap.moved, dropped: snap.dropped },
    written: [],
    exitCode: EXIT.ok,
    notes,
  };
  if (snap.lookupError) report.privacy.lookupError = snap.lookupError;
  if (counts.events + counts.partners + counts.days === 0) {
    throw new CliError(EXIT.unusable, 'nothing to publish: no event, partner or campaign day could be read.', 'Run turnout-feed validate on the input to see why.');
  }
  if (options.out) report.written = await writeOutputs(options.out, pretty, minified);
  else report.output = minified ?? pretty;
  if (options.strict && counts.eventsSkipped + counts.partnersSkipped + counts.daysSkipped + counts.warnings > 0) {
    report.exitCode = EXIT.unusable;
  }
  return report;
}

function size(bytes: number): string {
  return bytes < 10_240 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function convertText(report: ConvertReport, maxShown = 50): string {
  const lines: string[] = [];
  for (const i of report.inputs) lines.push(`Read ${i.name} (${FORMAT_NAMES[i.format]}${i.pages ? `, ${i.pages} pages` : ''})`);
  const order = { error: 0, warning: 1, note: 2 };
  const sorted = report.problems.slice().sort((a, b) => order[a.severity] - order[b.severity]);
  const several = report.inputs.length > 1;
  for (const p of sorted.slice(0, maxShown)) lines.push(`  ${p.severity.padEnd(7)} ${problemLine(p, several)}`);
  if (sorted.length > maxShown) lines.push(`  … and ${sorted.length - maxShown} more (--max-problems, or --json for all)`);
  lines.push(summaryLine(report.counts));
  const { moved, dropped, lookupError } = report.privacy;
  lines.push(
    `Private addresses (and places known only by town or ZIP): ${moved} moved to their locality's centre, ${dropped} left without a point (no centre known).`,
  );
  if (lookupError) lines.push(`  (locality lookup: ${lookupError})`);
  for (const n of report.notes) lines.push(n);
  for (const w of report.written) lines.push(`Wrote ${w.path} (${size(w.bytes)}, ${size(w.gzipBytes)} gzip)`);
  return `${lines.join('\n')}\n`;
}
