/**
 * schema.org JSON-LD: `Event` (and subtypes such as SocialEvent) becomes an event, `Organization` (and subtypes
 * such as NGO) becomes a partner. Nodes may come alone, in an array, in an `ItemList` (`itemListElement`, whose
 * `ListItem`s hold the node in `item`), or in `@graph`; a `{ "@id": ... }` reference to another node is followed.
 * Dates with an offset are instants; without one they are read in `options.timeZone`, else they float.
 */
import { normalizeZone, parseIsoTime, type ParsedTime } from '../dates.js';
import type { EventStatus, FeedData, ParseOptions } from '../types.js';
import { addEvent, addPartner, emptyDraft, emptyPlace, emptyTime, idOf, memo, Sink, type RawPlace } from './common.js';

type Node = Record<string, unknown>;

const ORGANIZATION_TYPES = new Set([
  'Organization', 'NGO', 'Corporation', 'PoliticalParty', 'WorkersUnion', 'Consortium', 'ResearchOrganization',
  'GovernmentOrganization', 'EducationalOrganization', 'CollegeOrUniversity', 'NewsMediaOrganization',
  'PerformingGroup', 'SportsOrganization', 'LibrarySystem', 'FundingScheme', 'Cooperative',
]);
const TYPE_PREFIX = /^.*[/:#]/;
const MAX_DEPTH = 8;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What a node is to Turnout. Subtypes count: SocialEvent is an event, NGO an organization. */
type Kind = 'event' | 'organization' | 'list' | 'list-item' | 'virtual' | 'other';

const typeName = memo((t) => t.replace(TYPE_PREFIX, ''));

const kindOfType = memo((t): Kind => {
  const name = typeName(t); // "https://schema.org/Event", "schema:Event" -> "Event"
  if (name === 'ItemList') return 'list';
  if (name === 'ListItem') return 'list-item';
  if (name === 'VirtualLocation') return 'virtual';
  if (name.endsWith('Event')) return 'event';
  if (ORGANIZATION_TYPES.has(name) || name.endsWith('Organization')) return 'organization';
  return 'other';
});

/** The node's kind from its `@type` (a string or a list; the first type Turnout knows wins). */
function kindOf(node: Node): Kind {
  const raw = node['@type'];
  if (typeof raw === 'string') return kindOfType(raw);
  if (Array.isArray(raw)) {
    for (const t of raw) {
      const kind = typeof t === 'string' ? kindOfType(t) : 'other';
      if (kind !== 'other') return kind;
    }
  }
  return 'other';
}

/** Whether a parsed JSON value looks like JSON-LD (used by detection). */
export function looksLikeJsonLd(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  return isNode(first) && ('@context' in first || '@type' in first || '@graph' in first);
}

/** Every node in document order, unwrapping arrays, @graph and ItemList. */
function collect(value: unknown, out: Node[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collect(value[i], out, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  if (Array.isArray(value['@graph']) || isNode(value['@graph'])) {
    collect(value['@graph'], out, depth + 1);
    return;
  }
  const kind = kindOf(value);
  if (kind === 'list' || kind === 'list-item') {
    collect(kind === 'list-item' ? value.item : value.itemListElement, out, depth + 1);
    return;
  }
  out.push(value);
}

/** `{ "@id": ... }` and nothing else: a reference to a node elsewhere in the document. */
function isReference(node: Node): boolean {
  for (const key in node) if (key !== '@id') return false;
  return true;
}

/** One value of a property that may be a list: the first item. */
function one(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Text of a property that may be a string, a list, or a language-tagged value object. */
function text(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value; // the common case: a plain string or number
  const v = one(value);
  return isNode(v) && '@value' in v ? v['@value'] : v;
}

/** The name of an organizer/person (an object, a string or a list of either). */
function nameOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const v = one(value);
  return isNode(v) ? text(v.name) : v;
}

/** A URL from a string or an ImageObject / reference (`url`, `contentUrl`, `@id`). */
function urlOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const v = one(value);
  if (!isNode(v)) return v;
  return one(v.url) ?? one(v.contentUrl) ?? v['@id'];
}

const STATUS: Record<string, EventStatus> = {
  EventCancelled: 'cancelled',
  EventCanceled: 'cancelled',
  EventPostponed: 'postponed',
  EventScheduled: 'scheduled',
  EventRescheduled: 'scheduled',
  EventMovedOnline: 'scheduled',
};

/** Cancelled or postponed wins; otherwise sold-out offers make a scheduled event full. */
function eventStatus(status: string, availability: string): EventStatus | undefined {
  const stated = STATUS[status];
  if (stated === 'cancelled' || stated === 'postponed') return stated;
  return availability === 'SoldOut' ? 'full' : stated;
}

function enumName(value: unknown): string {
  if (typeof value === 'string') return typeName(value);
  const v = text(isNode(one(value)) ? (one(value) as Node)['@id'] : value);
  return typeof v === 'string' ? typeName(v) : '';
}

export function adaptJsonLd(root: unknown, options: ParseOptions = {}): FeedData {
  const base = options.baseUrl;
  const zone = normalizeZone(options.timeZone);
  const sink = new Sink();
  const nodes: Node[] = [];
  collect(root, nodes);
  // Nodes by @id, built on the first reference (most feeds nest instead of referencing).
  let byId: Map<string, Node> | undefined;
  const deref = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const v = one(value);
    if (!isNode(v) || typeof v['@id'] !== 'string' || !isReference(v)) return v;
    if (!byId) {
      byId = new Map();
      for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
    }
    return byId.get(v['@id']) ?? v;
  };

  // One draft, one place and two times, refilled for every event (addEvent copies what it keeps): short-lived
  // objects per event are enough garbage to make the collector copy the whole parsed feed again at 10k events.
  const draft = emptyDraft();
  const startTime = emptyTime();
  const endTime = emptyTime();
  const scratchPlace = emptyPlace();

  let eventIndex = 0;
  let partnerIndex = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const kind = kindOf(node);
    if (kind === 'event') {
      readEvent(node, eventIndex++);
    } else if (kind === 'organization') {
      addPartner(
        sink,
        {
          id: idOf(node['@id']) ?? idOf(node.identifier),
          name: text(node.name),
          url: urlOf(node.url),
          logo: urlOf(deref(node.logo)),
          description: text(node.description),
          categories: node.keywords,
        },
        partnerIndex++,
        base,
      );
    }
  }
  return sink.result('jsonld');

  function readTime(raw: unknown, what: string, into: ParsedTime): ParsedTime | string {
    const value = text(raw);
    const parsed = typeof value === 'string' ? parseIsoTime(value, zone, into) : null;
    if (parsed) return parsed;
    if (value === undefined) return `${what} is missing`;
    // Not String(value): it throws on an object without a prototype (a feed given by script).
    return typeof value === 'string' || typeof value === 'number'
      ? `${what} "${value}" is not an ISO 8601 date`
      : `${what} should be an ISO 8601 date, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value)}`;
  }

  /** The scratch place, filled with one location's fields. */
  function fillPlace(
    venue: unknown, address?: unknown, locality?: unknown, region?: unknown, postalCode?: unknown,
    country?: unknown, lat?: unknown, lng?: unknown,
  ): RawPlace {
    const p = scratchPlace;
    p.venue = venue;
    p.address = address;
    p.locality = locality;
    p.region = region;
    p.postalCode = postalCode;
    p.country = country;
    p.lat = lat;
    p.lng = lng;
    return p;
  }

  function readEvent(node: Node, index: number): void {
    const locations = node.location;
    const many = Array.isArray(locations);
    let place: RawPlace | undefined;
    let virtualUrl: unknown;
    for (let i = 0, n = many ? locations.length : 1; i < n; i++) {
      const loc = deref(many ? locations[i] : locations);
      if (typeof loc === 'string' && !place) {
        place = fillPlace(loc);
        continue;
      }
      if (!isNode(loc)) continue;
      if (kindOf(loc) === 'virtual') {
        virtualUrl ??= urlOf(loc.url);
        continue;
      }
      if (place) continue;
      const address = deref(loc.address);
      const geo = deref(loc.geo);
      const a = isNode(address) ? address : undefined;
      const g = isNode(geo) ? geo : undefined;
      place = fillPlace(
        text(loc.name),
        a ? text(a.streetAddress) : address,
        a && text(a.addressLocality),
        a && text(a.addressRegion),
        a && text(a.postalCode),
        a && nameOf(a.addressCountry),
        g && text(g.latitude),
        g && text(g.longitude),
      );
    }
    const mode = enumName(node.eventAttendanceMode);
    const status = enumName(node.eventStatus);
    const offer = one(node.offers);
    const availability = enumName(isNode(offer) ? offer.availability : undefined);
    const online =
      mode.startsWith('Online') || mode.startsWith('Mixed') || status === 'EventMovedOnline'
        ? true
        : mode.startsWith('Offline')
          ? false
          : virtualUrl !== undefined && !place
            ? true
            : undefined;
    const d = draft;
    d.id = idOf(node['@id']) ?? idOf(node.identifier);
    d.title = text(node.name);
    d.description = text(node.description);
    d.start = readTime(node.startDate, 'startDate', startTime);
    d.end = node.endDate === undefined ? undefined : readTime(node.endDate, 'endDate', endTime);
    d.place = status === 'EventMovedOnline' ? undefined : place;
    d.online = online;
    d.onlineUrl = virtualUrl;
    d.tags = node.keywords;
    d.url = urlOf(node.url);
    d.host = nameOf(deref(node.organizer));
    d.status = eventStatus(status, availability);
    d.accessibility = text(node.accessibilitySummary);
    addEvent(sink, d, index, base, 'jsonld');
  }
}
