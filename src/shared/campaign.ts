/**
 * Picking a date window from a feed: a campaign day by id (or the current / next one), or an event by id. A day
 * with `localDate` is a calendar day that starts at each visitor's own midnight: its window is computed in the
 * browser's zone, so a shutdown "today" is the visitor's today wherever they are.
 */
import type { DayText, FeedData } from '../feed/types.js';
import { eventEnd } from './event-info.js';

/** A time window to count down to and through. */
export interface TimeWindow {
  /** Start instant, epoch ms. */
  start: number;
  /** End instant (exclusive), epoch ms; none: the window never closes. */
  end?: number;
  /** The zone the organizers gave the time in (for the absolute date shown), when known. */
  timeZone?: string;
  /** The calendar date, when the window is the visitor's own local day. */
  localDate?: string;
  name?: string;
  url?: string;
  /** The name and link in other languages (a campaign day's `translations`). */
  translations?: Record<string, DayText>;
}

/** The visitor's local day `date` ("2026-01-30"): from their midnight to the next, in the browser's zone. */
export function localDayWindow(date: string): { start: number; end: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const start = new Date(y, mo, d).getTime();
  const end = new Date(y, mo, d + 1).getTime();
  return Number.isNaN(start) ? undefined : { start, end };
}

/**
 * The window of a campaign day: by `id`, else the first day that has not ended at `now` (the current or the next
 * one), else the last day. Undefined when the feed has no such day.
 */
export function campaignWindow(data: FeedData, id: string | undefined, now: number): TimeWindow | undefined {
  const windows = (data.campaign?.days ?? [])
    .filter((day) => !id || day.id === id)
    .map((day): TimeWindow => {
      const local = day.localDate ? localDayWindow(day.localDate) : undefined;
      return {
        start: local?.start ?? day.start,
        end: local?.end ?? day.end,
        timeZone: day.timeZone,
        localDate: local && day.localDate,
        name: day.name,
        url: day.url,
        translations: day.translations,
      };
    })
    .sort((a, b) => a.start - b.start);
  return windows.find((w) => (w.end ?? w.start) > now) ?? windows[windows.length - 1];
}

/** The window of the event with this id (its end, or the default duration when it has none). */
export function eventWindow(data: FeedData, id: string): TimeWindow | undefined {
  const event = data.events.find((e) => e.id === id);
  if (!event) return undefined;
  return {
    start: event.start,
    end: eventEnd(event),
    timeZone: event.floating ? undefined : event.timeZone,
    name: event.title,
    url: event.url,
  };
}
