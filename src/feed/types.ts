/**
 * The normalized types every Turnout element renders. Every feed format (native, Mobilize,
 * schema.org JSON-LD, CSV) is adapted into these; no element reads a raw feed.
 */

/** Formats the feed layer can read. */
export type FeedFormat = 'turnout' | 'mobilize' | 'jsonld' | 'csv';

/**
 * How precisely a location may be shown.
 * - `exact`: a public address; lat/lng is the venue.
 * - `approximate`: a private address or a place known only by its city/ZIP; lat/lng (if any) is a locality centre,
 *   never the venue.
 * - `none`: no position (online events, or nothing usable in the feed).
 */
export type LocationPrecision = 'exact' | 'approximate' | 'none';

export interface EventLocation {
  /** Venue name, e.g. "Union Park". Omitted for private addresses. */
  venue?: string;
  /** Street address lines joined with ", ". Omitted for private addresses. */
  address?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2 when known (e.g. "US", "GB"), otherwise what the feed said. */
  country?: string;
  lat?: number;
  lng?: number;
  precision: LocationPrecision;
}

export type EventStatus = 'scheduled' | 'cancelled' | 'postponed' | 'full';

export interface TurnoutEvent {
  /** Stable id, unique within a feed (prefixed by the adapter when the feed's own id is missing). */
  id: string;
  /** Plain text; HTML in feeds becomes text. */
  title: string;
  /** Plain text, paragraphs separated by blank lines. */
  description: string;
  /** Start instant, epoch milliseconds. */
  start: number;
  /** End instant, epoch milliseconds, when known. */
  end?: number;
  /**
   * The zone the event's wall-clock times are shown in: an IANA name ("America/Chicago") or a fixed offset
   * ("-05:00") when the feed gave only an offset. Always usable as `Intl.DateTimeFormat`'s `timeZone`.
   */
  timeZone: string;
  /**
   * True when the feed gave a wall-clock time with no zone and no default zone was set: `start`/`end` then hold
   * the wall-clock time as if in UTC, and `timeZone` is "UTC". Shown as typed; never converted to the viewer's zone.
   */
  floating?: boolean;
  /** True for events that last whole days with no time of day. */
  allDay?: boolean;
  location: EventLocation;
  /** An online (virtual) event; it may also have a location when hybrid. */
  online: boolean;
  /** Link to join online, when allowed by the link allowlist. */
  onlineUrl?: string;
  /** Event type as a lowercase key ("rally", "vigil", "teach_in", ...). Open-ended. */
  type?: string;
  tags: string[];
  /** RSVP / details link (allowlisted). */
  url?: string;
  /** Hosting organization or person. */
  host?: string;
  status: EventStatus;
  accessibility?: string;
  /** The feed marked it as a priority event. */
  featured?: boolean;
}

export interface TurnoutPartner {
  id: string;
  name: string;
  url?: string;
  /** Logo URL (allowlisted: https:, or same-origin relative resolved against the feed). */
  logo?: string;
  description?: string;
  /** Kinds of organization, e.g. "Student group", "Tenants union". */
  categories: string[];
}

/** A key date of the campaign: the shutdown day, the day of action, the lobbying day. */
export interface CampaignDay {
  id: string;
  name: string;
  /** Start instant, epoch ms. For `localDay` days this is the start at the campaign's own zone. */
  start: number;
  /** End instant, epoch ms (exclusive). */
  end?: number;
  /** IANA zone or fixed offset the times were given in. */
  timeZone: string;
  /**
   * The calendar date ("2026-01-30") when the day is a calendar day that starts at each visitor's own midnight
   * ("a shutdown today is the visitor's today").
   */
  localDate?: string;
  url?: string;
  description?: string;
  /**
   * The day's name, link and description in other languages, by lowercase BCP 47 tag ("es", "es-mx", "zh-hans").
   * Widgets pick the visitor's language: the exact tag, else its language ("es-mx" -> "es"), else the fields above.
   */
  translations?: Record<string, DayText>;
}

/** What a campaign day says in one language (each field optional: the default one stands in). */
export interface DayText {
  name?: string;
  url?: string;
  description?: string;
}

export interface Campaign {
  name?: string;
  url?: string;
  /** "Host an event" / start your own gathering link. */
  hostEventUrl?: string;
  /** Default zone for times given without one (CSV). */
  timeZone?: string;
  days: CampaignDay[];
}

export interface SkippedRecord {
  kind: 'event' | 'partner' | 'campaign-day';
  /** Position in the feed (0-based record index; for CSV, the data row number starting at 1 after the header). */
  index: number;
  /** The record's own id or title, when it had one, so an editor can find it. */
  label?: string;
  /** Plain-language reason, in English (shown to the feed's editor in the widget's details). */
  reason: string;
  /** For paginated feeds (Mobilize): the 1-based page the record was on, set by `mergePages` from page 2 on. */
  page?: number;
}

export interface FeedData {
  format: FeedFormat;
  /** Native feed version, when the feed gave one. */
  version?: string;
  title?: string;
  events: TurnoutEvent[];
  partners: TurnoutPartner[];
  campaign?: Campaign;
  skipped: SkippedRecord[];
  /** When this data was received (epoch ms, real clock). */
  loadedAt: number;
  /** The URL it came from (after pagination, the first page's URL). */
  url?: string;
  /** Mobilize pagination: pages read, and whether more pages were left unread because of the page cap. */
  pages?: number;
  truncated?: boolean;
  /** Mobilize pagination: the allowlisted URL of the next page, when the page had one (the loader follows it). */
  nextPage?: string;
  /**
   * Records that ARE shown but had a field dropped (an end before the start, an unsafe link, coordinates out of
   * range, an unknown time zone). Same shape as `skipped`; for the editor's details, not counted as "not shown".
   */
  warnings?: SkippedRecord[];
}

/** Options that change how a feed's text is read. */
export interface ParseOptions {
  /** Force a format instead of detecting it from the content. */
  format?: FeedFormat;
  /** Zone for wall-clock times that come without one (CSV, JSON-LD dates without offset). */
  timeZone?: string;
  /** Base URL for resolving relative links and logos. */
  baseUrl?: string;
}
