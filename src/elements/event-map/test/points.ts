import { expect, waitUntil } from '@open-wc/testing';
import { squash } from '../../../../test/helpers.js';
import type { EventMap } from '../event-map.js';
import { $, $$, mapOf, mountMap, shownOnMap } from './fixtures.js';

let n = 0;

/**
 * Mounts an <event-map> on a large generated feed (test/server/stream-routes.mjs) whose end is held back until the
 * map has started (`query`: more of the route's options), and waits until the map is ready with events and the list holds all of them. `handed`: what
 * the map's events source was given once the feed came (a URL, or GeoJSON objects). Resolves with the element and the ready event's count.
 */
export async function mountLarge(events: number, query = ''): Promise<{ el: EventMap; readyCount: number; handed: unknown[] }> {
  let readyCount = 0;
  // The feed's first 700 KB come at once, the rest once the map has started (so its points can go to it early).
  const key = `points-${Date.now()}-${n++}`;
  const el = await mountMap(`/__stream/feed?n=${events}&key=${key}${query}`, {}, { ready: false });
  el.addEventListener('turnout-map-ready', (e) => (readyCount ||= (e as CustomEvent<{ events: number }>).detail.events));
  await waitUntil(() => mapOf(el)?.loaded(), 'the map never started', { timeout: 30000 });
  expect(readyCount, 'the map was ready before the feed was in').to.equal(0);
  // What the events' source is given from now on: a URL, or GeoJSON objects.
  const handed: unknown[] = [];
  const source = mapOf(el).getSource('events');
  const setData = source.setData.bind(source);
  source.setData = (data: unknown, ...rest: unknown[]) => {
    handed.push(data);
    return setData(data, ...rest);
  };
  await fetch(`/__stream/release?key=${key}`);
  await waitUntil(() => readyCount > 0, 'the map never became ready with events', { timeout: 30000 });
  await waitUntil(
    () => /events in the map area/.test(squash($(el, '[part="count"]')?.textContent)),
    'the whole list never came',
    { timeout: 20000 },
  );
  return { el, readyCount, handed };
}

/** Every event is on the map: the buttons add up, and each cluster is named after a town of the feed. */
export async function expectAllDrawn(el: EventMap, events: number): Promise<void> {
  await waitUntil(() => shownOnMap(el) === events, `the map's buttons add up to ${shownOnMap(el)}, not ${events}`, {
    timeout: 15000,
  });
  const names = $$(el, '.overlay .cluster').map((b) => b.getAttribute('aria-label') ?? '');
  expect(names.length).to.be.greaterThan(0);
  for (const name of names) expect(name).to.match(/^[\d,]+ events near (Chicago|Minneapolis|Atlanta|Denver|Seattle), \w\w — zoom in$/);
}
