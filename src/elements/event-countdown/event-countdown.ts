import { html, nothing, type PropertyDeclarations } from 'lit';
import { dateFormat, msg, numberFormat, str } from '../../shared/locale.js';
import { css, feedPath, WindowElement } from './window-element.js';

export type { TurnoutStateChangeEvent, WindowState } from './window-element.js';

/** `units` values: the units shown, largest first. Anything else is read as dhms. */
export type CountdownUnits = 'dhms' | 'dhm' | 'dh' | 'd';
export type CountdownLayout = 'inline' | 'compact' | 'banner';

const UNITS = [
  ['d', 'day', 864e5],
  ['h', 'hour', 36e5],
  ['m', 'minute', 6e4],
  ['s', 'second', 1e3],
] as const;

// The theme's tokens (see shared/styles.ts), without the rest of the shared theme: this bundle has 8 KB for
// everything, Lit included.
const styles = css`
  :host {
    display: inline-block;
  }
  :host([layout=banner]) {
    display: block;
    text-align: center;
  }
  :host([hide-after][state=after]) {
    display: none;
  }
  [part=digits] {
    font-variant-numeric: tabular-nums;
  }
  [part=when] {
    display: block;
    font-size: 0.9em;
    color: var(--turnout-muted, inherit);
  }
  button {
    margin-inline-start: 0.5em;
    min-block-size: 24px;
  }
  :host([layout=compact]) [part=when] {
    display: none;
  }
  :host([layout=banner]) [part=digits] {
    display: block;
    font-size: 2em;
    font-weight: 700;
  }
`;

/**
 * Counts down to a date and time (`target`, ISO 8601 with an offset) or to a feed's campaign day or event, shows
 * "happening now" between the start and the end, and its "after" content (or nothing, with `hide-after`) once it
 * is over (the `hide-after` attribute hides it then, with CSS). Every countdown on the page runs on one shared timer that fires only when a shown unit changes.
 *
 * A campaign day with a `localDate` is a calendar day that starts at each visitor's own midnight (a shutdown
 * "today" is the visitor's today); a day with only `start`/`end` is the same instant for everyone.
 *
 * When no date can be used, it says why instead (`problem` part, `role="alert"`): a `target` that is not a date, an
 * id the feed does not have, or a feed that failed to load; then the reason comes with a Retry button. A refresh
 * that fails after a good load keeps the dates it had.
 *
 * @customElement event-countdown
 * @summary A countdown to a day of action, with "happening now" and "after" states.
 *
 * @attribute hide-after - After the end, hide the element (CSS: it takes no space) instead of showing "after".
 * @attribute format - Forces the feed's format instead of detecting it: turnout, mobilize, jsonld or csv.
 * @attribute timeout - Milliseconds before loading the feed is given up (default 10000), as for the other elements.
 * @attribute refresh - Reload the feed every this many seconds (default: never; at least 1).
 * @attribute max-bytes - Largest feed accepted, in bytes (default 32 MB).
 *
 * @slot before - Replaces the "… starts in" label before the start.
 * @slot live - Replaces the "… is happening now" text during the window.
 * @slot after - Replaces the "… has ended" text after the end.
 *
 * @csspart countdown - The timer (role="timer").
 * @csspart label - The state's text ("National Shutdown starts in").
 * @csspart digits - The running numbers (hidden from screen readers, which read the sentence instead).
 * @csspart number - A number.
 * @csspart unit - A unit's name.
 * @csspart when - The sentence with the absolute date and time.
 * @csspart pause - The pause / resume button (shown while seconds tick).
 * @csspart problem - The message shown when no date can be used (a bad target, an unknown id, a failed feed).
 * @csspart reason - Inside `problem`: why the feed failed to load.
 * @csspart retry - Inside `problem`: the Retry button, shown when the feed failed to load.
 *
 * @event turnout-state-change - The state changed while on the page: `detail: { state: 'before' | 'live' | 'after' }`.
 *
 * The countdown takes its font, colour and focus ring from the page around it (it sits inside a sentence, a
 * header or a banner); only the date sentence has a token of its own.
 *
 * @cssproperty --turnout-muted - The date sentence.
 */
export class EventCountdown extends WindowElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    layout: { reflect: true },
    units: {},
    label: {},
  };

  /** Defines the element under `tag` in `registry`; defining twice (e.g. two bundles on a page) is not an error. */
  static define(tag = 'event-countdown', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** inline (a line of text), compact (short units, no date sentence) or banner (large numbers). */
  layout: CountdownLayout = 'inline';
  /** The units shown: dhms, dhm, dh or d. Seconds tick only with dhms, and not with reduced motion. */
  units: CountdownUnits = 'dhms';
  /** What is counted down to ("National Shutdown"); default: the campaign day's or event's name. */
  label = '';

  /** The remaining time frozen by the pause button (ms), or undefined while running. */
  #paused?: number;

  /** The units shown, largest first; reduced motion drops the seconds. */
  private get shown() {
    const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const units = UNITS.filter(([k]) => (this.units || 'dhms').includes(k) && !(calm && k === 's'));
    return units[0] ? units : UNITS;
  }

  protected override untilRedraw(time: number): number {
    const change = super.untilRedraw(time);
    const left = this.window ? this.window.start - time : 0;
    if (this.#paused !== undefined || left <= 0) return change;
    // The numbers show the time left rounded up to the smallest unit: they change when it crosses a multiple.
    return Math.min(change, ((left - 1) % this.shown.at(-1)![2]) + 1);
  }

  override render() {
    if (this.problem) return html`<div part="problem" role="alert">${this.problem}</div>`;
    const w = this.window;
    const state = this.state;
    if (!w || !state) return nothing;
    const name = this.label || w.name || msg('The event');
    const units = this.shown;
    const step = units.at(-1)![2];
    // Time left, rounded up to the smallest unit shown; leading units that are zero are left out.
    let rest = Math.ceil((this.#paused ?? w.start - this.clock.now()) / step) * step;
    let shown = false;
    const digits = units.map(([, unit, size]) => {
      const n = Math.floor(rest / size);
      rest -= n * size;
      return (shown ||= n > 0 || size === step) ? [' ', this.#part(unit, n)] : '';
    });
    // role="timer" is aria-live="off" by default: screen readers are not interrupted by the ticking. The pause
    // button needs no type: inside a shadow root it belongs to no form.
    return html`<div part="countdown" role="timer">
      <slot name=${state}><span part="label">${state === 'before'
        ? msg(str`${name} starts in`)
        : state === 'live'
          ? msg(str`${name} is happening now`)
          : msg(str`${name} has ended`)}</span></slot>
      ${state === 'before'
        ? html`<span part="digits" aria-hidden="true">${digits}</span>
            ${step < 6e4
              ? html`<button part="pause" @click=${this.#togglePause}>${this.#paused === undefined
                  ? msg('Pause countdown')
                  : msg('Resume countdown')}</button>`
              : nothing}`
        : nothing}
      <span part="when">${this.#sentence(name)}</span>
    </div>`;
  }

  /** One unit: "6 hours" (long) or "6h" (compact), as Intl writes it in the locale. */
  #part(unit: string, n: number) {
    return numberFormat(this.locale, {
      style: 'unit',
      unit,
      unitDisplay: this.layout === 'compact' ? 'narrow' : 'long',
    })
      .formatToParts(n)
      .map((p) =>
        p.type === 'literal' ? p.value : html`<span part=${p.type === 'unit' ? 'unit' : 'number'}>${p.value}</span>`,
      );
  }

  /** The absolute date and time, in the organizers' zone and, when the visitor's differs, in theirs too. */
  #sentence(name: string): string {
    const w = this.window!;
    const at = (timeZone?: string, timeStyle?: 'long') =>
      dateFormat(this.locale, { timeZone, dateStyle: 'full', timeStyle }).format(w.start);
    // Only a feed's campaign day is a local day, and then the feed path is loaded: its text lives there.
    if (w.localDate) return feedPath()!.localDay(name, at());
    const theirs = at(w.timeZone, 'long');
    const yours = at(undefined, 'long');
    return yours === theirs
      ? msg(str`${name} starts ${theirs}.`)
      : msg(str`${name} starts ${theirs} (${yours} where you are).`);
  }

  #togglePause = () => {
    this.#paused = this.#paused === undefined ? this.window!.start - this.clock.now() : undefined;
    this.requestUpdate();
  };
}
