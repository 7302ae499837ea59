/**
 * Normalized feed data (what every widget reads) written back as a native Turnout feed, version 1.0. The output
 * is deterministic: keys in a fixed order, events sorted by start then id, partners and days in their order, no
 * empty fields, UTF-8 JSON ending with one newline. Read with parseFeed, it gives the same events.
 */
import type { Campaign, CampaignDay, EventLocation, FeedData, TurnoutEvent, TurnoutPartner } from '../feed/types.js';
import type { LngLat } from '../geo/types.js';
import { instantIso } from './ics.js';

type Raw = Record<string, unknown>;

export interface NativeOptions {
  /** Centres for the events whose place is private or known only by its town: [lng, lat], or null (no point). */
  centres?: Map<TurnoutEvent, LngLat | null>;
  /** Replaces the feed's title. */
  title?: string;
}

export function toNativeFeed(data: FeedData, options: NativeOptions = {}): Raw {
  const feed: Raw = { turnout: '1.0' };
  const title = options.title ?? data.title;
  if (title) feed.title = title;
  if (data.campaign) feed.campaign = campaignOut(data.campaign);
  feed.events = data.events
    .slice()
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => eventOut(e, options.centres?.get(e)));
  if (data.partners.length) feed.partners = data.partners.map(partnerOut);
  return feed;
}

/** JSON text of a feed: indented (readable diffs) or minified; always ends with a newline. */
export function feedText(feed: Raw, minify = false): string {
  return `${minify ? JSON.stringify(feed) : JSON.stringify(feed, null, 2)}\n`;
}

function timeOut(time: number, zone: string, floating?: boolean): string {
  return floating ? new Date(time).toISOString().slice(0, 19) : instantIso(time, zone);
}

/** A place that is private or known only by its town: shown at most at the locality's centre. */
export function isAreaOnly(location: EventLocation): boolean {
  return location.precision === 'approximate' && !location.venue && !location.address && location.lat === undefined;
}

function eventOut(e: TurnoutEvent, centre: LngLat | null | undefined): Raw {
  const r: Raw = { id: e.id, title: e.title, start: timeOut(e.start, e.timeZone, e.floating) };
  if (e.end !== undefined) r.end = timeOut(e.end, e.timeZone, e.floating);
  if (!e.floating) r.timeZone = e.timeZone;
  if (e.allDay) r.allDay = true;
  const location = locationOut(e.location, centre);
  if (location) r.location = location;
  // The reader's default: online when there is a join link and no place.
  if (e.online || (e.onlineUrl && e.location.precision === 'none')) r.online = e.online;
  if (e.onlineUrl) r.onlineUrl = e.onlineUrl;
  if (e.type) r.type = e.type;
  if (e.tags.length) r.tags = e.tags.slice();
  if (e.url) r.url = e.url;
  if (e.host) r.host = e.host;
  if (e.status !== 'scheduled') r.status = e.status;
  if (e.featured) r.featured = true;
  if (e.accessibility) r.accessibility = e.accessibility;
  if (e.description) r.description = e.description;
  return r;
}

function locationOut(l: EventLocation, centre: LngLat | null | undefined): Raw | undefined {
  const r: Raw = {};
  const areaOnly = isAreaOnly(l);
  if (!areaOnly) {
    if (l.venue) r.venue = l.venue;
    if (l.address) r.address = l.address;
  }
  if (l.locality) r.locality = l.locality;
  if (l.region) r.region = l.region;
  if (l.postalCode) r.postalCode = l.postalCode;
  if (l.country) r.country = l.country;
  if (areaOnly) {
    // Never an exact point: the locality's centre when one is known, and marked private so that no reader takes
    // it for the venue.
    if (centre) {
      r.lat = centre[1];
      r.lng = centre[0];
    }
    r.private = true;
  } else if (l.precision === 'exact' && l.lat !== undefined && l.lng !== undefined) {
    r.lat = l.lat;
    r.lng = l.lng;
  }
  return Object.keys(r).length ? r : undefined;
}

function partnerOut(p: TurnoutPartner): Raw {
  const r: Raw = { id: p.id, name: p.name };
  if (p.url) r.url = p.url;
  if (p.logo) r.logo = p.logo;
  if (p.categories.length) r.categories = p.categories.slice();
  if (p.description) r.description = p.description;
  return r;
}

function campaignOut(c: Campaign): Raw {
  const r: Raw = {};
  if (c.name) r.name = c.name;
  if (c.url) r.url = c.url;
  if (c.hostEventUrl) r.hostEventUrl = c.hostEventUrl;
  if (c.timeZone) r.timeZone = c.timeZone;
  r.days = c.days.map(dayOut);
  return r;
}

function dayOut(d: CampaignDay): Raw {
  const r: Raw = { id: d.id, name: d.name, start: instantIso(d.start, d.timeZone) };
  if (d.end !== undefined) r.end = instantIso(d.end, d.timeZone);
  r.timeZone = d.timeZone;
  if (d.localDate) r.localDate = d.localDate;
  if (d.url) r.url = d.url;
  if (d.description) r.description = d.description;
  return r;
}
