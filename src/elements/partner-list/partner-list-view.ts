/**
 * What <partner-list> shows besides "Loading partners…": the feed's notices (error with Retry, stale data, skipped
 * partners, unread pages), the search, the category chips, the count, the join link and the partners themselves,
 * with their styles. The element's CDN entry holds only Lit, the feed layer and a small shell (partner-list.ts);
 * the shell starts loading this module as it connects, at the same time as its feed, so partners never wait for
 * it longer than for the feed.
 *
 * The notices are those of every element: the texts come from the shared feed-messages.ts and feed-notices.ts
 * (loaded only when needed), laid out as TurnoutFeedElement.renderFeedStatus() lays them out.
 */
import { msg, str } from '../../shared/locale.js';
import { adoptStyles, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { FeedData, TurnoutPartner } from '../../feed/types.js';
import type { FeedController } from '../../shared/feed-controller.js';
import { retryLabel, unavailableMessage } from '../../shared/feed-messages.js';
import { foldText } from '../../shared/format.js';
import { safeUrl, withSource } from '../../shared/links.js';
import { localeOf, localeReady, numberFormat, track } from '../../shared/locale.js';
import { themeStyles } from '../../shared/styles.js';
import type { PartnerList } from './partner-list.js';
import { HUES, statusStyles, styles } from './partner-list.styles.js';

/** A partner with what searching and filtering need, computed once per feed. */
interface Entry {
  partner: TurnoutPartner;
  /** Name, description and categories, folded. */
  text: string;
  /** Categories, folded. */
  kinds: string[];
}

/** What one element remembers between renders (kept here rather than on the element: the shell stays small). */
interface ViewState {
  /** The search text. */
  query: string;
  /** The chosen category chip (folded), or '' for all. */
  chosen: string;
  /** The `category` the chip was chosen under: a new category forgets the chip (the chips are then left out). */
  category: string;
  /** Logo URLs that failed to load: their partners show a monogram. */
  failed: Set<string>;
  /** While a retry runs, its button stays (disabled) so that keyboard focus is not lost. */
  retrying: boolean;
  /** Set while the notices this element asked for load; resolves once they are in and an update is asked. */
  pending?: Promise<void>;
}

const prepared = new WeakMap<FeedData, Entry[]>();
const states = new WeakMap<PartnerList, ViewState>();
const collators = new Map<string, Intl.Collator>();

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

/**
 * The element's state, made the first time it renders with this module. The element then gets its full styles,
 * and joins the page's languages (shared/locale.ts: re-rendered when the strings or its `lang` change) for as long
 * as it is connected; before, it shows at most "Loading partners…".
 */
function stateOf(host: PartnerList): ViewState {
  let state = states.get(host);
  if (!state) {
    states.set(host, (state = { query: '', chosen: '', category: host.category, failed: new Set(), retrying: false }));
    const own = (host.constructor as typeof ReactiveElement).elementStyles;
    adoptStyles(host.renderRoot as ShadowRoot, [themeStyles, ...own, statusStyles, styles]);
    host.addController({ hostConnected: () => track(host, true), hostDisconnected: () => track(host, false) });
  }
  return state;
}

/** Changes the element's view state and redraws it. */
function set(host: PartnerList, change: Partial<ViewState>): void {
  Object.assign(stateOf(host), change);
  host.requestUpdate();
}

type Notices = typeof import('../../shared/feed-notices.js');
/**
 * The notices needed only sometimes (errors, stale data, skipped partners, unread pages), loaded the first time one
 * is needed, as TurnoutFeedElement does: null when they could not be loaded.
 */
let notices: Notices | null | undefined;
let noticesLoading: Promise<unknown> | undefined;

/**
 * The end of an update of `host` (whose own update resolved with `done`), once this module is in: waits for the
 * strings of the page's languages and for the notices it asked for, and for the update they bring.
 */
export async function settled(host: PartnerList, done: boolean): Promise<boolean> {
  await localeReady();
  const wait = states.get(host)?.pending;
  if (wait) await wait;
  return wait || host.isUpdatePending ? host.updateComplete : done;
}

const failed = (feed: FeedController) => !!feed.error && feed.error.code !== 'aborted';

/** The partners' records the feed skipped (not its events: the feed may be shared with an event list). */
const skippedOf = (data?: FeedData) => data?.skipped.filter((r) => r.kind === 'partner') ?? [];

/**
 * The text of the live region once this module is there (the element says "Loading partners…" itself): the error
 * when there is nothing to show, or how old the data shown is. Also starts loading the notices when they are needed.
 */
export function statusMessage(host: PartnerList, feed: FeedController): unknown {
  const state = stateOf(host);
  const { error, stale, data, updatedAt } = feed;
  if (notices === undefined && !state.pending && (failed(feed) || skippedOf(data).length || data?.truncated)) {
    noticesLoading ??= import('../../shared/feed-notices.js').then(
      (m) => (notices = m),
      () => (notices = null),
    );
    state.pending = noticesLoading.then(() => {
      state.pending = undefined;
      host.requestUpdate();
    });
  }
  if (failed(feed) && !stale) {
    const text = notices ? notices.feedErrorMessage(error!) : notices === null ? unavailableMessage() : '';
    return text ? html`<span class="feed-error">${text}</span>` : nothing;
  }
  return (stale && updatedAt !== undefined && notices?.staleMessage(updatedAt, localeOf(host))) || nothing;
}

/**
 * Everything after the live region: Retry after an error, the notices about the feed's data, then the filters and
 * the partners. Called on every render once this module is loaded.
 */
export function renderPartners(host: PartnerList, feed: FeedController): TemplateResult {
  const state = stateOf(host);
  const data = feed.data;
  const locale = localeOf(host);
  const retry = async () => {
    if (state.retrying) return;
    set(host, { retrying: true });
    try {
      await feed.retry();
    } finally {
      set(host, { retrying: false });
    }
  };
  return html`${failed(feed) || state.retrying
    ? html`<button
        type="button"
        class="button secondary feed-retry"
        part="feed-retry"
        aria-disabled=${state.retrying ? 'true' : 'false'}
        @click=${retry}
      >
        ${retryLabel()}
      </button>`
    : nothing}
  ${data && notices ? notices.renderDataNotices(data, skippedOf(data), locale) : nothing}
  ${data ? renderData(host, state, data, locale) : nothing}`;
}

/** The search, the chips, the count, the join link and the partners of `data`. */
function renderData(host: PartnerList, state: ViewState, data: FeedData, locale: string | undefined): TemplateResult {
  // The chips are not shown with a category: a chip chosen before must not keep filtering.
  if (state.category !== host.category) Object.assign(state, { category: host.category, chosen: '' });

  const only = foldText(host.category.trim());
  let scoped = prepare(data).filter((e) => !only || e.kinds.includes(only));
  if (host.sort === 'name') {
    const key = locale ?? '';
    let collator = collators.get(key);
    if (!collator) collators.set(key, (collator = new Intl.Collator(key || undefined, { numeric: true })));
    scoped = [...scoped].sort((a, b) => collator.compare(a.partner.name, b.partner.name));
  }
  const words = foldText(state.query).split(/\s+/).filter(Boolean);
  const matched = scoped.filter(
    (e) => (!state.chosen || e.kinds.includes(state.chosen)) && words.every((w) => e.text.includes(w)),
  );
  const join = safeUrl(host.joinUrl, document.baseURI);
  const base = data.url ?? document.baseURI;
  const allowed = [location.origin, originOf(base), ...host.imageOrigins.split(/\s+/).map((o) => originOf(o))];
  const clear = () => {
    set(host, { query: '', chosen: '' });
    host.renderRoot.querySelector('input')?.focus();
  };

  return html`${scoped.length ? renderFilters(host, state, scoped, !only, locale) : nothing}
    <div class="bar">
      ${scoped.length
        ? html`<p class="count" part="count" role="status" aria-live="polite">${countText(matched.length, locale)}</p>`
        : nothing}
      <slot name="join"
        >${join
          ? html`<a class="button" part="join" href=${withSource(join, host.source)} rel="noopener noreferrer" referrerpolicy="no-referrer"
              >${msg('Join the coalition', { id: 'partner-list.join' })}</a
            >`
          : nothing}</slot
      >
    </div>
    ${matched.length
      ? html`<ul class="partners ${host.layout === 'list' ? 'list' : 'grid'}" part="list" role="list" aria-label=${msg('Partners', { id: 'partner-list.label' })}>
          ${matched.map((e) => renderPartner(host, state, e.partner, data, base, allowed))}
        </ul>`
      : html`<div class="empty" part="empty">
          ${scoped.length
            ? html`<p>${msg('No partners match your search.', { id: 'partner-list.no-match' })}</p>
                <button type="button" class="button secondary" @click=${clear}>
                  ${msg('Clear filters', { id: 'partner-list.clear' })}
                </button>`
            : html`<slot name="empty"><p>${msg('No partners yet.', { id: 'partner-list.empty' })}</p></slot>`}
        </div>`}`;
}

function countText(n: number, locale: string | undefined): string {
  const count = numberFormat(locale).format(n);
  return new Intl.PluralRules(locale).select(n) === 'one'
    ? msg(str`${count} partner`, { id: 'partner-list.count.one' })
    : msg(str`${count} partners`, { id: 'partner-list.count.other' });
}

function renderFilters(
  host: PartnerList,
  state: ViewState,
  scoped: Entry[],
  chips: boolean,
  locale: string | undefined,
): TemplateResult {
  // Each category once (the first spelling seen), in the page's alphabetical order.
  const kinds = new Map<string, string>();
  for (const e of scoped) e.partner.categories.forEach((c, i) => kinds.has(e.kinds[i]) || kinds.set(e.kinds[i], c));
  const sorted = [...kinds].sort((a, b) => a[1].localeCompare(b[1], locale));
  const chip = (key: string, label: string) =>
    html`<button
      type="button"
      class="chip"
      part="chip"
      aria-pressed=${state.chosen === key ? 'true' : 'false'}
      @click=${() => set(host, { chosen: state.chosen === key ? '' : key })}
    >
      ${label}
    </button>`;
  return html`<div class="filters" part="filters" role="search">
    <label class="search" part="search">
      <span>${msg('Search partners', { id: 'partner-list.search' })}</span>
      <input type="search" .value=${state.query} @input=${(e: Event) => set(host, { query: (e.target as HTMLInputElement).value })} />
    </label>
    ${chips && sorted.length > 1
      ? html`<div class="chips" part="chips" role="group" aria-label=${msg('Kind of organization', { id: 'partner-list.kinds' })}>
          ${chip('', msg('All', { id: 'partner-list.all' }))} ${sorted.map(([key, label]) => chip(key, label))}
        </div>`
      : nothing}
  </div>`;
}

/** The logo's URL when it may load here: http(s), from an allowed origin, and it has not failed. */
function logoUrl(state: ViewState, logo: string | undefined, base: string, allowed: (string | undefined)[]): string | undefined {
  if (!logo || state.failed.has(logo)) return undefined;
  const origin = originOf(logo, base);
  return origin && allowed.includes(origin) ? new URL(logo, base).href : undefined;
}

function renderPartner(
  host: PartnerList,
  state: ViewState,
  partner: TurnoutPartner,
  data: FeedData,
  base: string,
  allowed: (string | undefined)[],
): TemplateResult {
  const logo = logoUrl(state, partner.logo, base, allowed);
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
            @error=${() => set(host, { failed: new Set(state.failed).add(partner.logo!) })}
          />`
        : html`<span class="monogram h${hueOf(partner.name)}" part="monogram" aria-hidden="true">${initials(partner.name)}</span>`}</span
    ><span class="name" part="name">${partner.name}</span>`;
  const list = host.layout === 'list';
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
