/**
 * Facts about an event with no localized text (names come from Intl): when it ends, and where it is as one line.
 * Kept apart from format.ts so that code needing only these (the calendar chunk) does not pull in the
 * localization runtime.
 */
import type { EventLocation, TurnoutEvent } from '../feed/types.js';

/** How long an event is assumed to last when the feed gives no end. */
export const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

/** The end instant of an event: its own end, or start + 2 hours when the feed gave none. */
export function eventEnd(event: TurnoutEvent): number {
  return event.end ?? event.start + DEFAULT_DURATION_MS;
}

const countryNames = new Map<string, string>();

/** A country code as a name ("GB" -> "United Kingdom"); other values are returned as they are. */
export function countryName(country: string, locale?: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  const key = `${locale ?? ''}|${country}`;
  let name = countryNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' }).of(country) ?? country;
    } catch {
      name = country;
    }
    countryNames.set(key, name);
  }
  return name;
}

export interface PlaceOptions {
  locale?: string;
  /** Include the street address and postal code (for calendars). */
  full?: boolean;
  /** Include the country's name. */
  country?: boolean;
}

/** A location as one line: "Union Park, Chicago, IL". Empty when there is nothing to say. */
export function formatPlace(location: EventLocation, options: PlaceOptions = {}): string {
  const parts = [
    location.venue,
    options.full ? location.address : undefined,
    location.locality,
    options.full && location.postalCode ? [location.region, location.postalCode].filter(Boolean).join(' ') : location.region,
    options.country && location.country ? countryName(location.country, options.locale) : undefined,
  ];
  return parts
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    .join(', ');
}
