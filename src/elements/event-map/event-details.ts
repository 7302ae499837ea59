/**
 * An event's details panel in <event-map> (when, where, host, description, RSVP, join online, add to calendar),
 * loaded the first time a visitor chooses an event: most visits only look at the map and the list.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { TurnoutEvent } from '../../feed/types.js';
import { eventToIcs, googleCalendarUrl, icsFilename } from '../../shared/calendar.js';
import { formatEventWhen, typeLabel } from '../../shared/format.js';

export interface DetailsOptions {
  /** The panel's id (the title button's aria-controls). */
  id: string;
  locale?: string;
  /** The RSVP link, already through the allowlist and with the `source` attribution. */
  rsvp?: string;
  /** The join-online link, already through the allowlist. */
  online?: string;
  /** The place as one line ("Approximate location: …" for private addresses). */
  place: string;
  approximate: boolean;
  calendarOpen: boolean;
  toggleCalendar(): void;
}

/** Saves the event as an .ics file made here in the browser. */
function downloadIcs(event: TurnoutEvent, url: string | undefined): void {
  const text = eventToIcs(event, { url, stamp: Date.now() });
  const href = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = icsFilename(event.title);
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

function renderCalendar(event: TurnoutEvent, o: DetailsOptions): TemplateResult {
  const id = `${o.id}-calendar`;
  return html`<button
      type="button"
      class="link"
      aria-expanded=${o.calendarOpen ? 'true' : 'false'}
      aria-controls=${o.calendarOpen ? id : nothing}
      @click=${o.toggleCalendar}
    >
      ${msg('Add to calendar', { id: 'event-map.calendar' })}<span class="visually-hidden">: ${event.title}</span>
    </button>
    ${o.calendarOpen
      ? html`<div class="calendar" id=${id}>
          <button type="button" class="link" @click=${() => downloadIcs(event, o.rsvp)}>
            ${msg('Download .ics file (Apple, Outlook)', { id: 'event-map.ics' })}
          </button>
          <a href=${googleCalendarUrl(event, { url: o.rsvp })} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
            >${msg('Google Calendar', { id: 'event-map.google' })}<span class="visually-hidden">
              ${msg('(opens in a new tab)', { id: 'event-map.new-tab' })}</span
            ></a
          >
        </div>`
      : nothing}`;
}

export function renderDetails(event: TurnoutEvent, o: DetailsOptions): TemplateResult {
  const when = formatEventWhen(event, { locale: o.locale });
  const cancelled = event.status === 'cancelled';
  const newTab = msg('(opens in a new tab)', { id: 'event-map.new-tab' });
  const description = event.description.length > 600 ? `${event.description.slice(0, 600).trimEnd()}…` : event.description;
  return html`<div class="details" part="details" id=${o.id}>
    <dl>
      <dt>${msg('When', { id: 'event-map.when' })}</dt>
      <dd>${when.date}, ${when.time} ${when.zone ?? ''}</dd>
      ${o.place ? html`<dt>${msg('Where', { id: 'event-map.mode' })}</dt><dd>${o.place}</dd>` : nothing}
      ${o.approximate
        ? html`<dt class="visually-hidden">${msg('Note', { id: 'event-map.note' })}</dt>
            <dd>${msg('The exact address is shared by the host after you RSVP.', { id: 'event-map.private-note' })}</dd>`
        : nothing}
      ${event.host ? html`<dt>${msg('Host', { id: 'event-map.host' })}</dt><dd>${event.host}</dd>` : nothing}
      ${event.type ? html`<dt>${msg('Type', { id: 'event-map.type' })}</dt><dd>${typeLabel(event.type)}</dd>` : nothing}
      ${event.accessibility ? html`<dt>${msg('Access', { id: 'event-map.access' })}</dt><dd>${event.accessibility}</dd>` : nothing}
    </dl>
    ${description ? html`<p class="description">${description}</p>` : nothing}
    <div class="actions">
      ${o.rsvp
        ? html`<a class="button" href=${o.rsvp} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
            >${cancelled || event.status === 'full' ? msg('Details', { id: 'event-map.details' }) : msg('RSVP', { id: 'event-map.rsvp' })}<span
              class="visually-hidden"
              >: ${event.title} ${newTab}</span
            ></a
          >`
        : nothing}
      ${o.online && !cancelled
        ? html`<a href=${o.online} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
            >${msg('Join online', { id: 'event-map.join' })}<span class="visually-hidden">: ${event.title} ${newTab}</span></a
          >`
        : nothing}
      ${cancelled ? nothing : renderCalendar(event, o)}
    </div>
  </div>`;
}
