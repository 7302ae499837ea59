import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FeedData, TurnoutEvent } from '../../feed/types.js';
import { TurnoutFeedElement } from '../../shared/feed-element.js';
import {
  eventDayKey,
  eventEnd,
  foldText,
  formatDayKey,
  formatEventWhen,
  formatPlace,
  typeLabel,
} from '../../shared/format.js';
import { renderSelect } from '../../shared/filter-select.js';
import { safeUrl, withSource } from '../../shared/links.js';
import { numberFormat } from '../../shared/locale.js';
import { eventCardStyles } from '../../shared/event-card-styles.js';
import { themeStyles } from '../../shared/styles.js';
import { styles } from './event-list.styles.js';

/** An event with what filtering and grouping need, computed once per feed. */
interface Entry {
  event: TurnoutEvent;
  /** The day it starts on in its own zone ("2026-01-31"). */
  day: string;
  /** Online only (no place): listed in the "Online" group after the days. */
  online: boolean;
  /** Title, place, host and tags, folded for search. */
  text: string;
  host: string;
  tags: string[];
  end: number;
  /** Its country differs from the one most of the feed's events are in: name it. */
  abroad: boolean;
}

interface Group {
  /** A day key, or "online". */
  key: string;
  entries: { entry: Entry; index: number }[];
}

type Calendar = typeof import('../../shared/calendar.js');

/**
 * A heading of level 2–6 (a real <hN>, so page outlines and screen readers' heading lists see it). Its direction
 * comes from its text (`dir="auto"`): a feed's Arabic title in an English list reads right to left, and the reverse.
 */
function heading(level: number, cls: string, id: string, content: unknown): TemplateResult {
  switch (level) {
    case 2:
      return html`<h2 class=${cls} part=${cls} id=${id} dir="auto">${content}</h2>`;
    case 3:
      return html`<h3 class=${cls} part=${cls} id=${id} dir="auto">${content}</h3>`;
    case 4:
      return html`<h4 class=${cls} part=${cls} id=${id} dir="auto">${content}</h4>`;
    case 5:
      return html`<h5 class=${cls} part=${cls} id=${id} dir="auto">${content}</h5>`;
    default:
      return html`<h6 class=${cls} part=${cls} id=${id} dir="auto">${content}</h6>`;
  }
}

const ONLINE = 'online';
const prepared = new WeakMap<FeedData, Entry[]>();

function prepare(data: FeedData): Entry[] {
  let entries = prepared.get(data);
  if (entries) return entries;
  const home = mostCommon(data.events.map((e) => e.location.country));
  entries = data.events.map((event) => {
    const place = formatPlace(event.location, { country: true });
    return {
      event,
      day: eventDayKey(event),
      online: event.online && !place,
      text: foldText([event.title, place, event.host ?? '', ...event.tags].join('\n')),
      host: foldText(event.host ?? ''),
      tags: event.tags.map(foldText),
      end: eventEnd(event),
      abroad: event.location.country !== home,
    };
  });
  entries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.event.start - b.event.start));
  prepared.set(data, entries);
  return entries;
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const v of values) {
    if (!v) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (!best || n > counts.get(best)!) best = v;
  }
  return best;
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * Reads a feed from `src` (any format the feed layer knows) or from the `data` / `feed` properties. Times show in
 * each event's own zone. Past events are hidden unless `show-past` is set. At most `page-size` events are in the
 * page at once; a "Show more" button adds the next page.
 *
 * @customElement event-list
 * @summary A list of events grouped by day, with search, type and date filters and "add to calendar" links.
 *
 * @slot empty - Replaces the "No upcoming events yet" text when the feed has no upcoming events (e.g. a link to
 *   start your own gathering).
 *
 * @csspart filters - The search and filter controls.
 * @csspart count - The "Showing N of M events" line.
 * @csspart day - A day's section (heading and list); the "Online" section too.
 * @csspart day-heading - A day's heading.
 * @csspart event - One event's list item.
 * @csspart title - An event's title.
 * @csspart meta - An event's date, place and host.
 * @csspart status - The "Cancelled" / "Full" / "Postponed" badge.
 * @csspart actions - An event's links and buttons (RSVP, add to calendar).
 * @csspart show-more - The "Show more" button.
 * @csspart empty - The message shown when nothing matches.
 *
 * @cssproperty --turnout-accent - Links, buttons and focus rings.
 * @cssproperty --turnout-on-accent - Text on accent-coloured buttons.
 * @cssproperty --turnout-text - Body text.
 * @cssproperty --turnout-muted - Secondary text (place, host, counts).
 * @cssproperty --turnout-surface - Background.
 * @cssproperty --turnout-border - Borders of events and controls.
 * @cssproperty --turnout-font - Font family.
 * @cssproperty --turnout-radius - Corner radius.
 * @cssproperty --turnout-space - Base spacing.
 */
export class EventList extends TurnoutFeedElement {
  static override styles = [themeStyles, TurnoutFeedElement.feedStatusStyles, eventCardStyles, styles];

  // Declared without decorators: Lit's decorator helpers would add ~0.5 KB gzip to the CDN bundle.
  static override properties: PropertyDeclarations = {
    host: {},
    tag: {},
    type: {},
    date: {},
    search: {},
    showPast: { type: Boolean, attribute: 'show-past' },
    source: {},
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    query: { state: true, attribute: false },
    typeFilter: { state: true, attribute: false },
    dateFilter: { state: true, attribute: false },
    limit: { state: true, attribute: false },
    calendarFor: { state: true, attribute: false },
  };

  /** Defines the element under `tag` in `registry`; defining twice (e.g. two bundles on a page) is not an error. */
  static define(tag = 'event-list', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Show only events by this host (case- and accent-insensitive). */
  host = '';
  /** Show only events with this tag. */
  tag = '';
  /** Initial type filter (a type key such as "rally"); the visitor can change it. */
  type = '';
  /** Initial date filter (YYYY-MM-DD, the day in each event's zone); the visitor can change it. */
  date = '';
  /** Initial search text; the visitor can change it. */
  search = '';
  /** Show events that have ended. */
  showPast = false;
  /** Appended to RSVP links for attribution (e.g. `?source=ssa`). */
  source = '';
  /** How many events to show before "Show more". */
  pageSize = 50;
  /** Level of the day headings (2–5); event titles are one level below. */
  headingLevel = 3;

  private query = '';
  private typeFilter = '';
  private dateFilter = '';
  private limit = 0;
  /** Id of the event whose "Add to calendar" choices are open. */
  private calendarFor = '';
  private calendar?: Calendar;
  /** Index of the first event shown by the last "Show more", to move focus to once it is rendered. */
  private focusIndex = -1;

  private get pageStep(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : 50;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('search')) this.query = this.search;
    if (changed.has('type')) this.typeFilter = this.type;
    if (changed.has('date')) this.dateFilter = isDay(this.date) ? this.date : '';
    const filtersChanged = ['search', 'type', 'date', 'host', 'tag', 'showPast', 'pageSize'].some((k) =>
      changed.has(k as keyof EventList),
    );
    if (filtersChanged || this.limit === 0) this.limit = this.pageStep;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusIndex >= 0) {
      const item = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"] article`);
      this.focusIndex = -1;
      item?.focus();
    }
  }

  /** Events in scope: the feed's, less past ones (unless show-past) and those of other hosts or tags. */
  private scoped(entries: Entry[]): Entry[] {
    const now = this.clock.now();
    const host = foldText(this.host.trim());
    const tag = foldText(this.tag.trim());
    return entries.filter(
      (e) => (this.showPast || e.end >= now) && (!host || e.host === host) && (!tag || e.tags.includes(tag)),
    );
  }

  private entryMatches(e: Entry, words: string[]): boolean {
    return (
      (!this.typeFilter || e.event.type === this.typeFilter) &&
      (!this.dateFilter || e.day === this.dateFilter) &&
      words.every((w) => e.text.includes(w))
    );
  }

  private get filtering(): boolean {
    return !!(this.query.trim() || this.typeFilter || this.dateFilter);
  }

  private clearFilters(): void {
    this.query = '';
    this.typeFilter = '';
    this.dateFilter = '';
    this.limit = this.pageStep;
    this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  private setFilter(update: () => void): void {
    update();
    this.limit = this.pageStep;
  }

  private showMore(): void {
    this.focusIndex = this.limit;
    this.limit += this.pageStep;
  }

  private number(n: number): string {
    return numberFormat(this.locale).format(n);
  }

  /** Opens or closes an event's "Add to calendar" choices, loading the calendar code the first time. */
  private async toggleCalendar(id: string): Promise<void> {
    if (this.calendarFor === id) {
      this.calendarFor = '';
      return;
    }
    this.calendar ??= await import('../../shared/calendar.js');
    this.calendarFor = id;
  }

  /** Saves the event as an .ics file made here in the browser. */
  private downloadIcs(event: TurnoutEvent): void {
    const text = this.calendar!.eventToIcs(event, { url: this.rsvpUrl(event), stamp: Date.now() });
    const href = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = href;
    a.download = this.calendar!.icsFilename(event.title);
    a.click();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }

  /** The RSVP link with the `source` attribution; links set by script through `feed` pass the allowlist here too. */
  private rsvpUrl(event: TurnoutEvent): string | undefined {
    const url = safeUrl(event.url);
    return url && withSource(url, this.source);
  }

  override render(): TemplateResult {
    const data = this.feedState.data;
    if (!data) return html`${this.renderFeedStatus()}`;

    const scoped = this.scoped(prepare(data));
    const words = foldText(this.query).split(/\s+/).filter(Boolean);
    const matched = this.filtering ? scoped.filter((e) => this.entryMatches(e, words)) : scoped;

    return html`
      ${this.renderFeedStatus()} ${scoped.length ? this.renderFilters(scoped) : nothing}
      ${scoped.length
        ? html`<p class="count" part="count" role="status" aria-live="polite">
            ${this.countText(matched.length, scoped.length)}
          </p>`
        : nothing}
      ${matched.length ? this.renderGroups(matched) : this.renderEmpty(scoped.length > 0)}
    `;
  }

  private countText(shown: number, total: number): string {
    const n = this.number(shown);
    const m = this.number(total);
    return new Intl.PluralRules(this.locale).select(total) === 'one'
      ? msg(str`Showing ${n} of ${m} event`, { id: 'event-list.count.one' })
      : msg(str`Showing ${n} of ${m} events`, { id: 'event-list.count.other' });
  }

  private renderFilters(scoped: Entry[]): TemplateResult {
    const types = [...new Set(scoped.map((e) => e.event.type).filter((t): t is string => !!t))].sort();
    const days = [...new Set(scoped.map((e) => e.day))].sort();
    return html`
      <form class="filters" part="filters" role="search" @submit=${(e: Event) => e.preventDefault()}>
        <label class="field search">
          <span>${msg('Search', { id: 'event-list.search' })}</span>
          <input
            type="search"
            .value=${this.query}
            placeholder=${msg('Title, place, host or tag', { id: 'event-list.search.placeholder' })}
            @input=${(e: Event) => this.setFilter(() => (this.query = (e.target as HTMLInputElement).value))}
          />
        </label>
        ${renderSelect(
          msg('Type', { id: 'event-list.type' }),
          msg('All types', { id: 'event-list.type.all' }),
          this.typeFilter,
          types,
          typeLabel,
          (v) => this.setFilter(() => (this.typeFilter = v)),
        )}
        ${renderSelect(
          msg('Date', { id: 'event-list.date' }),
          msg('All dates', { id: 'event-list.date.all' }),
          this.dateFilter,
          days,
          (d) => formatDayKey(d, this.locale),
          (v) => this.setFilter(() => (this.dateFilter = v)),
        )}
        <button type="button" class="button secondary clear" @click=${this.clearFilters}>
          ${msg('Clear filters', { id: 'event-list.clear' })}
        </button>
      </form>
    `;
  }

  private renderEmpty(hasEvents: boolean): TemplateResult {
    if (!hasEvents) {
      return html`<div class="empty" part="empty">
        <slot name="empty"><p>${msg('No upcoming events yet.', { id: 'event-list.empty' })}</p></slot>
      </div>`;
    }
    return html`<div class="empty" part="empty">
      <p>
        ${this.showPast
          ? msg('No events match your search.', { id: 'event-list.no-match' })
          : msg('No upcoming events match your search.', { id: 'event-list.no-match-upcoming' })}
      </p>
      <button type="button" class="button" @click=${this.clearFilters}>
        ${msg('Clear filters', { id: 'event-list.clear' })}
      </button>
    </div>`;
  }

  private renderGroups(matched: Entry[]): TemplateResult {
    // Days in order, then the online-only events; numbered in that order so "Show more" continues where it stopped.
    const ordered = [...matched.filter((e) => !e.online), ...matched.filter((e) => e.online)];
    const visible = ordered.slice(0, this.limit);
    const groups: Group[] = [];
    visible.forEach((entry, index) => {
      const key = entry.online ? ONLINE : entry.day;
      const last = groups.at(-1);
      if (last?.key === key) last.entries.push({ entry, index });
      else groups.push({ key, entries: [{ entry, index }] });
    });
    const rest = ordered.length - visible.length;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 3, 2), 5);
    return html`
      ${groups.map((g) => this.renderGroup(g, level))}
      ${rest > 0
        ? html`<button type="button" class="button secondary more" part="show-more" @click=${this.showMore}>
            ${msg(str`Show more (${this.number(rest)} more)`, { id: 'event-list.show-more' })}
          </button>`
        : nothing}
    `;
  }

  private renderGroup(group: Group, level: number): TemplateResult {
    const id = `day-${group.key}`;
    const title = group.key === ONLINE ? msg('Online', { id: 'event-list.online' }) : formatDayKey(group.key, this.locale);
    return html`<section class="day" part="day" aria-labelledby=${id}>
      ${heading(level, 'day-heading', id, title)}
      <ul class="events" role="list">
        ${group.entries.map(({ entry, index }) => this.renderEvent(entry, index, level + 1))}
      </ul>
    </section>`;
  }

  private renderStatus(event: TurnoutEvent): TemplateResult | typeof nothing {
    const label =
      event.status === 'cancelled'
        ? msg('Cancelled', { id: 'event-list.status.cancelled' })
        : event.status === 'postponed'
          ? msg('Postponed', { id: 'event-list.status.postponed' })
          : event.status === 'full'
            ? msg('Full', { id: 'event-list.status.full' })
            : '';
    return label ? html`<span class="status ${event.status}" part="status">${label}</span>` : nothing;
  }

  private renderPlace({ event, abroad }: Entry): TemplateResult | typeof nothing {
    const place = formatPlace(event.location, { country: abroad, locale: this.locale });
    if (!place) return event.online ? html`<p class="where">${msg('Online', { id: 'event-list.online' })}</p>` : nothing;
    const text =
      event.location.precision === 'approximate'
        ? msg(str`Approximate location: ${place}`, { id: 'event-list.approximate' })
        : place;
    return html`<p class="where">
      ${text}${event.online ? html` · ${msg('also online', { id: 'event-list.hybrid' })}` : nothing}
    </p>`;
  }

  private renderCalendar(event: TurnoutEvent, index: number, rsvp: string | undefined): TemplateResult {
    const open = this.calendarFor === event.id && this.calendar;
    const id = `calendar-${index}`;
    return html`<button
        type="button"
        class="link add"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? id : nothing}
        @click=${() => this.toggleCalendar(event.id)}
      >
        ${msg('Add to calendar', { id: 'event-list.calendar' })}<span class="visually-hidden">: ${event.title}</span>
      </button>
      ${open
        ? html`<div class="calendar" id=${id}>
            <button type="button" class="link ics" @click=${() => this.downloadIcs(event)}>
              ${msg('Download .ics file (Apple, Outlook)', { id: 'event-list.ics' })}
            </button>
            <a
              class="google"
              href=${open.googleCalendarUrl(event, { url: rsvp })}
              target="_blank"
              rel="noopener noreferrer"
              referrerpolicy="no-referrer"
              >${msg('Google Calendar', { id: 'event-list.google' })}<span class="visually-hidden">
                ${msg('(opens in a new tab)', { id: 'event-list.new-tab' })}</span
              ></a
            >
          </div>`
        : nothing}`;
  }

  private renderEvent(entry: Entry, index: number, level: number): TemplateResult {
    const { event } = entry;
    const when = formatEventWhen(event, { locale: this.locale });
    const cancelled = event.status === 'cancelled';
    const rsvp = this.rsvpUrl(event);
    const online = safeUrl(event.onlineUrl);
    const newTab = msg('(opens in a new tab)', { id: 'event-list.new-tab' });
    const titleId = `event-${index}`;
    // The feed's name isolated (U+2068…U+2069) in the sentence: "Acme, Inc." keeps its full stop in Arabic.
    const host = event.host && `\u2068${event.host}\u2069`;
    return html`<li class="event ${cancelled ? 'cancelled' : ''}" part="event" data-index=${index}>
      <article tabindex="-1" aria-labelledby=${titleId}>
        ${heading(level, 'title', titleId, html`<span class="title-text">${event.title}</span> ${this.renderStatus(event)}`)}
        <div class="meta" part="meta">
          <p class="when">
            <time datetime=${when.datetime}
              >${msg(str`${when.date}, ${when.time}`, { id: 'event-list.when', desc: 'Date, then time or time range' })}${when.zone
                ? ` ${when.zone}`
                : ''}</time
            >
          </p>
          ${this.renderPlace(entry)}
          ${host ? html`<p class="host">${msg(str`Hosted by ${host}`, { id: 'event-list.host' })}</p>` : nothing}
        </div>
        <div class="actions" part="actions">
          ${rsvp
            ? html`<a
                class="button ${cancelled ? 'secondary' : ''}"
                href=${rsvp}
                target="_blank"
                rel="noopener noreferrer"
                referrerpolicy="no-referrer"
                >${cancelled || event.status === 'full'
                  ? msg('Details', { id: 'event-list.details' })
                  : msg('RSVP', { id: 'event-list.rsvp' })}<span class="visually-hidden">: ${event.title} ${newTab}</span></a
              >`
            : nothing}
          ${online && !cancelled
            ? html`<a href=${online} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
                >${msg('Join online', { id: 'event-list.join' })}<span class="visually-hidden">: ${event.title} ${newTab}</span></a
              >`
            : nothing}
          ${cancelled ? nothing : this.renderCalendar(event, index, rsvp)}
        </div>
      </article>
    </li>`;
  }
}
