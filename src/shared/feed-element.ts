/**
 * TurnoutFeedElement: the base class of every element that shows a feed. It declares the feed attributes, owns
 * the feed controller and the element's clock, re-renders when the page's reference time changes, and renders
 * the feed's status (loading, errors a person understands, stale data, skipped records). It defines no tag.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { FeedData, FeedFormat } from '../feed/types.js';
import { CLOCK_CHANGE_EVENT, ElementClock } from './clock.js';
import { FeedController } from './feed-controller.js';
import {
  feedErrorMessage,
  loadingMessage,
  moreSkippedMessage,
  retryLabel,
  skippedDetailsLabel,
  skippedMessage,
  skippedRecordLine,
  staleMessage,
  truncatedMessage,
} from './feed-messages.js';

export {
  FeedController,
  TurnoutFeedErrorEvent,
  TurnoutFeedLoadEvent,
  type FeedErrorDetail,
  type FeedLoadDetail,
  type FeedStatus,
} from './feed-controller.js';

/** Skipped records listed in the details; a feed with thousands of bad rows needs fixing at the source anyway. */
const MAX_LISTED = 100;

/**
 * @event turnout-feed-load - The feed loaded (also after each refresh). `detail: { url, events, skipped }`.
 * @event turnout-feed-error - The feed failed to load. `detail: { url, code, message }`.
 * @csspart feed-status - The live region with loading, error and stale messages.
 * @csspart feed-retry - The Retry button shown with an error.
 * @csspart feed-skipped - The notice of entries that could not be shown, with their reasons.
 * @csspart feed-truncated - The notice that a paged feed was read only up to the page cap.
 */
export abstract class TurnoutFeedElement extends LitElement {
  /** Styles for renderFeedStatus(); subclasses add them: `static styles = [TurnoutFeedElement.feedStatusStyles, ...]`. */
  static feedStatusStyles = css`
    .feed-status:empty {
      display: none;
    }
    .feed-status,
    .feed-skipped {
      margin: 0 0 var(--_space, 0.75rem);
      color: var(--_muted, inherit);
    }
    .feed-status .feed-error {
      color: var(--_text, inherit);
    }
    .feed-retry {
      font: inherit;
      color: var(--_accent, inherit);
      background: transparent;
      border: 1px solid var(--_border, currentColor);
      border-radius: var(--_radius, 0.25rem);
      padding: 0.25em 0.9em;
      margin: 0 0 var(--_space, 0.75rem);
      cursor: pointer;
    }
    .feed-retry:focus-visible {
      outline: 2px solid var(--_accent, currentColor);
      outline-offset: 2px;
    }
    .feed-skipped ul {
      margin: 0.25em 0;
      padding-inline-start: 1.25em;
    }
  `;

  /** Feed URL (any supported format). */
  @property({ reflect: true }) src?: string;
  /** Forces a format instead of detecting it: turnout, mobilize, jsonld or csv. */
  @property({ reflect: true }) format?: FeedFormat;
  /** IANA zone for times the feed gives without one (CSV, JSON-LD without offset). */
  @property({ attribute: 'time-zone', reflect: true }) timeZone?: string;
  /** Reload the feed every this many seconds (0: never). Widgets on one page share each reload. */
  @property({ type: Number }) refresh?: number;
  /** Largest feed accepted, in bytes (default 32 MB). */
  @property({ attribute: 'max-bytes', type: Number }) maxBytes?: number;
  /** Milliseconds before loading is given up (default 10 000). */
  @property({ type: Number }) timeout?: number;
  /** This element's "now" (ISO 8601 instant with offset), overriding the page's clock. */
  @property() now?: string;
  /** Raw feed content set by script, in any supported format (an object, or JSON/CSV text). Wins over src. */
  @property({ attribute: false }) data?: unknown;
  /** Normalized feed data set by script, used as is. Wins over data and src. */
  @property({ attribute: false }) feed?: FeedData;

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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(CLOCK_CHANGE_EVENT, this.#onClockChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('now') && !this.clock.set(this.now)) {
      console.warn(`<${this.localName}>: ignoring now="${this.now}": not an ISO 8601 instant with an offset.`);
    }
  }

  /** The language to format in: the closest `lang` attribute, else the browser's. */
  protected get locale(): string | undefined {
    return this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  /**
   * Loading, error (with Retry), stale and skipped-records notices. The live region is always rendered, so
   * screen readers announce its changes.
   */
  protected renderFeedStatus(): TemplateResult {
    const { status, error, stale, data, updatedAt } = this.feedState;
    let message: TemplateResult | typeof nothing = nothing;
    if (status === 'loading') message = html`${loadingMessage()}`;
    else if (error && !stale && error.code !== 'aborted') {
      message = html`<span class="feed-error">${feedErrorMessage(error)}</span>`;
    } else if (stale && updatedAt !== undefined) message = html`${staleMessage(updatedAt, this.locale)}`;
    const skipped = data?.skipped ?? [];
    return html`
      <div class="feed-status" part="feed-status" role="status" aria-live="polite">${message}</div>
      ${(error && error.code !== 'aborted') || this.#retrying
        ? html`<button
            type="button"
            class="feed-retry"
            part="feed-retry"
            aria-disabled=${this.#retrying ? 'true' : 'false'}
            @click=${this.#retry}
          >
            ${retryLabel()}
          </button>`
        : nothing}
      ${data?.truncated && data.pages
        ? html`<p class="feed-skipped" part="feed-truncated">${truncatedMessage(data.pages)}</p>`
        : nothing}
      ${skipped.length
        ? html`<div class="feed-skipped" part="feed-skipped">
            <p>${skippedMessage(skipped.length, this.locale)}</p>
            <details>
              <summary>${skippedDetailsLabel()}</summary>
              <ul>
                ${skipped.slice(0, MAX_LISTED).map((r) => html`<li>${skippedRecordLine(r, data?.format)}</li>`)}
              </ul>
              ${skipped.length > MAX_LISTED ? html`<p>${moreSkippedMessage(skipped.length - MAX_LISTED, this.locale)}</p>` : nothing}
            </details>
          </div>`
        : nothing}
    `;
  }
}
