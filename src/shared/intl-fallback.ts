/**
 * Stand-ins for Intl in languages the browsers' Intl has no data for (Chromium lacks Somali and Haitian Creole:
 * `Intl.DateTimeFormat('so')` silently writes English). A language's module (src/locales/<code>.ts) gives its month,
 * day and unit names and a "donor" language whose patterns fit (order, punctuation, 12/24 h); dates and numbers are
 * formatted by Intl in the donor and every word is swapped for the language's own. Loaded only with that language.
 */
import type { IntlShim } from './locale.js';

export interface IntlNames {
  /** The language whose Intl patterns are used (digits, order, punctuation, clock). */
  donor: string;
  months: string[];
  monthsShort: string[];
  /** Sunday first. */
  days: string[];
  daysShort: string[];
  /** Before and after noon, for a donor with a 12-hour clock. */
  periods?: [string, string];
  /** Words in the donor's patterns (" at "), and what they become. */
  literals?: Record<string, string>;
  /** Show zones as offsets ("GMT-5") instead of the donor's names ("EST"), which are words of the donor's. */
  offsetZones?: boolean;
  /** Units by Intl name: [one, other, narrow?] (narrow: the donor's when absent). */
  units: Record<string, [string, string, string?]>;
}

const WEEK = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

type Parts = Intl.DateTimeFormatPart[];

export function makeIntlShim(n: IntlNames): IntlShim {
  const dates = new Map<string, ReturnType<IntlShim['date']>>();
  const numbers = new Map<string, ReturnType<IntlShim['number']>>();
  return {
    date(options) {
      const cacheKey = JSON.stringify(options);
      let f = dates.get(cacheKey);
      if (!f) {
        const donor = new Intl.DateTimeFormat(n.donor, options);
        // What the words stand for (month, weekday, before or after noon) in the formatter's zone.
        const facts = new Intl.DateTimeFormat('en-US', {
          timeZone: donor.resolvedOptions().timeZone,
          month: 'numeric',
          weekday: 'short',
          hour: 'numeric',
          hourCycle: 'h23',
          calendar: 'gregory',
          timeZoneName: 'shortOffset',
        });
        const longMonth = options.month === 'long' || options.dateStyle === 'full' || options.dateStyle === 'long';
        const longDay = options.weekday === 'long' || options.dateStyle === 'full';
        /** A part of the donor's output in the language: `k` says what the instant's month, weekday, hour are. */
        const word = (type: string, value: string, k: Record<string, string>): string => {
          switch (type) {
            case 'month':
              return /\d/.test(value) ? value : (longMonth ? n.months : n.monthsShort)[+k.month - 1];
            case 'weekday':
              return (longDay ? n.days : n.daysShort)[WEEK.indexOf(k.weekday)];
            case 'dayPeriod':
              return n.periods ? n.periods[+k.hour < 12 ? 0 : 1] : value;
            case 'timeZoneName':
              return n.offsetZones ? k.timeZoneName : value;
            case 'literal':
              return n.literals?.[value] ?? value;
            default:
              return value;
          }
        };
        const formatToParts = (time?: number | Date): Parts => {
          const k: Record<string, string> = {};
          for (const p of facts.formatToParts(time)) k[p.type] = p.value;
          return donor.formatToParts(time).map(({ type, value }) => ({ type, value: word(type, value, k) }));
        };
        f = { format: (time) => formatToParts(time).map((p) => p.value).join(''), formatToParts };
        dates.set(cacheKey, f);
      }
      return f;
    },
    number(options) {
      const cacheKey = JSON.stringify(options);
      let f = numbers.get(cacheKey);
      if (!f) {
        const donor = new Intl.NumberFormat(n.donor, options);
        const names = options.unit ? n.units[options.unit] : undefined;
        const formatToParts = (x: number | bigint): Intl.NumberFormatPart[] =>
          donor.formatToParts(x).map((p) =>
            p.type === 'unit' && names
              ? { type: 'unit', value: (options.unitDisplay === 'narrow' ? names[2] : names[x == 1 ? 0 : 1]) ?? p.value }
              : p,
          );
        f = {
          format: (x: number | bigint) => formatToParts(x).map((p) => p.value).join(''),
          formatToParts,
        } as ReturnType<IntlShim['number']>;
        numbers.set(cacheKey, f);
      }
      return f;
    },
  };
}
