import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FeedData, TurnoutPartner } from '../../feed/types.js';
import { TurnoutFeedElement } from '../../shared/feed-element.js';
import { foldText } from '../../shared/format.js';
import { safeUrl, withSource } from '../../shared/links.js';
import { themeStyles } from '../../shared/styles.js';
import { HUES, styles } from './partner-list.styles.js';

/** A partner with what searching and filtering need, computed once per feed. */
interface Entry {
  partner: TurnoutPartner;
  /** Name, description and categories, folded for search. */
  text: string;
  /** Categories, folded. */
  kinds: string[];
}

const prepared = new WeakMap<FeedData, Entry[]>();

function prepare(data: FeedData): Entry[] {
  let entries = prepared.get(data);
  if (!entries) {
    entries = data.partners.map((partner) => ({
      partner,
      text: foldText([partner.name, partner.description ?? '', ...partner.categories].join('\n')),
      kinds: partner.categories.map(foldText),
    }));
    prepared.set(data, entries);
  }
  return entries;
}

/** Up to two initials: of the first two words that start with a capital (or an uncased letter or a digit). */
export function initials(name: string): string {
  const words = name.split(/[\s\-–—/&+,.:;()]+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const strong = words.filter((w) => /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(w));
  return (strong.length ? strong : words)
    .slice(0, 2)
    .map((w) => String.fromCodePoint(w.codePointAt(0)!))
    .join('')
    .toLocaleUpperCase();
}

/** A stable colour slot for a name (0 to HUES - 1). */
export function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h % HUES;
}

/** The origin of an http(s) URL, or undefined. */
function originOf(url: string, base?: string): string | undefined {
  try {
    const { origin, protocol } = new URL(url, base);
    return /^https?:$/.test(protocol) ? origin : undefined;
  } catch {
    return undefined;
  }
}

const collators = new Map<string, Intl.Collator>();

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
 */
export class PartnerList extends TurnoutFeedElement {
  static override styles = [themeStyles, TurnoutFeedElement.feedStatusStyles, styles];

  // Declared without decorators: Lit's decorator helpers would add ~0.5 KB gzip to the CDN bundle.
  static override properties: PropertyDeclarations = {
    layout: { reflect: true },
    category: {},
    sort: {},
    imageOrigins: { attribute: 'image-origins' },
    joinUrl: { attribute: 'join-url' },
    source: {},
    query: { state: true, attribute: false },
    chosen: { state: true, attribute: false },
    failed: { state: true, attribute: false },
  };

  /** Defines the element under `tag` in `registry`; defining twice (e.g. two bundles on a page) is not an error. */
  static define(tag = 'partner-list', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

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

  private query = '';
  /** The chosen category chip (folded), or '' for all. */
  private chosen = '';
  /** Logo URLs that failed to load: their partners show a monogram. */
  private failed = new Set<string>();

  protected override skippedKinds = ['partner'] as const;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override loadingText(): string {
    return msg('Loading partners…', { id: 'partner-list.loading' });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The chips are not shown with a category: a chip chosen before must not keep filtering.
    if (changed.has('category')) this.chosen = '';
  }

  /** Origins logos may load from: the page's, the feed's, and those listed in image-origins. */
  private allowedOrigins(base: string): (string | undefined)[] {
    return [location.origin, originOf(base), ...this.imageOrigins.split(/\s+/).map((o) => originOf(o))];
  }

  /** The logo's URL when it may load here: http(s), from an allowed origin, and it has not failed. */
  private logoUrl(logo: string | undefined, base: string, allowed: (string | undefined)[]): string | undefined {
    if (!logo || this.failed.has(logo)) return undefined;
    const origin = originOf(logo, base);
    return origin && allowed.includes(origin) ? new URL(logo, base).href : undefined;
  }

  private number(n: number): string {
    return new Intl.NumberFormat(this.locale).format(n);
  }

  private countText(n: number): string {
    const count = this.number(n);
    return new Intl.PluralRules(this.locale).select(n) === 'one'
      ? msg(str`${count} partner`, { id: 'partner-list.count.one' })
      : msg(str`${count} partners`, { id: 'partner-list.count.other' });
  }

  private clear(): void {
    this.query = '';
    this.chosen = '';
    this.renderRoot.querySelector('input')?.focus();
  }

  override render(): TemplateResult {
    const data = this.feedState.data;
    if (!data) return this.renderFeedStatus();

    const only = foldText(this.category.trim());
    let scoped = prepare(data).filter((e) => !only || e.kinds.includes(only));
    if (this.sort === 'name') {
      const locale = this.locale ?? '';
      let collator = collators.get(locale);
      if (!collator) collators.set(locale, (collator = new Intl.Collator(locale || undefined, { numeric: true })));
      scoped = [...scoped].sort((a, b) => collator.compare(a.partner.name, b.partner.name));
    }
    const words = foldText(this.query).split(/\s+/).filter(Boolean);
    const matched = scoped.filter(
      (e) => (!this.chosen || e.kinds.includes(this.chosen)) && words.every((w) => e.text.includes(w)),
    );
    const join = safeUrl(this.joinUrl, document.baseURI);
    const allowed = this.allowedOrigins(data.url ?? document.baseURI);

    return html`
      ${this.renderFeedStatus()} ${scoped.length ? this.renderFilters(scoped, !only) : nothing}
      <div class="bar">
        ${scoped.length
          ? html`<p class="count" part="count" role="status" aria-live="polite">${this.countText(matched.length)}</p>`
          : nothing}
        <slot name="join"
          >${join
            ? html`<a class="button" part="join" href=${withSource(join, this.source)} rel="noopener noreferrer" referrerpolicy="no-referrer"
                >${msg('Join the coalition', { id: 'partner-list.join' })}</a
              >`
            : nothing}</slot
        >
      </div>
      ${matched.length
        ? html`<ul class="partners ${this.layout === 'list' ? 'list' : 'grid'}" part="list" role="list" aria-label=${msg('Partners', { id: 'partner-list.label' })}>
            ${matched.map((e) => this.renderPartner(e.partner, data, allowed))}
          </ul>`
        : html`<div class="empty" part="empty">
            ${scoped.length
              ? html`<p>${msg('No partners match your search.', { id: 'partner-list.no-match' })}</p>
                  <button type="button" class="button secondary" @click=${this.clear}>
                    ${msg('Clear filters', { id: 'partner-list.clear' })}
                  </button>`
              : html`<slot name="empty"><p>${msg('No partners yet.', { id: 'partner-list.empty' })}</p></slot>`}
          </div>`}
    `;
  }

  private renderFilters(scoped: Entry[], chips: boolean): TemplateResult {
    // Each category once (the first spelling seen), in the page's alphabetical order.
    const kinds = new Map<string, string>();
    for (const e of scoped) e.partner.categories.forEach((c, i) => kinds.has(e.kinds[i]) || kinds.set(e.kinds[i], c));
    const sorted = [...kinds].sort((a, b) => a[1].localeCompare(b[1], this.locale));
    const chip = (key: string, label: string) =>
      html`<button
        type="button"
        class="chip"
        part="chip"
        aria-pressed=${this.chosen === key ? 'true' : 'false'}
        @click=${() => (this.chosen = this.chosen === key ? '' : key)}
      >
        ${label}
      </button>`;
    return html`<div class="filters" part="filters" role="search">
      <label class="search" part="search">
        <span>${msg('Search partners', { id: 'partner-list.search' })}</span>
        <input type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      </label>
      ${chips && sorted.length > 1
        ? html`<div class="chips" part="chips" role="group" aria-label=${msg('Kind of organization', { id: 'partner-list.kinds' })}>
            ${chip('', msg('All', { id: 'partner-list.all' }))} ${sorted.map(([key, label]) => chip(key, label))}
          </div>`
        : nothing}
    </div>`;
  }

  private renderPartner(partner: TurnoutPartner, data: FeedData, allowed: (string | undefined)[]): TemplateResult {
    const logo = this.logoUrl(partner.logo, data.url ?? document.baseURI, allowed);
    // Links set by script through `feed` pass the allowlist here too (relative ones only against the feed's URL).
    const url = safeUrl(partner.url, data.url);
    const card = html`<span class="logo" part="logo"
        >${logo
          ? html`<img
              src=${logo}
              alt=""
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
              @error=${() => (this.failed = new Set(this.failed).add(partner.logo!))}
            />`
          : html`<span class="monogram h${hueOf(partner.name)}" part="monogram" aria-hidden="true">${initials(partner.name)}</span>`}</span
      ><span class="name" part="name">${partner.name}</span>`;
    const list = this.layout === 'list';
    return html`<li class="partner" part="partner">
      ${url
        ? html`<a class="card" href=${url} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
            >${card}<span class="visually-hidden"> ${msg('(opens in a new tab)', { id: 'partner-list.new-tab' })}</span></a
          >`
        : html`<div class="card">${card}</div>`}
      ${list && partner.categories.length
        ? html`<p class="categories" part="categories">${partner.categories.join(', ')}</p>`
        : nothing}
      ${list && partner.description ? html`<p class="description" part="description">${partner.description}</p>` : nothing}
    </li>`;
  }
}
