/**
 * schema.org JSON-LD: `Event` (and subtypes such as SocialEvent) becomes an event, `Organization` (and subtypes
 * such as NGO) becomes a partner. Nodes may come alone, in an array, in an `ItemList` (`itemListElement`, whose
 * `ListItem`s hold the node in `item`), or in `@graph`; a `{ "@id": ... }` reference to another node is followed.
 * Dates with an offset are instants; without one they are read in `options.timeZone`, else they float.
 */
import { normalizeZone, parseIsoTime, type ParsedTime } from '../dates.js';
import type { EventStatus, FeedData, ParseOptions } from '../types.js';
import { addEvent, addPartner, idOf, memo, Sink, type RawPlace } from './common.js';

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
    for (const item of value) collect(item, out, depth + 1);
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
  const v = one(value);
  return isNode(v) && '@value' in v ? v['@value'] : v;
}

/** The name of an organizer/person (an object, a string or a list of either). */
function nameOf(value: unknown): unknown {
  const v = one(value);
  return isNode(v) ? text(v.name) : v;
}

/** A URL from a string or an ImageObject / reference (`url`, `contentUrl`, `@id`). */
function urlOf(value: unknown): unknown {
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
    const v = one(value);
    if (!isNode(v) || typeof v['@id'] !== 'string' || !isReference(v)) return v;
    if (!byId) {
      byId = new Map();
      for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
    }
    return byId.get(v['@id']) ?? v;
  };

  let eventIndex = 0;
  let partnerIndex = 0;
  for (const node of nodes) {
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

  function readTime(raw: unknown, what: string): ParsedTime | string {
    const value = text(raw);
    const parsed = typeof value === 'string' ? parseIsoTime(value, zone) : null;
    return parsed ?? `${what} ${value === undefined ? 'is missing' : `"${String(value)}" is not an ISO 8601 date`}`;
  }

  function readEvent(node: Node, index: number): void {
    const locations = node.location;
    const many = Array.isArray(locations);
    let place: RawPlace | undefined;
    let virtualUrl: unknown;
    for (let i = 0, n = many ? locations.length : 1; i < n; i++) {
      const loc = deref(many ? locations[i] : locations);
      if (typeof loc === 'string' && !place) {
        place = { venue: loc };
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
      const a = isNode(address) ? address : {};
      const g = isNode(geo) ? geo : {};
      place = {
        venue: text(loc.name),
        address: isNode(address) ? text(a.streetAddress) : address,
        locality: text(a.addressLocality),
        region: text(a.addressRegion),
        postalCode: text(a.postalCode),
        country: nameOf(a.addressCountry),
        lat: text(g.latitude),
        lng: text(g.longitude),
      };
    }
    const mode = enumName(node.eventAttendanceMode);
    const status = enumName(node.eventStatus);
    const availability = enumName(isNode(one(node.offers)) ? (one(node.offers) as Node).availability : undefined);
    const online =
      mode.startsWith('Online') || mode.startsWith('Mixed') || status === 'EventMovedOnline'
        ? true
        : mode.startsWith('Offline')
          ? false
          : virtualUrl !== undefined && !place
            ? true
            : undefined;
    addEvent(
      sink,
      {
        id: idOf(node['@id']) ?? idOf(node.identifier),
        title: text(node.name),
        description: text(node.description),
        start: readTime(node.startDate, 'startDate'),
        end: node.endDate === undefined ? undefined : readTime(node.endDate, 'endDate'),
        place: status === 'EventMovedOnline' ? undefined : place,
        online,
        onlineUrl: virtualUrl,
        tags: node.keywords,
        url: urlOf(node.url),
        host: nameOf(deref(node.organizer)),
        status: eventStatus(status, availability),
        accessibility: text(node.accessibilitySummary),
      },
      index,
      base,
      'jsonld',
    );
  }
}
