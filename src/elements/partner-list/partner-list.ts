import { msg } from '../../shared/locale.js';
import { LitElement, css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { importParser } from '../../feed/parse-client.js';
import type { FeedData, FeedFormat } from '../../feed/types.js';
import { FeedController } from '../../shared/feed-controller.js';

type View = typeof import('./partner-list-view.js');
/** The view (notices, filters, partners, their styles) once loaded; null when it could not be loaded. */
let view: View | null | undefined;
let viewLoading: Promise<unknown> | undefined;

/**
 * Reads the partners of a feed from `src` (the native feed's `partners`, schema.org `Organization`s in JSON-LD, or
 * a spreadsheet of partners as CSV) or from the `data` / `feed` properties, and shows them as a wall of logos
 * (`layout="grid"`) or a list with descriptions (`layout="list"`), with category chips, a search and a live count.
 * The grid follows the element's own width: one column in a narrow sidebar, more on a full page.
 *
 * Logos are lazy-loaded and sent no referrer. By default they load only from the feed's own origin and the page's;
 * other hosts must be listed in `image-origins`. A partner whose logo is missing, refused or fails to load gets a
 * monogram (initials on a colour derived from its name). The partner's name is always text next to its logo, so
 * logos have empty alt text and a screen reader reads each name once.
 *
 * Its CDN entry is kept small: this class holds the attributes, the feed (through the shared FeedController, so the
 * request starts as soon as the element connects) and the "Loading partners…" line; everything else (the notices,
 * the filters, the partners and the styles) is in partner-list-view.ts, which starts loading at the same moment as
 * the feed. Elements on the shared base class (TurnoutFeedElement) carry its notices in the entry instead.
 *
 * @customElement partner-list
 * @summary The coalition's partners as a logo wall or a list, filterable by kind of organization.
 *
 * @slot join - Replaces the "Join the coalition" link (shown when `join-url` is set) with the page's own call to action.
 * @slot empty - Replaces the "No partners yet." text when the feed has no partners.
 *
 * @csspart filters - The search and the category chips.
 * @csspart search - The search field.
 * @csspart chips - The group of category chips.
 * @csspart chip - A category chip (a toggle button; `aria-pressed="true"` when chosen).
 * @csspart count - The live "N partners" line.
 * @csspart join - The "Join the coalition" link.
 * @csspart list - The list of partners.
 * @csspart partner - One partner's list item.
 * @csspart logo - A partner's logo box (holds the image or the monogram).
 * @csspart monogram - The initials shown instead of a logo.
 * @csspart name - A partner's name.
 * @csspart categories - A partner's categories (list layout).
 * @csspart description - A partner's description (list layout).
 * @csspart empty - The message shown when there are no partners, or none match.
 *
 * @cssproperty --turnout-accent - Links, chips, buttons and focus rings.
 * @cssproperty --turnout-on-accent - Text on the chosen chip and on buttons.
 * @cssproperty --turnout-text - Body text.
 * @cssproperty --turnout-muted - Secondary text (count, categories, descriptions).
 * @cssproperty --turnout-surface - Background, and the background of logo boxes.
 * @cssproperty --turnout-border - Borders of partners and controls.
 * @cssproperty --turnout-font - Font family.
 * @cssproperty --turnout-radius - Corner radius.
 * @cssproperty --turnout-space - Base spacing.
 *
 * @csspart feed-status - The live region with loading, error and stale messages.
 * @csspart feed-retry - The Retry button shown with an error.
 * @csspart feed-skipped - The notice of partners that could not be shown, with their reasons.
 * @csspart feed-truncated - The notice that a paged feed was read only up to the page cap.
 *
 * @event turnout-feed-load - The feed loaded (also after each refresh). `detail: { url, events, skipped }`.
 * @event turnout-feed-error - The feed failed to load. `detail: { url, code, message }`.
 */
export class PartnerList extends LitElement {
  // The theme (0.75 KB gzip) and the other styles come with the view; until then "Loading partners…" is a block
  // in the page's own font and colours.
  static override styles = css`
    :host {
      display: block;
    }
  `;

  // Declared without decorators: Lit's decorator helpers would add ~0.5 KB gzip to the CDN bundle. The feed
  // attributes are those of the other elements (TurnoutFeedElement).
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    format: { reflect: true },
    timeZone: { attribute: 'time-zone', reflect: true },
    refresh: { type: Number },
    maxBytes: { attribute: 'max-bytes', type: Number },
    timeout: { type: Number },
    data: { attribute: false },
    feed: { attribute: false },
    layout: { reflect: true },
    category: {},
    sort: {},
    imageOrigins: { attribute: 'image-origins' },
    joinUrl: { attribute: 'join-url' },
    source: {},
  };

  /** Defines the element under `tag` in `registry`; defining twice (e.g. two bundles on a page) is not an error. */
  static define(tag = 'partner-list', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Feed URL: a native feed, JSON-LD or CSV (any format the feed layer reads). */
  src?: string;
  /** Forces a format instead of detecting it: turnout, mobilize, jsonld or csv. */
  format?: FeedFormat;
  /** IANA zone for times the feed gives without one (read with the feed; partners have no times). */
  timeZone?: string;
  /** Reload the feed every this many seconds (0: never). Widgets on one page share each reload. */
  refresh?: number;
  /** Largest feed accepted, in bytes (default 32 MB). */
  maxBytes?: number;
  /** Milliseconds before loading is given up (default 10 000). */
  timeout?: number;
  /** Raw feed content set by script, in any supported format (an object, or JSON/CSV text). Wins over src. */
  data?: unknown;
  /** Normalized feed data set by script, used as is. Wins over data and src. */
  feed?: FeedData;
  /** `grid`: a wall of logos with names (the default); `list`: one partner a row, with categories and description. */
  layout: 'grid' | 'list' = 'grid';
  /** Show only the partners of this category (case- and accent-insensitive); the chips are then left out. */
  category = '';
  /** `name`: alphabetical in the page's language (Intl.Collator); otherwise the feed's order. */
  sort = '';
  /** More origins logos may load from, space-separated (e.g. "https://cdn.example.org https://img.example"). */
  imageOrigins = '';
  /** Address of the "Join the coalition" link (https:, mailto:, or a page of this site). */
  joinUrl = '';
  /** Added to the join link as `?source=` for attribution. */
  source = '';

  /** The feed's state: status, data, error, updatedAt, stale (the same controller as every element's). */
  protected readonly feedState = new FeedController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // Both start now, alongside the feed request (made in the first update): the view, and for a feed from `src`
    // the feed parser, which would otherwise be fetched only once the feed has arrived.
    if (this.src) importParser().catch(() => undefined);
    (viewLoading ??= import('./partner-list-view.js').then(
      (m) => (view = m),
      () => (view = null),
    )).then(() => this.requestUpdate());
  }

  override render(): TemplateResult {
    const feed = this.feedState;
    // The live region is always there (and always this one), so that screen readers announce its changes.
    return html`<div class="feed-status" part="feed-status" role="status" aria-live="polite">${feed.status === 'loading'
        ? msg('Loading partners…', { id: 'partner-list.loading' })
        : view
          ? view.statusMessage(this, feed)
          : view === null
            ? msg('The partners could not be shown. Reload the page to try again.', { id: 'partner-list.no-view' })
            : ''}</div
      >${view?.renderPartners(this, feed)}`;
  }

  /**
   * Also waits for the view while it loads, then for what it waits for (the page's strings, the notices it asked
   * for): once updateComplete resolves, what the feed holds is shown.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (view === undefined && viewLoading) {
      await viewLoading;
      return this.getUpdateComplete();
    }
    return view ? view.settled(this, done) : done;
  }
}
