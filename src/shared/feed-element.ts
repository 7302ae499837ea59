/**
 * TurnoutFeedElement: the base class of every element that shows a feed. It declares the feed attributes, owns
 * the feed controller and the element's clock, re-renders when the page's reference time changes, and renders
 * the feed's status (loading, errors a person understands, stale data, skipped records). It defines no tag.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FeedData, FeedFormat, SkippedRecord } from '../feed/types.js';
import { CLOCK_CHANGE_EVENT, ElementClock } from './clock.js';
import { FeedController } from './feed-controller.js';
import { feedStatusStyles } from './feed-status-styles.js';
import { loadingMessage, retryLabel, unavailableMessage } from './feed-messages.js';
import { localeOf, localeReady, track } from './locale.js';
import { useOurTranslations } from './locale-lit.js';

type Notices = typeof import('./feed-notices.js');
/** The notices needed only sometimes (errors, stale data, skipped records): null when they could not be loaded. */
let notices: Notices | null | undefined;
let noticesLoading: Promise<unknown> | undefined;

export {
  FeedController,
  TurnoutFeedErrorEvent,
  TurnoutFeedLoadEvent,
  type FeedErrorDetail,
  type FeedLoadDetail,
  type FeedStatus,
} from './feed-controller.js';

/**
 * @event turnout-feed-load - The feed loaded (also after each refresh). `detail: { url, events, skipped }`.
 * @event turnout-feed-error - The feed failed to load. `detail: { url, code, message }`.
 * @csspart feed-status - The live region with loading, error and stale messages.
 * @csspart feed-retry - The Retry button shown with an error.
 * @csspart feed-skipped - The notice of entries that could not be shown, with their reasons.
 * @csspart feed-truncated - The notice that a paged feed was read only up to the page cap.
 */
export abstract class TurnoutFeedElement extends LitElement {
  static {
    // @lit/localize's msg(), which the feed elements use, serves our translations.
    useOurTranslations();
  }

  /**
   * Styles for renderFeedStatus(); subclasses add them after the theme:
   * `static styles = [themeStyles, TurnoutFeedElement.feedStatusStyles, ...]` (Retry is a theme `.button.secondary`).
   */
  static feedStatusStyles = feedStatusStyles;

  // Declared without decorators: Lit's decorator helpers would add ~0.5 KB gzip to the CDN bundles.
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    format: { reflect: true },
    timeZone: { attribute: 'time-zone', reflect: true },
    refresh: { type: Number },
    maxBytes: { attribute: 'max-bytes', type: Number },
    timeout: { type: Number },
    now: {},
    data: { attribute: false },
    feed: { attribute: false },
  };

  /** Feed URL (any supported format). */
  src?: string;
  /** Forces a format instead of detecting it: turnout, mobilize, jsonld or csv. */
  format?: FeedFormat;
  /** IANA zone for times the feed gives without one (CSV, JSON-LD without offset). */
  timeZone?: string;
  /** Reload the feed every this many seconds (0: never). Widgets on one page share each reload. */
  refresh?: number;
  /** Largest feed accepted, in bytes (default 32 MB). */
  maxBytes?: number;
  /** Milliseconds before loading is given up (default 10 000). */
  timeout?: number;
  /** This element's "now" (ISO 8601 instant with offset), overriding the page's clock. */
  now?: string;
  /** Raw feed content set by script, in any supported format (an object, or JSON/CSV text). Wins over src. */
  data?: unknown;
  /** Normalized feed data set by script, used as is. Wins over data and src. */
  feed?: FeedData;

  /** The feed's state: status, data, error, updatedAt, stale. */
  protected readonly feedState = new FeedController(this);
  /** "Now" for this element: its `now` attribute, else the page's clock. */
  protected readonly clock = new ElementClock();

  #onClockChange = () => this.requestUpdate();

  /** While a retry runs, its button stays (disabled) so keyboard focus is not lost. */
  #retrying = false;
  #retry = async () => {
    if (this.#retrying) return;
    this.#retrying = true;
    this.requestUpdate();
    try {
      await this.feedState.retry();
    } finally {
      this.#retrying = false;
      this.requestUpdate();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(CLOCK_CHANGE_EVENT, this.#onClockChange);
    track(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(CLOCK_CHANGE_EVENT, this.#onClockChange);
    track(this, false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#locale = localeOf(this);
    if (changed.has('now') && !this.clock.set(this.now)) {
      console.warn(`<${this.localName}>: ignoring now="${this.now}": not an ISO 8601 instant with an offset.`);
    }
  }

  /** Which kinds of skipped record this element reports: a partner list does not count a feed's bad event rows. */
  protected skippedKinds: ReadonlyArray<SkippedRecord['kind']> = ['event', 'campaign-day'];

  /** What a person reads while the feed loads ("Loading events…"); elements about other things override it. */
  protected loadingText(): string {
    return loadingMessage();
  }

  #locale?: string;

  /**
   * The language to format in (Intl), resolved before each render by localeOf(): the element's `lang`, else the
   * closest ancestor's (across shadow roots), else the browser's. The host's `dir` follows it.
   */
  protected get locale(): string | undefined {
    return this.#locale;
  }

  /**
   * Loading, error (with Retry), stale and skipped-records notices. The live region is always rendered, so
   * screen readers announce its changes. "Loading events…" comes with the element; the other notices load the
   * first time one is needed (updateComplete waits for them), and a generic message stands in for an error if
   * they cannot be loaded.
   */
  protected renderFeedStatus(): TemplateResult {
    const { status, error, stale, data, updatedAt } = this.feedState;
    const failed = !!error && error.code !== 'aborted';
    const skipped = data ? data.skipped.filter((r) => this.skippedKinds.includes(r.kind)) : [];
    if (notices === undefined && (failed || skipped.length || data?.truncated)) this.#loadNotices();
    let message: unknown = nothing;
    if (status === 'loading') message = this.loadingText();
    else if (failed && !stale) {
      const text = notices ? notices.feedErrorMessage(error) : notices === null ? unavailableMessage() : '';
      message = text ? html`<span class="feed-error">${text}</span>` : nothing;
    } else if (stale && updatedAt !== undefined) message = notices?.staleMessage(updatedAt, this.locale) ?? nothing;
    return html`
      <div class="feed-status" part="feed-status" role="status" aria-live="polite">${message}</div>
      ${failed || this.#retrying
        ? html`<button
            type="button"
            class="button secondary feed-retry"
            part="feed-retry"
            aria-disabled=${this.#retrying ? 'true' : 'false'}
            @click=${this.#retry}
          >
            ${retryLabel()}
          </button>`
        : nothing}
      ${data && notices ? notices.renderDataNotices(data, skipped, this.locale) : nothing}
    `;
  }

  #loadNotices(): void {
    noticesLoading ??= import('./feed-notices.js').then(
      (m) => (notices = m),
      () => (notices = null),
    );
    this.#noticesPending ??= noticesLoading.then(() => {
      this.#noticesPending = undefined;
      this.requestUpdate();
    });
  }

  /** Set while the notices code a render asked for is loading; resolves when it is in and an update is asked. */
  #noticesPending?: Promise<void>;

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    // The translations (and Intl stand-ins) of the languages on the page, when not English.
    await localeReady();
    if (!this.#noticesPending) return this.isUpdatePending ? super.getUpdateComplete() : done;
    await this.#noticesPending;
    return super.getUpdateComplete();
  }
}
