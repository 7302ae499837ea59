/**
 * What <event-map> says when a search or "Use my location" does not give a place, and when nothing is nearby.
 * Loaded when a search starts: most visits never need these sentences.
 */
import { msg, str } from '@lit/localize';

export type SearchProblem = 'not-found' | 'denied' | 'timeout' | 'unavailable' | 'failed';

export function searchProblem(problem: SearchProblem, query: string): string {
  switch (problem) {
    case 'not-found':
      return msg(str`No place called “${query}” found. Try a 5-digit ZIP code or a town name.`, { id: 'event-map.not-found' });
    case 'denied':
      return msg('Your location could not be used: permission was denied. Type a ZIP code or town instead.', {
        id: 'event-map.denied',
      });
    case 'timeout':
      return msg('Finding your location took too long. Try again, or type a ZIP code or town.', { id: 'event-map.timeout' });
    case 'unavailable':
      return msg('Your location is not available in this browser. Type a ZIP code or town instead.', {
        id: 'event-map.unavailable',
      });
    default:
      return msg('The search did not work. Try again, or type a ZIP code.', { id: 'event-map.search-failed' });
  }
}

/** `radius` already formatted ("25 mi"). */
export function nothingNear(radius: string): string {
  return msg(str`Nothing is planned within ${radius} yet. The nearest events are below — or start one where you are.`, {
    id: 'event-map.nothing-near',
  });
}
