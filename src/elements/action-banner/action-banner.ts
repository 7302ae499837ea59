import { html, nothing, type PropertyDeclarations } from 'lit';
import { safeUrl, withSource } from '../../shared/links.js';
import { dateFormat, msg, str } from '../../shared/locale.js';
import { css, WindowElement, type WindowState } from '../event-countdown/window-element.js';

export type { TurnoutStateChangeEvent, WindowState } from '../event-countdown/window-element.js';

/** Prefix of the storage keys; the full key is `turnout-banner:<campaign>:<bar|takeover>`. */
export const STORAGE_PREFIX = 'turnout-banner:';

/** "P7D", "PT12H", "P1W" (ISO 8601 durations in weeks, days, hours, minutes) or a number of days, in ms. */
export function parseDuration(value: string | null | undefined): number {
  const v = value?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 864e5;
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/i.exec(v);
  if (!m || v.length < 3 || /T$/i.test(v)) return 0;
  return ((+(m[1] ?? 0) * 7 + +(m[2] ?? 0)) * 24 + +(m[3] ?? 0)) * 36e5 + +(m[4] ?? 0) * 6e4;
}

const styles = css`
  :host {
    display: block;
    font-family: var(--turnout-font, system-ui, sans-serif);
  }
  :host([state='after']),
  :host([dismissed]) {
    display: none;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.5em 1em;
    padding: 0.5em 1em;
    background: var(--turnout-banner-background, #1b1d22);
    color: var(--turnout-banner-text, #ffffff);
    border-block-end: 3px solid var(--turnout-banner-accent, #f2c94c);
  }
  :host([position='bottom']) .bar {
    border-block: 3px solid var(--turnout-banner-accent, #f2c94c) 0;
  }
  .bar a {
    color: inherit;
    font-weight: 700;
  }
  button,
  .button {
    font: inherit;
    min-block-size: 24px;
    min-inline-size: 24px;
    border-radius: var(--turnout-radius, 0.5rem);
    border: 1px solid;
    cursor: pointer;
    background: none;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--turnout-banner-accent, #f2c94c);
    outline-offset: 2px;
  }
  dialog {
    inline-size: min(36rem, 100% - 2rem);
    padding: 2rem;
    border: 0;
    border-radius: var(--turnout-radius, 0.5rem);
    background: var(--turnout-surface, #ffffff);
    color: var(--turnout-text, #1b1d22);
    text-align: center;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.85);
  }
  h2 {
    margin-block-start: 0;
    font-size: 1.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 1rem;
  }
  .button {
    display: inline-block;
    padding: 0.5em 1em;
    font-weight: 700;
    text-decoration: none;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.25em 1em;
    padding: 0.25em 1em;
    font-size: 0.875em;
    background: var(--turnout-surface, #ffffff);
    color: var(--turnout-text, #1b1d22);
    border: 0 solid var(--turnout-border, #7b7f8a);
    border-block-end-width: 1px;
  }
  :host([position='bottom']) .notice {
    border-block-width: 1px 0;
  }
  .notice button {
    padding-inline: 0.75em;
  }
  .notice :focus-visible {
    outline-color: currentColor;
  }
  @media (prefers-color-scheme: dark) {
    .notice {
      background: var(--turnout-surface, #17191e);
      color: var(--turnout-text, #eef0f4);
      border-color: var(--turnout-border, #80858f);
    }
  }
  .primary {
    background: var(--turnout-accent, #1f5fbf);
    border-color: var(--turnout-accent, #1f5fbf);
    color: var(--turnout-on-accent, #ffffff);
  }
`;

/**
 * A bar that announces a day of action before and on the day, or on the day a full-page overlay ("Today we are on
 * strike"), and nothing at all after it. The dates come from a feed's campaign day (`src` + `campaign`) or from
 * `target` / `end`. The bar sits in the page's flow where the element is placed (put it first, or last, in
 * <body>): it takes its own space and never covers the page. `preview` forces a state to see it before the day.
 *
 * Dismissal: the bar's lasts for the page view (nothing stored). The overlay's is remembered for the browsing
 * session in sessionStorage (`turnout-banner:<campaign>:takeover` = "1"), unless `no-remember`. With
 * `remember-dismiss` either is remembered in localStorage for that long (`turnout-banner:<campaign>:<bar|takeover>`
 * = the time it expires, epoch ms), where `<campaign>` is the `campaign` attribute, else `event`, else `target`.
 *
 * With no date to go by (a feed that failed to load, an unusable `target`, an id the feed does not have), a banner
 * with its own `message` shows the bar with it (no countdown, no overlay); one without shows a slim notice in the
 * bar's place that says why (`notice` part, `role="status"`), with a Retry button when the feed failed. It is
 * never left blank by a failure, and a refresh that fails after a good load keeps the dates it had.
 *
 * @customElement action-banner
 * @summary A "day of action" bar, or a full-page overlay on the day; nothing after it.
 *
 * @attribute format - Forces the feed's format instead of detecting it: turnout, mobilize, jsonld or csv.
 * @attribute timeout - Milliseconds before loading the feed is given up (default 10000), as for the other elements.
 * @attribute refresh - Reload the feed every this many seconds (default: never; at least 1).
 * @attribute max-bytes - Largest feed accepted, in bytes (default 32 MB).
 *
 * @slot message - Replaces the bar's text (and the overlay's paragraph).
 * @slot cta - Replaces the call-to-action link.
 *
 * @csspart bar - The bar.
 * @csspart message - The bar's text.
 * @csspart cta - The call-to-action link (bar and overlay).
 * @csspart dismiss - The bar's dismiss button.
 * @csspart takeover - The overlay (a modal <dialog>).
 * @csspart continue - The overlay's "Continue to site" button.
 * @csspart notice - The slim notice shown instead of the bar when no date can be used.
 * @csspart reason - Inside `notice`: why the feed failed to load.
 * @csspart retry - Inside `notice`: the Retry button, shown when the feed failed to load.
 *
 * @event turnout-state-change - The state changed while on the page: `detail: { state: 'before' | 'live' | 'after' }`.
 * @event turnout-dismiss - The visitor dismissed the bar or the overlay: `detail: { kind: 'bar' | 'takeover' }`.
 *
 * @cssproperty --turnout-banner-background - The bar's background (default near black).
 * @cssproperty --turnout-banner-text - The bar's text (default white).
 * @cssproperty --turnout-banner-accent - The bar's edge and focus rings (default yellow).
 * @cssproperty --turnout-accent - The overlay's main button.
 * @cssproperty --turnout-on-accent - Text on that button.
 * @cssproperty --turnout-surface - The overlay's background.
 * @cssproperty --turnout-text - The overlay's text.
 * @cssproperty --turnout-font - Font family.
 * @cssproperty --turnout-radius - Corners.
 */
export class ActionBanner extends WindowElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    position: { reflect: true },
    mode: {},
    preview: {},
    message: {},
    href: {},
    ctaLabel: { attribute: 'cta-label' },
    source: {},
    noRemember: { type: Boolean, attribute: 'no-remember' },
    rememberDismiss: { attribute: 'remember-dismiss' },
    countdown: { type: Boolean },
    dismissed: { type: Boolean, reflect: true },
  };

  /** Defines the element under `tag` in `registry`; defining twice (e.g. two bundles on a page) is not an error. */
  static define(tag = 'action-banner', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Where the element is placed: top (default) or bottom of the page; the bar's edge faces the content. */
  position: 'top' | 'bottom' = 'top';
  /** bar (default), or takeover: a full-page overlay on the day (the bar before it). */
  mode: 'bar' | 'takeover' = 'bar';
  /** Forces a state whatever the date: before, live or after. */
  preview?: WindowState;
  /** The bar's text (default: the day's name and date). */
  message = '';
  /** Call-to-action link (default: the campaign day's link). https:, mailto: or same-site links only. */
  href = '';
  /** The link's text (default "Learn more", or "Learn why" in the overlay). */
  ctaLabel = '';
  /** Added to the link as `?source=…` for attribution. */
  source = '';
  /** Do not remember the overlay's dismissal for the session (it comes back on every page). */
  noRemember = false;
  /** Remember a dismissal in localStorage for this long: an ISO 8601 duration ("P7D") or a number of days. */
  rememberDismiss = '';
  /** Show a countdown in the bar before the day. */
  countdown = false;
  /** True once the visitor dismissed what is shown (reflected: the element is then hidden). */
  dismissed = false;

  #returnFocus?: HTMLElement | null;
  #lastKind?: string;

  protected override get forced(): WindowState | undefined {
    return this.preview && /^(before|live|after)$/.test(this.preview) ? this.preview : undefined;
  }

  /**
   * What is shown in the current state: the bar, the overlay, or nothing. With no date to go by (a feed that
   * failed, a bad date, an id not in the feed), the bar with the embedder's own `message`, else nothing (the
   * notice saying why is shown instead).
   */
  get #kind(): 'bar' | 'takeover' | undefined {
    const s = this.state;
    return this.problem
      ? this.message
        ? 'bar'
        : undefined
      : s === 'before' || (s === 'live' && this.mode !== 'takeover')
        ? 'bar'
        : s === 'live'
          ? 'takeover'
          : undefined;
  }

  get #key(): string {
    return `${STORAGE_PREFIX}${this.campaign || this.event || this.target || 'campaign'}:${this.#kind}`;
  }

  protected override resolved(): void {
    const kind = this.#kind;
    if (kind !== this.#lastKind) {
      // A new thing to show (the day came, or the page loaded): dismissed only if remembered.
      this.#lastKind = kind;
      this.dismissed = !!kind && this.#remembered();
    }
  }

  #remembered(): boolean {
    try {
      const until = Number(localStorage.getItem(this.#key));
      if (until > Date.now()) return true;
      if (until) localStorage.removeItem(this.#key);
      return this.#kind === 'takeover' && sessionStorage.getItem(this.#key) === '1';
    } catch {
      return false;
    }
  }

  #dismiss(): void {
    const kind = this.#kind!;
    this.dismissed = true;
    if (kind === 'takeover') {
      this.renderRoot.querySelector('dialog')?.close();
      this.#returnFocus?.focus();
    }
    const keep = parseDuration(this.rememberDismiss);
    try {
      if (keep) localStorage.setItem(this.#key, String(Date.now() + keep));
      else if (kind === 'takeover' && !this.noRemember) sessionStorage.setItem(this.#key, '1');
    } catch {
      // Storage blocked: the dismissal lasts for this page view.
    }
    this.dispatchEvent(new CustomEvent('turnout-dismiss', { detail: { kind }, bubbles: true, composed: true }));
  }

  override render() {
    const w = this.window;
    const kind = this.#kind;
    // No date and no message of the embedder's own: a slim notice in the bar's place says why (with Retry when
    // the feed failed to load), rather than a blank space or an alarming error bar.
    if (!kind) return this.problem ? html`<div class="notice" part="notice" role="status">${this.problem}</div>` : nothing;
    if (this.dismissed) return nothing;
    const name = w?.name || msg('The day of action');
    // The day's link passes the allowlist here too: a `feed` set by script has not been through the feed layer.
    const url = safeUrl(this.href, location.href) ?? safeUrl(w?.url);
    const cta = (label: string, cls = '') =>
      url
        ? html`<slot name="cta"
            ><a
              class=${cls}
              part="cta"
              href=${withSource(url, this.source)}
              rel="noopener noreferrer"
              referrerpolicy="no-referrer"
              >${this.ctaLabel || label}</a
            ></slot
          >`
        : html`<slot name="cta"></slot>`;
    const text = this.message || this.#text(name);
    if (kind === 'takeover') {
      return html`<dialog part="takeover" aria-labelledby="h" @cancel=${this.#close} @keydown=${this.#trap}>
        <h2 id="h">${msg('Today we are on strike')}</h2>
        <p><slot name="message">${text}</slot></p>
        <div class="actions">
          ${cta(msg('Learn why'), 'button primary')}
          <button type="button" class="button" part="continue" @click=${this.#close}>
            ${msg('Continue to site')}
          </button>
        </div>
      </dialog>`;
    }
    return html`<div class="bar" part="bar" role="region" aria-label=${msg('Announcement')}>
      <span part="message"><slot name="message">${text}</slot></span>
      ${this.countdown && this.state === 'before' && w
        ? html`<event-countdown
            layout="compact"
            units="dhm"
            label=${name}
            target=${new Date(w.start).toISOString()}
            now=${this.now ?? ''}
          ></event-countdown>`
        : nothing}
      ${cta(msg('Learn more'))}
      <button type="button" part="dismiss" aria-label=${msg('Dismiss')} @click=${this.#dismiss}>✕</button>
    </div>`;
  }

  /** "National Shutdown: Friday, January 30, 2026" before; "Today: National Shutdown" on the day. */
  #text(name: string): string {
    const w = this.window;
    if (this.state === 'live') return msg(str`Today: ${name}.`);
    if (!w) return name;
    const date = dateFormat(this.locale, {
      dateStyle: 'full',
      timeZone: w.localDate ? undefined : w.timeZone,
    }).format(w.start);
    return msg(str`${name}: ${date}.`);
  }

  override updated(): void {
    super.updated();
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      this.#returnFocus = active as HTMLElement | null;
      dialog.showModal();
      // Focus starts inside (the browser picks the first control; if a slotted link was first, it may not).
      if (!this.renderRoot.querySelector(':focus')) this.#focusables()[0]?.focus();
    }
    if (this.countdown && this.state === 'before' && !customElements.get('event-countdown')) {
      void import('../event-countdown/event-countdown.define.js');
    }
  }

  /** The overlay's controls in order: the call to action (ours or the embedder's slotted one) and "Continue". */
  #focusables(): HTMLElement[] {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="cta"]');
    const assigned = (slot?.assignedElements({ flatten: true }) ?? []) as HTMLElement[];
    return [...(assigned.length ? assigned : slot ? [...slot.children] : []), ...this.renderRoot.querySelectorAll('button')] as HTMLElement[];
  }

  /** Tab and Shift+Tab go round the overlay's controls instead of leaving it. */
  #trap = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const items = this.#focusables();
    const target = e.composedPath()[0];
    const edge = e.shiftKey ? items[0] : items[items.length - 1];
    if (target === edge || !items.includes(target as HTMLElement)) {
      e.preventDefault();
      (e.shiftKey ? items[items.length - 1] : items[0])?.focus();
    }
  };

  /** "Continue to site" and Escape: dismiss (the dialog closes and focus goes back where it was). */
  #close = (e: Event) => {
    e.preventDefault();
    this.#dismiss();
  };
}
