/**
 * WindowElement: the base of <event-countdown> and <action-banner>. It knows one time window (from `target` and
 * `end`, or from a feed's campaign day or event), says whether the clock is before, in or after it, exposes that
 * as a custom state (`:state(before)`, `:state(live)`, `:state(after)`) and as the reflected `state` attribute,
 * and fires `turnout-state-change` when it changes. Redraws come from the page's one shared ticker (ticker.ts).
 * The feed layer is imported only when `src`, `data` or `feed` is used, so a `target`-only element stays small.
 */
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { FeedData, FeedFormat } from '../../feed/types.js';
import type { TimeWindow } from '../../shared/campaign.js';
import { CLOCK_CHANGE_EVENT, ElementClock, parseInstant } from '../../shared/clock.js';
import { localeOf, msg, track } from '../../shared/locale.js';
import { schedule, subscribe, unsubscribe, type TickSubscriber } from '../../shared/ticker.js';

export type WindowState = 'before' | 'live' | 'after';

/**
 * A constructed style sheet from a plain css`` template (no interpolations), for `static styles`. Lit's own css tag
 * checks interpolated values, and its error text alone costs these 8 KB bundles ~0.1 KB; a CSSStyleSheet is what
 * Lit adopts anyway. The build minifies the template like Lit's (vite.config.ts matches the tag name).
 */
export const css = (text: TemplateStringsArray): CSSStyleSheet => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text[0]!);
  return sheet;
};

/** The `turnout-state-change` event: fired when the state changes while the element is on the page. */
export type TurnoutStateChangeEvent = CustomEvent<{ state: WindowState }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'turnout-state-change': TurnoutStateChangeEvent;
  }
}

type Later = typeof import('./feed-window.js');
/** The parts needed only sometimes (the feed path, the message for a bad date); null if they failed to load. */
let later: Later | null | undefined;
let loading: Promise<unknown> | undefined;
/** The feed path's module, once loaded (for the parts of a window only a feed gives, such as a local day). */
export const feedPath = (): Later | null | undefined => later;

export abstract class WindowElement extends LitElement implements TickSubscriber {
  static override properties: PropertyDeclarations = {
    target: {},
    end: {},
    campaign: {},
    event: {},
    src: {},
    timeZone: { attribute: 'time-zone' },
    now: {},
    data: { attribute: false },
    feed: { attribute: false },
    state: { reflect: true },
  };

  /** Start instant: ISO 8601 with an offset (`2026-01-30T00:00:00-05:00`). Wins over the feed. */
  target?: string;
  /** End instant (ISO 8601 with an offset): between `target` and `end` the state is `live`. */
  end?: string;
  /** Id of the feed's campaign day to use; without it, the current or next day. */
  campaign?: string;
  /** Id of a feed event to use (its start and end) instead of a campaign day. */
  event?: string;
  /** Feed URL (any supported format). */
  src?: string;
  /** IANA zone the target's date is written in (and for feed times given without one). */
  timeZone?: string;
  /** This element's "now" (ISO 8601 instant with offset), overriding the page's clock. */
  now?: string;
  /** Raw feed content set by script (any supported format). */
  data?: unknown;
  /** Normalized feed data set by script. */
  feed?: FeedData;
  // The feed options below are read by the feed path (feed-window.ts), which loads with the first feed: they are
  // not declared as Lit properties, so a `target`-only bundle carries nothing for them.
  /** Forces a feed format instead of detecting it: turnout, mobilize, jsonld or csv. Attribute `format`. */
  format?: FeedFormat;
  /** Milliseconds before loading the feed is given up (default 10 000). Attribute `timeout`. */
  timeout?: number;
  /** Reload the feed every this many seconds (0: never; at least 1); a failed reload keeps the last good dates. */
  refresh?: number;
  /** Largest feed accepted, in bytes (default 32 MB). Attribute `max-bytes`. */
  maxBytes?: number;
  /** The current state: before, live or after (reflected, for browsers without `:state()`). Read-only. */
  state?: WindowState;

  protected readonly clock = new ElementClock();
  /** The window in force, when known. */
  protected window?: TimeWindow;
  /**
   * What a person reads when no window can be found: a message (bad attribute, unknown id), or for a feed that
   * failed to load, its reason and a Retry button (a template from the feed path). Rendered by the subclass.
   */
  protected problem?: unknown;
  /** The language to format in (Intl), resolved before each render (see shared/locale.ts); `dir` follows it. */
  protected locale?: string;

  #internals = this.attachInternals();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener(CLOCK_CHANGE_EVENT, this.tick);
    subscribe(this);
    track(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener(CLOCK_CHANGE_EVENT, this.tick);
    unsubscribe(this);
    track(this, false);
  }

  /** A state forced whatever the clock says (the banner's `preview`). */
  protected get forced(): WindowState | undefined {
    return undefined;
  }

  /**
   * Milliseconds from page-clock `time` until the display needs redrawing: here, the next state change (Infinity
   * when none); a running countdown shortens it.
   */
  protected untilRedraw(time: number): number {
    const w = this.window;
    return !w || this.forced ? Infinity : (time < w.start ? w.start : w.end! > time ? w.end! : Infinity) - time;
  }

  /** TickSubscriber: the real-clock time of the next redraw. */
  due(): number {
    return Date.now() + this.untilRedraw(this.clock.now());
  }

  /** TickSubscriber (and the page clock's change event): redraw from the clock. */
  tick = () => this.requestUpdate();

  // In update(), not willUpdate(): controllers (the feed) update between the two, and a feed given as a property
  // is ready at once.
  protected override update(changed: PropertyValues<this>): void {
    // An unusable `now` is ignored (the page's clock is used); the clock reads only a changed value.
    this.clock.set(this.now);
    this.locale = localeOf(this);
    this.#resolve();
    const w = this.window;
    const time = this.clock.now();
    // (`time >= undefined` is false: a window without an end stays live.)
    const next: WindowState | undefined =
      this.forced ?? (w && (time < w.start ? 'before' : time >= w.end! ? 'after' : 'live'));
    const previous = this.state;
    if (next !== previous) {
      this.state = next;
      try {
        const states = this.#internals.states;
        states.clear();
        if (next) states.add(next);
      } catch {
        // No CustomStateSet: the attribute is the fallback.
      }
      // After this update, so that listeners see the new content.
      if (previous && next) {
        this.updateComplete.then(() =>
          this.dispatchEvent(new CustomEvent('turnout-state-change', { detail: { state: next }, bubbles: true, composed: true })),
        );
      }
    }
    this.resolved();
    super.update(changed);
  }

  /** Called once the window and the state are known, before rendering. */
  protected resolved(): void {}

  protected override updated(): void {
    schedule();
  }

  /** Finds the window: the attributes first, else the feed. */
  #resolve(): void {
    this.problem = this.window = undefined;
    const start = parseInstant(this.target);
    const end = parseInstant(this.end);
    // The first attribute given that is not an instant (an empty one is not given).
    const bad = (isNaN(start) && this.target) || (isNaN(end) && this.end);
    if (!bad && this.target) {
      this.window = { start, end: end > start ? end : undefined, timeZone: this.timeZone };
    } else if (bad || this.src || this.data || this.feed) {
      if (later) later.resolve(this as never, bad);
      else if (later === null) this.problem = msg('The date could not be loaded.');
      else {
        (loading ??= import('./feed-window.js').then(
          (m) => (later = m),
          () => (later = null),
        )).then(() => this.requestUpdate());
      }
    }
  }
}
