/**
 * The filters' row of <event-map> (day, type, tag, in person / online, and "Clear filters"): the choices a feed's
 * events offer and their selects. Part of the lazy prepare chunk (see prepare.ts): the row exists only once every
 * event is in, which is when that chunk has prepared them, so the entry bundle does not carry it.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { renderSelect } from '../../shared/filter-select.js';
import { formatDayKey, typeLabel } from '../../shared/format.js';
import type { Entry } from './prepare.js';

export type Filter = 'day' | 'type' | 'tag' | 'mode';

/** What the row reads of the element, and how it sets a filter ('' for all; every one at once with `clear`). */
export interface FilterHost {
  locale?: string;
  filters: Record<Filter, string>;
  set(filter: Filter | 'clear', value: string): void;
}

/** The choices the filters offer, per list of events in scope. */
const options = new WeakMap<
  Entry[],
  { types: string[]; days: string[]; tags: string[]; tagNames: Map<string, string>; hasOnline: boolean; hasInPerson: boolean }
>();

/** The row, or nothing when the events leave nothing to choose (one day, one type...) and no filter is on. */
export function renderFilterRow(host: FilterHost, scoped: Entry[], active: boolean): TemplateResult | typeof nothing {
  let o = options.get(scoped);
  if (!o) {
    // One pass over what may be 100k events.
    const types = new Set<string>();
    const days = new Set<string>();
    const tagNames = new Map<string, string>();
    let hasOnline = false;
    let hasInPerson = false;
    for (const e of scoped) {
      if (e.event.type) types.add(e.event.type);
      days.add(e.day);
      for (let i = 0; i < e.tags.length; i++) if (!tagNames.has(e.tags[i])) tagNames.set(e.tags[i], e.event.tags[i]);
      hasOnline ||= e.event.online;
      hasInPerson ||= !e.online;
    }
    o = { types: [...types].sort(), days: [...days].sort(), tags: [...tagNames.keys()].sort(), tagNames, hasOnline, hasInPerson };
    options.set(scoped, o);
  }
  const { tagNames, hasOnline, hasInPerson } = o;
  const select = (filter: Filter, label: string, all: string, values: string[], text: (value: string) => string) =>
    renderSelect(label, all, host.filters[filter], [...values], text, (v) => host.set(filter, v));
  const selects = [
    select('day', msg('Day', { id: 'event-map.day' }), msg('All days', { id: 'event-map.day.all' }), o.days, (d) => formatDayKey(d, host.locale)),
    select('type', msg('Type', { id: 'event-map.type' }), msg('All types', { id: 'event-map.type.all' }), o.types, typeLabel),
    select('tag', msg('Tag', { id: 'event-map.tag' }), msg('All tags', { id: 'event-map.tag.all' }), o.tags, (t) => tagNames.get(t) ?? t),
    hasOnline && hasInPerson
      ? select('mode', msg('Where', { id: 'event-map.mode' }), msg('In person and online', { id: 'event-map.mode.all' }), ['in-person', 'online'], (m) =>
          m === 'online' ? msg('Online', { id: 'event-map.online' }) : msg('In person', { id: 'event-map.in-person' }),
        )
      : nothing,
  ];
  if (!active && selects.every((s) => s === nothing)) return nothing;
  return html`<div class="row">
    ${selects}
    ${active
      ? html`<button type="button" class="button secondary" @click=${() => host.set('clear', '')}>
          ${msg('Clear filters', { id: 'event-map.clear' })}
        </button>`
      : nothing}
  </div>`;
}
