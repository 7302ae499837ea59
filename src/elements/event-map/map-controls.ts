/**
 * What <event-map> draws around a loaded map: the zoom buttons, the legend, the data credits, and the names of the
 * cluster and marker buttons. Loaded together with the map (in parallel with MapLibre), so the element's first
 * file carries none of it.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { TurnoutEvent } from '../../feed/types.js';
import type { LngLat } from '../../geo/types.js';
import { formatEventWhen, formatPlace } from '../../shared/format.js';
import type { AttributionPart } from './map-view.js';

/** What button names are made from: the element's language and its prepared events. */
export interface LabelSource {
  locale(): string | undefined;
  number(n: number): string;
  /** One position per town the feed names. */
  localities(): { name: string; at: LngLat }[];
  entry(id: string): { event: TurnoutEvent; locality: string; approximate: boolean } | undefined;
}

/** "12 events near Minneapolis, MN — zoom in": the town nearest to the cluster among those the feed names. */
export function clusterLabel(src: LabelSource, count: number, at: LngLat): string {
  const n = src.number(count);
  let best = '';
  let bestD = Infinity;
  const k = Math.cos((at[1] * Math.PI) / 180);
  for (const l of src.localities()) {
    const d = ((l.at[0] - at[0]) * k) ** 2 + (l.at[1] - at[1]) ** 2;
    if (d < bestD) [best, bestD] = [l.name, d];
  }
  return best
    ? msg(str`${n} events near ${best} — zoom in`, { id: 'event-map.cluster' })
    : msg(str`${n} events — zoom in`, { id: 'event-map.cluster-unnamed' });
}

/** A single event ("Rally at Loring Park, Sat, Jan 31"), or several at one point ("3 events at Union Park"). */
export function placeLabel(src: LabelSource, ids: string[]): string {
  const entry = src.entry(ids[0]);
  if (!entry) return '';
  if (ids.length > 1) {
    const n = src.number(ids.length);
    const where = entry.locality || formatPlace(entry.event.location);
    return entry.approximate
      ? msg(str`${n} events, approximate location: ${where}`, { id: 'event-map.group-approximate' })
      : msg(str`${n} events at ${where}`, { id: 'event-map.group' });
  }
  const when = formatEventWhen(entry.event, { locale: src.locale() });
  const title = entry.event.title;
  return entry.approximate
    ? msg(str`${title}, ${when.date}, approximate location: ${entry.locality}`, { id: 'event-map.marker-approximate' })
    : msg(str`${title}, ${when.date}`, { id: 'event-map.marker' });
}

export function renderControls(zoom: (delta: number) => void, showAll: () => void): TemplateResult {
  return html`<div class="controls" part="zoom">
    <button type="button" class="button" @click=${() => zoom(1)}>
      <span aria-hidden="true">+</span><span class="visually-hidden">${msg('Zoom in', { id: 'event-map.zoom-in' })}</span>
    </button>
    <button type="button" class="button" @click=${() => zoom(-1)}>
      <span aria-hidden="true">−</span><span class="visually-hidden">${msg('Zoom out', { id: 'event-map.zoom-out' })}</span>
    </button>
    <button type="button" class="button" @click=${showAll}>
      <span aria-hidden="true">⤢</span><span class="visually-hidden">${msg('Show all events', { id: 'event-map.show-all' })}</span>
    </button>
  </div>`;
}

/** The legend (for sighted readers: the buttons' names say the same) and the credits the map data asks for. */
export function renderCredits(attribution: AttributionPart[]): TemplateResult {
  return html`<div class="legend" aria-hidden="true">
      <span>${msg('Event', { id: 'event-map.legend.exact' })}</span>
      <span class="approx">${msg('Approximate location', { id: 'event-map.legend.approximate' })}</span>
    </div>
    <p class="attribution" part="attribution">
      ${msg('Map data:', { id: 'event-map.attribution' })}
      ${attribution.map((a) =>
        a.href ? html`<a href=${a.href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">${a.text}</a>` : a.text,
      )}
    </p>`;
}
