import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { numberFormat } from '../../shared/locale.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { MapPoints } from '../../feed/parse-client.js';
import type { FeedData, TurnoutEvent } from '../../feed/types.js';
import { boundsOf, distanceKm, formatDistance, preferredDistanceUnit } from '../../geo/distance.js';
import type { Bounds, Geocoder, LngLat, PlaceResult } from '../../geo/types.js';
import { TurnoutFeedElement } from '../../shared/feed-element.js';
import { foldText, formatEventWhen, formatPlace, viewerTimeZone } from '../../shared/format.js';
import { safeUrl, withSource } from '../../shared/links.js';
import { eventCardStyles } from '../../shared/event-card-styles.js';
import { themeStyles } from '../../shared/styles.js';
import { styles } from './event-map.styles.js';
import type { AttributionPart, EventPoints, MapView } from './map-view.js';
import type { Entry, FilterHost, Prepared } from './prepare.js';

/** A listed event and, when a place was searched, how far it is. */
interface Row {
  entry: Entry;
  km?: number;
}

interface Section {
  key: 'main' | 'online' | 'unplaced';
  title: string;
  entries: Entry[];
  /** Distances in km, index for index with `entries` (near a searched place). */
  km?: number[];
}

type MapState = 'waiting' | 'loading' | 'ready' | 'no-webgl' | 'error';
type SearchState = 'idle' | 'searching' | 'locating' | 'done' | 'not-found' | 'denied' | 'unavailable' | 'timeout' | 'failed';
type Mode = '' | 'in-person' | 'online';
type Details = typeof import('./event-details.js');
type ViewModule = typeof import('./map-view.js');
type Controls = typeof import('./map-controls.js');
type Preparer = typeof import('./prepare.js');
type LabelSource = import('./map-controls.js').LabelSource;

/** Detail of `turnout-event-select`: the chosen event's id (from the feed). */
export interface EventSelectDetail {
  id: string;
}

/** Fired when a visitor chooses an event on the map or in the list. */
export class TurnoutEventSelectEvent extends Event {
  static readonly type = 'turnout-event-select';
  constructor(readonly detail: EventSelectDetail) {
    super(TurnoutEventSelectEvent.type, { bubbles: true, composed: true });
  }
}

/** Detail of `turnout-map-ready`: how many events the map shows. */
export interface MapReadyDetail {
  events: number;
}

/** Fired each time the map settles with its current events drawn (first load, then after filters, searches, moves). */
export class TurnoutMapReadyEvent extends Event {
  static readonly type = 'turnout-map-ready';
  constructor(readonly detail: MapReadyDetail) {
    super(TurnoutMapReadyEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'turnout-event-select': TurnoutEventSelectEvent;
    'turnout-map-ready': TurnoutMapReadyEvent;
  }
}

const MILE_KM = 1.609344;
/** Radius choices, in miles or km (the locale's unit). */
const RADII = [5, 10, 25, 50, 100, 250];
const DEFAULT_RADIUS = { mile: 25, kilometer: 50 };
/**
 * How long the map waits, at most, for the list's first events (or the feed's failure) before it starts (see
 * showMap): long enough that a feed which answers slowly or never still gets its message on screen on time.
 */
const LIST_FIRST_MS = 1000;

/** The code that prepares a feed's events (prepare.ts), and its loading. */
let preparer: Preparer | undefined;
let preparerLoading: Promise<Preparer> | undefined;
function loadPreparer(): Promise<Preparer> {
  preparerLoading ??= import('./prepare.js').then((m) => (preparer = m));
  // A chunk that did not arrive is asked for again next time.
  preparerLoading.catch(() => (preparerLoading = undefined));
  return preparerLoading;
}
/** How many of the nearest events to offer when none is within the radius. */
const NEAREST = 3;

/** A heading of level 2–6. */
function heading(level: number, cls: string, id: string, content: unknown): TemplateResult {
  switch (level) {
    case 2:
      return html`<h2 class=${cls} id=${id}>${content}</h2>`;
    case 3:
      return html`<h3 class=${cls} id=${id}>${content}</h3>`;
    case 4:
      return html`<h4 class=${cls} id=${id}>${content}</h4>`;
    case 5:
      return html`<h5 class=${cls} id=${id}>${content}</h5>`;
    default:
      return html`<h6 class=${cls} id=${id}>${content}</h6>`;
  }
}

/** "lng,lat" -> [lng, lat], or null. */
function parseLngLat(value: string | undefined): LngLat | null {
  const n = (value ?? '').split(',').map((s) => Number(s.trim()));
  return n.length === 2 && n.every(Number.isFinite) && Math.abs(n[0]) <= 180 && Math.abs(n[1]) <= 90 ? [n[0], n[1]] : null;
}

/** "w,s,e,n" -> bounds, or null. */
function parseBounds(value: string | undefined): Bounds | null {
  const n = (value ?? '').split(',').map((s) => Number(s.trim()));
  if (n.length !== 4 || !n.every(Number.isFinite)) return null;
  const [w, s, e, north] = n;
  return Math.abs(w) <= 180 && Math.abs(e) <= 180 && Math.abs(s) <= 90 && Math.abs(north) <= 90 && s < north
    ? [w, s, e, north]
    : null;
}

function inBounds([lng, lat]: LngLat, [w, s, e, n]: Bounds): boolean {
  return lat >= s && lat <= n && (w <= e ? lng >= w && lng <= e : lng >= w || lng <= e);
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * Shows a feed's events on a map with clusters, beside (or, in a narrow space, below) a list of the events in view.
 * Visitors search near a US ZIP code, a town from the feed, or their own location (asked only when they press "Use
 * my location"), and filter by day, type, tag and online / in person. The list and its search work before the map
 * has loaded, and without WebGL.
 *
 * MapLibre GL and the basemap load only when the element scrolls into view (or the visitor presses "Show the
 * map"). The default basemap is offline (land, countries and US states shipped with the element): no request goes
 * anywhere but the page's own origin, the feed's and the bundle's. `map-style` takes any MapLibre style URL instead
 * (with `pmtiles://` sources too).
 *
 * Events with a private address are drawn at their town's or ZIP code's centre, as a hollow ring, and marked
 * "approximate location"; a point the feed may hold for them is never used.
 *
 * @customElement event-map
 * @summary A map of events with clusters, a synced list, search near a ZIP code or place, and filters.
 *
 * @event turnout-map-ready - The map is idle with its current events drawn: after the first load, and again each
 *   time it settles after a change (filters, a search, a zoom or pan). `detail: { events }` (how many events are on
 *   the map). The element then also matches `:state(ready)`.
 * @event turnout-event-select - A visitor chose an event on the map or in the list. `detail: { id }`.
 *
 * @cssstate ready - The map is idle with its current events drawn (see `turnout-map-ready`).
 *
 * @csspart search - The search form (place or ZIP, radius, "Use my location").
 * @csspart filters - The filters (day, type, tag, online / in person).
 * @csspart search-status - What the search found, or why it could not.
 * @csspart map - The map's frame.
 * @csspart placeholder - What the map's frame shows before the map loads, or instead of it.
 * @csspart zoom - The zoom buttons.
 * @csspart cluster - A cluster's button over the map (shows its count).
 * @csspart marker - A single event's (or a single place's) button over the map.
 * @csspart attribution - The map data's credits.
 * @csspart list - The list of events.
 * @csspart count - The "N events in this area" line.
 * @csspart event - One event's list item.
 * @csspart details - An event's details, opened from the map or the list.
 * @csspart show-more - The "Show more" button.
 * @csspart empty - The message shown when nothing matches or nothing is nearby.
 * @csspart host-link - The "Host an event" link offered when nothing is nearby.
 *
 * @cssproperty --turnout-accent - Clusters, markers, links, buttons and focus rings.
 * @cssproperty --turnout-on-accent - Cluster counts and text on accent-coloured buttons.
 * @cssproperty --turnout-text - Body text; the ring around the chosen event.
 * @cssproperty --turnout-muted - Secondary text (place, host, distance, counts).
 * @cssproperty --turnout-surface - Background and the basemap's land.
 * @cssproperty --turnout-border - Borders; country lines on the basemap.
 * @cssproperty --turnout-font - Font family.
 * @cssproperty --turnout-radius - Corner radius.
 * @cssproperty --turnout-space - Base spacing.
 * @cssproperty --turnout-map-height - Height of the map (default `clamp(18rem, 62vh, 38rem)`).
 */
export class EventMap extends TurnoutFeedElement {
  static override styles = [themeStyles, TurnoutFeedElement.feedStatusStyles, eventCardStyles, styles];

  // Declared without decorators: Lit's decorator helpers would add ~0.5 KB gzip to the CDN bundle.
  static override properties: PropertyDeclarations = {
    mapStyle: { attribute: 'map-style' },
    center: {},
    zoom: { type: Number },
    bounds: {},
    place: {},
    zip: {},
    radius: { type: Number },
    host: {},
    tag: {},
    type: {},
    date: {},
    showPast: { type: Boolean, attribute: 'show-past' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    hostUrl: { attribute: 'host-url' },
    source: {},
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    geocoder: { attribute: false },
    query: { state: true, attribute: false },
    found: { state: true, attribute: false },
    searchState: { state: true, attribute: false },
    radiusChoice: { state: true, attribute: false },
    typeFilter: { state: true, attribute: false },
    dayFilter: { state: true, attribute: false },
    tagFilter: { state: true, attribute: false },
    modeFilter: { state: true, attribute: false },
    selectedId: { state: true, attribute: false },
    placeIds: { state: true, attribute: false },
    viewBounds: { state: true, attribute: false },
    mapState: { state: true, attribute: false },
    attribution: { state: true, attribute: false },
    limit: { state: true, attribute: false },
    placedVersion: { state: true, attribute: false },
    calendarFor: { state: true, attribute: false },
  };

  /** Defines the element under `tag` in `registry`; defining twice (e.g. two bundles on a page) is not an error. */
  static define(tag = 'event-map', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /**
   * A MapLibre style URL to use instead of the offline basemap (its sources may be `pmtiles://` archives). The
   * style's host then sees every visitor's requests: see the README.
   */
  mapStyle = '';
  /** Where the map opens: "lng,lat" (with `zoom`). */
  center = '';
  /** The zoom the map opens at with `center` (default 9). */
  zoom?: number;
  /** Where the map opens: "west,south,east,north". Wins over `center`. */
  bounds = '';
  /** Opens the map searched near this place (a town from the feed, or a ZIP code). */
  place = '';
  /** Opens the map searched near this US ZIP code. */
  zip = '';
  /** The search radius, in the unit of the visitor's locale (miles in the US and UK, else km). */
  radius?: number;
  /** Show only events by this host (case- and accent-insensitive). */
  host = '';
  /** Show only events with this tag. */
  tag = '';
  /** Initial type filter (a type key such as "rally"); the visitor can change it. */
  type = '';
  /** Initial day filter (YYYY-MM-DD, the day in each event's zone); the visitor can change it. */
  date = '';
  /** Show events that have ended. */
  showPast = false;
  /** Keep the search, filters and chosen event in the page's URL hash (`#map.q=…`), so a shared link restores them. */
  syncUrl = false;
  /** "Host an event" link offered when nothing is nearby; the feed's campaign link wins when it has one. */
  hostUrl = '';
  /** Appended to RSVP links for attribution (e.g. `?source=ssa`). */
  source = '';
  /** How many events the list shows before "Show more". */
  pageSize = 50;
  /** Level of the list's section headings (2–5); event titles are one level below. */
  headingLevel = 3;
  /**
   * Finds places the built-in search does not know (property only). Called with the visitor's text; return
   * `{ label, center: [lng, lat], bounds? }` or null. Turnout never calls a third-party geocoder by itself: if
   * yours does, the text typed goes to that service.
   */
  geocoder?: Geocoder;

  private query = '';
  private found: PlaceResult | null = null;
  private searchState: SearchState = 'idle';
  private radiusChoice = 0;
  private typeFilter = '';
  private dayFilter = '';
  private tagFilter = '';
  private modeFilter: Mode = '';
  private selectedId = '';
  /** The events of one place chosen on the map (several at one point): the list shows just them. */
  private placeIds: string[] = [];
  private viewBounds: Bounds | null = null;
  private mapState: MapState = 'waiting';
  private attribution: AttributionPart[] = [];
  private limit = 0;
  private placedVersion = 0;
  private calendarFor = '';

  #internals = this.attachInternals();
  #controls?: Controls;
  /** The map, once loaded (tests reach the MapLibre map through `mapView.map`; not public API). */
  private mapView?: MapView;
  #observer?: IntersectionObserver;
  #searchAbort?: AbortController;
  /** The details panel's code (with "add to calendar"), loaded the first time an event is chosen. */
  #details?: Details;
  /** The points last handed to the map, and the key of the filters they came from. */
  #pointsKey = '';
  #points: EventPoints = { type: 'FeatureCollection', features: [] };
  /** The map has been handed the feed's events (until then, an idle map is not "ready"). */
  #pointsShown = false;
  /** The map's camera should fit the events (or the search) once it can. */
  #fitPending = true;
  /** Focus the chosen event's item after the next render (it was chosen on the map). */
  #focusSelected = false;
  #restoredHash = false;
  #searchQueued = false;
  /** A search asked for before the feed was in, run once it is (see #search). */
  #searchWaits?: { keep: boolean; done: () => void };
  #url?: typeof import('./url-state.js');
  #lastHash = '';
  #lastOwn = '';
  #darkQuery?: MediaQueryList;
  /** Counts map starts, so a start that outlived its element's stay on the page can tell. */
  #gen = 0;
  /**
   * The first events of a large feed still downloading (src/feed/previews.ts): listed until the whole feed is in,
   * so the visitor reads events at once. The map, the search and the filters wait for the whole feed.
   */
  #preview?: FeedData;
  #stopPreview?: () => void;
  /** A large feed's points from the parse worker, and their blob: URL once handed to the map (see #handEarly). */
  #early?: { points: MapPoints; url?: string };
  /** How many points the map was last handed. */
  #pointCount = 0;
  /** Called once the list shows events (or the feed has settled), when the map waits for that. */
  #listShown?: () => void;

  /** Is the feed still to come (not loaded, not failed), with nothing listed yet? */
  #listPending(): boolean {
    return !this.feedState.data && this.feedState.status !== 'error' && !this.#preview;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // The list's preparation code downloads while the feed does; it also watches for the first events of a large
    // feed while that downloads (see #preview).
    void loadPreparer().then(
      (m) => {
        this.#stopPreview?.();
        this.#stopPreview = this.isConnected ? m.watchPreview(this, this.#onPreview, this.#onPoints) : undefined;
      },
      () => undefined,
    );
    // So is the parse worker's client (1 KB): a large feed's first events then come sooner.
    if (this.src) void import('../../feed/parse-in-worker.js').catch(() => undefined);
    window.addEventListener('hashchange', this.#onHashChange);
    this.#darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.#darkQuery.addEventListener('change', this.#onScheme);
    if (this.hasUpdated) this.#observe();
    // Already in view (at the top of the page): start loading the map now, while the list renders, rather than
    // after the first frame when the IntersectionObserver would say so.
    else if (this.#nearViewport()) void this.showMap();
  }

  /** Is the element shown and within 200 px of the viewport? (false when unsure: the observer then decides) */
  #nearViewport(): boolean {
    if (typeof this.checkVisibility !== 'function' || !this.checkVisibility()) return false;
    const r = this.getBoundingClientRect();
    const m = 200;
    return r.width > 0 && r.top < innerHeight + m && r.bottom > -m && r.left < innerWidth + m && r.right > -m;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopPreview?.();
    this.#stopPreview = undefined;
    this.#preview = undefined;
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#darkQuery?.removeEventListener('change', this.#onScheme);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#searchAbort?.abort();
    this.#destroyMap();
  }

  protected override firstUpdated(): void {
    this.#observe();
  }

  #onScheme = () => this.mapView?.refreshColors();

  #onPreview = (data: FeedData) => {
    if (this.feedState.data || this.feedState.status !== 'loading') return;
    this.#preview = data;
    this.requestUpdate();
  };

  #onPoints = (points: MapPoints) => {
    if (this.feedState.data || this.feedState.status !== 'loading') return;
    this.#early = { points };
    this.#handEarly();
  };

  /**
   * Hands the map a large feed's points as soon as the parse worker has them, before this thread has taken in the
   * events (see prepare.ts, pointsUrl): MapLibre's worker reads and clusters them meanwhile. #syncPoints adopts them
   * once the feed is in, or hands the map its own when they differ.
   */
  #handEarly(): void {
    const early = this.#early;
    const view = this.mapView;
    if (!early || early.url || !view || this.#pointsShown || this.feedState.data || !preparer) return;
    early.url = this.#plainScope() ? preparer.pointsUrl(early.points, this.clock.now(), this.showPast) : undefined;
    if (!early.url) return void (this.#early = undefined);
    this.#pointsShown = true;
    this.#pointCount = early.points.count;
    view.setPoints(early.url);
  }

  #onHashChange = () => {
    if (!this.syncUrl || location.hash === this.#lastHash) return;
    // The page navigated to an anchor of its own ("#partners"): keep the map as it is, and leave that hash alone.
    if (this.#url && !this.#url.splitHash(location.hash).own.size) {
      this.#lastHash = location.hash;
      return;
    }
    this.#restoreHash();
  };

  /** Starts the map when the element comes near the viewport. */
  #observe(): void {
    if (this.#observer || this.mapState !== 'waiting') return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void this.showMap();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
  }

  #destroyMap(): void {
    this.#gen++;
    this.mapView?.destroy();
    this.mapView = undefined;
    this.#early = undefined;
    this.#pointsKey = '';
    this.#pointsShown = false;
    this.#internals.states?.delete('ready');
    if (this.mapState === 'ready' || this.mapState === 'loading') this.mapState = 'waiting';
    this.renderRoot.querySelector('.map-canvas')?.replaceChildren();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('type')) this.typeFilter = this.type;
    if (changed.has('date')) this.dayFilter = isDay(this.date) ? this.date : '';
    if (changed.has('radius') || !this.radiusChoice) this.radiusChoice = this.#validRadius(this.radius);
    if (changed.has('bounds') && !this.mapView) this.viewBounds = parseBounds(this.bounds);
    const listChanged = ['host', 'tag', 'type', 'date', 'showPast', 'pageSize', 'found', 'typeFilter', 'dayFilter', 'tagFilter', 'modeFilter'].some(
      (k) => changed.has(k as keyof EventMap),
    );
    if (listChanged || this.limit === 0) this.limit = this.#pageStep;
    if (!this.#restoredHash && this.syncUrl) {
      this.#restoredHash = true;
      this.#restoreHash();
    }
    if (this.selectedId && !this.#details) this.#loadDetails();
    const start = (changed.has('place') && this.place) || (changed.has('zip') && this.zip);
    if (start && !this.query) this.query = (this.zip || this.place).trim();
  }

  #detailsPending?: Promise<void>;
  #messages?: typeof import('./search-messages.js');
  #messagesPending?: Promise<void>;

  /** The search's sentences (not found, location refused...), loaded when a search starts. */
  #loadMessages(): void {
    this.#messagesPending ??= import('./search-messages.js').then(
      (m) => {
        this.#messages = m;
        this.requestUpdate();
      },
      (e) => console.warn('<event-map>: the search messages could not be loaded', e),
    );
  }

  #loadDetails(): void {
    this.#detailsPending ??= import('./event-details.js').then(
      (m) => {
        this.#details = m;
        this.requestUpdate();
      },
      (e) => console.warn('<event-map>: the details panel could not be loaded', e),
    );
  }

  /** Also waits for the details panel's code when an event is chosen for the first time. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const pending = [
      !!this.feedState.data && !preparer?.preparedNow(this.feedState.data) && this.#deferred,
      !this.#details && this.#detailsPending,
      !this.#messages && this.searchState !== 'idle' && this.#messagesPending,
    ].filter(Boolean);
    if (!pending.length) return done;
    await Promise.all(pending);
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const data = this.feedState.data;
    // A starting place (attribute or shared link) is searched once the feed is in: town names come from it.
    if (data && this.query && this.searchState === 'idle' && !this.found && !this.#searchQueued) {
      // After this update, not during it (the search changes state as it goes).
      this.#searchQueued = true;
      queueMicrotask(() => {
        this.#searchQueued = false;
        if (this.searchState === 'idle' && !this.found && this.query) void this.#search(this.query, true);
      });
    }
    const waits = this.#searchWaits;
    if (waits && (data ? preparer?.preparedNow(data) : this.feedState.status !== 'loading')) {
      this.#searchWaits = undefined;
      if (data) queueMicrotask(() => void this.#search(this.query, waits.keep).then(waits.done));
      else {
        // No feed after all (its error says why): nothing to search among.
        this.searchState = 'idle';
        waits.done();
      }
    }
    // A feed that failed after its points went to the map (see #handEarly): they go too.
    if (this.#early?.url && this.feedState.status === 'error') {
      this.#early = undefined;
      this.mapView?.setPoints(this.#points);
    }
    this.#syncPoints();
    if (this.#listShown && !this.#listPending()) this.#listShown();
    if (this.#focusSelected) {
      this.#focusSelected = false;
      const button = this.renderRoot.querySelector<HTMLElement>(
        this.selectedId ? '.event.selected .title-button' : '.list-pane .title-button',
      );
      button?.focus({ preventScroll: true });
      button?.scrollIntoView({ block: 'nearest' });
    }
    if (this.syncUrl) this.#writeHash();
  }

  // ---- data ---------------------------------------------------------------------------------------------------

  get #pageStep(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : 50;
  }

  get #unit(): 'mile' | 'kilometer' {
    return preferredDistanceUnit(this.locale ?? navigator.language);
  }

  #validRadius(value: number | undefined): number {
    return value !== undefined && Number.isFinite(value) && value > 0 ? value : DEFAULT_RADIUS[this.#unit];
  }

  get #radiusKm(): number {
    return this.#unit === 'mile' ? this.radiusChoice * MILE_KM : this.radiusChoice;
  }

  /** The prepared events whose places this element waits for (several elements may share one feed). */
  #waitingFor?: Prepared;

  /** A big feed that arrived in this task: prepared in the next one (see #prepared). */
  #deferredFor?: FeedData;
  #deferred?: Promise<void>;

  /** Whether #prepared() gives the first events of a feed still downloading or being prepared (see #preview). */
  #previewShown = false;

  /**
   * The prepared events of the feed; while a large feed downloads (and until it is prepared), those of its first
   * events (see #preview), with #previewShown set.
   */
  #prepared(): Prepared | undefined {
    const data = this.feedState.data;
    const p = data && this.#preparedFull(data);
    this.#previewShown = false;
    if (p) {
      this.#preview = undefined;
      return p;
    }
    const preview = this.#preview;
    if (!preview || (!data && this.feedState.status !== 'loading')) return (this.#preview = undefined);
    this.#previewShown = true;
    return preparer?.preparedNow(preview);
  }

  #preparedFull(data: FeedData): Prepared | undefined {
    // A big feed arrives in a task that has already spent time taking it in (from the parse worker, or parsing it
    // here): it is prepared in slices over the next tasks (see prepare.ts), and listed once that is done. Its
    // points go to the map first: MapLibre's worker then clusters them while this thread renders the list.
    const p = preparer?.preparedNow(data);
    if (!p) {
      if (this.#deferredFor !== data) {
        this.#deferredFor = data;
        this.#deferred = loadPreparer()
          .then((m) => m.prepareFeed(data))
          .then(
            () =>
              new Promise<void>((listed) =>
                setTimeout(() => {
                  // Each step a task of its own: the points are made and handed over (see #syncPoints) before
                  // the list renders, which it does while MapLibre's worker clusters them.
                  this.#syncPoints();
                  setTimeout(() => {
                    this.requestUpdate();
                    listed();
                  });
                }),
              ),
            (e) => {
              this.#deferredFor = undefined;
              console.warn('<event-map>: the list could not be prepared', e);
            },
          );
      }
      return undefined;
    }
    if (!p.done && this.#waitingFor !== p) {
      this.#waitingFor = p;
      void p.placed.then(() => this.placedVersion++);
    }
    return p;
  }

  #memo?: { p: Prepared; key: string; scoped: Entry[]; filtered: Entry[]; mapped: Entry[] };

  /**
   * The events in scope, those that pass the filters, and those of them on the map: computed once per change of
   * feed, places, scope, filters or minute (a 100k-event feed is filtered once, not at every render).
   */
  #lists(p: Prepared): { scoped: Entry[]; filtered: Entry[]; mapped: Entry[] } {
    const key = [
      this.placedVersion,
      this.showPast,
      this.host,
      this.tag,
      this.typeFilter,
      this.dayFilter,
      this.tagFilter,
      this.modeFilter,
      Math.floor(this.clock.now() / 60_000),
    ].join('|');
    if (this.#memo?.p !== p || this.#memo.key !== key) {
      const scoped = this.#scoped(p);
      const filtered = this.#filtered(scoped);
      this.#memo = { p, key, scoped, filtered, mapped: filtered.filter((e) => e.at && !e.online) };
    }
    return this.#memo;
  }

  /** Events in scope: not past (unless show-past), and of the `host` / `tag` asked for. */
  #scoped(p: Prepared): Entry[] {
    const now = this.clock.now();
    const host = foldText(this.host.trim());
    const tag = foldText(this.tag.trim());
    return p.entries.filter(
      (e) => (this.showPast || e.end >= now) && (!host || e.host === host) && (!tag || e.tags.includes(tag)),
    );
  }

  /** Scoped events that pass the visitor's filters. */
  #filtered(scoped: Entry[]): Entry[] {
    const tag = this.tagFilter;
    const mode = this.modeFilter;
    if (!this.typeFilter && !this.dayFilter && !tag && !mode) return scoped;
    return scoped.filter(
      (e) =>
        (!this.typeFilter || e.event.type === this.typeFilter) &&
        (!this.dayFilter || e.day === this.dayFilter) &&
        (!tag || e.tags.includes(tag)) &&
        (!mode || (mode === 'online' ? e.event.online : !e.online)),
    );
  }

  /** Hands the map the events to draw when they changed. */
  #syncPoints(): void {
    const p = this.#prepared();
    // Approximate places are drawn once their town centres are known, all at once (no half-drawn map is "ready");
    // the first events of a feed still downloading are listed, not drawn.
    if (!p || !p.done || this.#previewShown) return;
    const { mapped } = this.#lists(p);
    // What the map shows changes with the feed, its places, the filters and the clock (events that end drop off).
    const key = [
      this.feedState.data?.loadedAt,
      this.placedVersion,
      this.typeFilter,
      this.dayFilter,
      this.tagFilter,
      this.modeFilter,
      this.host,
      this.tag,
      this.showPast,
      mapped.length,
      mapped[0]?.event.id,
    ].join('|');
    if (key !== this.#pointsKey) {
      this.#pointsKey = key;
      this.#points = {
        type: 'FeatureCollection',
        features: mapped.map((e) => ({
          type: 'Feature',
          properties: e.approximate ? { id: e.event.id, a: 1 } : { id: e.event.id },
          geometry: { type: 'Point', coordinates: e.at! },
        })),
      };
      this.#pointCount = mapped.length;
      const view = this.mapView;
      const early = this.#early;
      this.#early = undefined;
      // Every event the map draws now is among the points handed early (they hold every event at an exact place, and
      // maybe a record the full reading dropped: see turnoutPoints), so the same count means the same events. The map
      // keeps them (and revokes their URL once MapLibre has read it), and names its buttons again now that every
      // event's place is known.
      if (view && early?.url && early.points.count === mapped.length) view.adopt(this.#points);
      else if (view) {
        this.#internals.states?.delete('ready');
        const points = this.#points;
        const hand = () => {
          if (this.mapView !== view || this.#points !== points) return;
          this.#pointsShown = true;
          view.setPoints(points);
        };
        // Copying many points to MapLibre's worker takes a while: in a task of its own, not the list's.
        if (points.features.length > 2000) setTimeout(hand);
        else hand();
      }
      if (view && (this.#fitPending || !this.found)) this.#fitView(p, mapped);
    }
  }

  /** Does the element narrow the events it maps (host, tag, the visitor's filters)? */
  #plainScope(): boolean {
    return !this.host.trim() && !this.tag.trim() && !this.typeFilter && !this.dayFilter && !this.tagFilter && !this.modeFilter;
  }

  /** Moves the camera to what matters now: the search's results, or every event on the map. */
  #fitView(p: Prepared, mapped?: Entry[]): void {
    if (this.#previewShown) return;
    const view = this.mapView;
    if (!view) return;
    if (this.found) {
      const rows = this.#nearRows(this.#lists(p).filtered);
      const near = rows.within.length ? rows.within : rows.nearest;
      const b = boundsOf([this.found.center, ...near.map((r) => r.entry.at!)]);
      if (b) view.fitBounds(this.found.bounds && !near.length ? this.found.bounds : b, 12, this.mapState === 'ready');
      this.#fitPending = false;
      return;
    }
    if (!this.#fitPending || parseBounds(this.bounds) || parseLngLat(this.center)) {
      this.#fitPending = false;
      return;
    }
    if (!p.done) return;
    const b = boundsOf((mapped ?? this.#lists(p).mapped).map((e) => e.at!));
    if (b) {
      // The first fit, before the map is shown, jumps; later ones glide (unless reduced motion is asked for).
      view.fitBounds(b, 11, this.mapState === 'ready');
      this.#fitPending = false;
    }
  }

  /** Events near the searched place, nearest first: those within the radius, and the nearest few otherwise. */
  #nearRows(filtered: Entry[]): { within: Row[]; nearest: Row[] } {
    const found = this.found!;
    const rows: Row[] = [];
    for (const entry of filtered) if (entry.at && !entry.online) rows.push({ entry, km: distanceKm(found.center, entry.at) });
    rows.sort((a, b) => a.km! - b.km! || a.entry.event.start - b.entry.event.start);
    const limit = this.#radiusKm;
    const within = rows.filter((r) => r.km! <= limit);
    return { within, nearest: within.length ? [] : rows.slice(0, NEAREST) };
  }

  // ---- the map ------------------------------------------------------------------------------------------------

  /** Loads MapLibre and draws the map (once); the element calls it itself when it comes into view. */
  async showMap(): Promise<void> {
    if (this.mapState !== 'waiting' || !this.isConnected) return;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.mapState = 'loading';
    // Taken off the page (and maybe put back) while loading: this attempt is over.
    const gen = ++this.#gen;
    const stale = () => gen !== this.#gen || !this.isConnected;
    // The list comes first: while the feed is still on its way, MapLibre (its code, then its start: a long stretch
    // of main-thread work) waits until the first events are listed and painted, or LIST_FIRST_MS at the latest.
    if (this.#listPending()) {
      await new Promise<void>((resolve) => {
        this.#listShown = resolve;
        setTimeout(resolve, LIST_FIRST_MS);
      });
      this.#listShown = undefined;
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
      if (stale() || this.mapState !== 'loading') return;
    }
    let mod: ViewModule;
    try {
      // The zoom buttons and credits come in parallel with MapLibre; without them the map still works.
      const controls = import('./map-controls.js').then(
        (m) => (this.#controls = m),
        () => undefined,
      );
      // The offline basemap's data downloads (and decodes) alongside MapLibre rather than after it.
      if (!this.mapStyle) void import('../../geo/basemap.js').then((m) => m.loadBasemap()).catch(() => undefined);
      [mod] = await Promise.all([import('./map-view.js'), controls]);
    } catch (e) {
      console.warn('<event-map>: the map code could not be loaded', e);
      if (gen === this.#gen) this.mapState = 'error';
      return;
    }
    if (stale() || this.mapState !== 'loading') return;
    await this.updateComplete;
    const container = this.renderRoot.querySelector<HTMLElement>('.map-canvas');
    const overlay = this.renderRoot.querySelector<HTMLElement>('.overlay');
    if (!container || !overlay || stale()) return;
    // Private addresses may still be waiting for their town centres: the map starts anyway, and gets its points
    // (and is "ready") once they are placed.
    this.#syncPoints();
    const startBounds = parseBounds(this.bounds);
    const startCenter = parseLngLat(this.center);
    let fitNow: Bounds | null = null;
    if (!startBounds && !startCenter && !this.found && this.#points.features.length) {
      fitNow = boundsOf(this.#points.features.map((f) => f.geometry.coordinates as LngLat));
      if (fitNow) this.#fitPending = false;
    }
    const handed = this.#points;
    let view: MapView;
    try {
      view = await mod.createMapView({
        container,
        overlay,
        host: this,
        style: this.mapStyle || undefined,
        bounds: startBounds ?? fitNow,
        center: startCenter,
        zoom: startCenter ? (Number.isFinite(this.zoom) ? this.zoom : 9) : null,
        points: this.#points,
        labels: {
          map: msg('Map of events', { id: 'event-map.map-label' }),
          cluster: (n, at) => this.#controls?.clusterLabel(this.#labelSource, n, at) ?? this.#number(n),
          place: (ids) => this.#controls?.placeLabel(this.#labelSource, ids) ?? '',
          count: (n) => this.#number(n),
        },
        onSelect: (id, ids) => (ids.length > 1 ? this.#openPlace(ids) : this.#select(id, 'map')),
        onMove: (b) => {
          this.viewBounds = b;
        },
        onIdle: () => {
          if (!this.#pointsShown) return;
          this.viewBounds ??= this.mapView?.bounds() ?? null;
          this.mapState = 'ready';
          this.#internals.states?.add('ready');
          this.#announceReady();
        },
        onAttribution: (parts) => (this.attribution = parts),
        onPointsError: () => {
          // Back to the usual way: the points are handed as objects once the feed is in.
          this.#early = undefined;
          this.#pointsShown = false;
          this.#pointsKey = '';
          this.#syncPoints();
        },
        onStyleError: () => console.warn(`<event-map>: map-style "${this.mapStyle}" could not be loaded; showing the offline basemap.`),
      });
    } catch (e) {
      container.replaceChildren();
      const text = String((e as Error)?.message ?? e);
      console.warn('<event-map>: the map could not start', e);
      if (gen === this.#gen) this.mapState = /webgl/i.test(text) ? 'no-webgl' : 'error';
      return;
    }
    if (stale()) {
      // This map was made for an element that has since left the page (or started over).
      view.destroy();
      return;
    }
    this.mapView = view;
    this.requestUpdate();
    // The feed (or its places) may have come in while the map was starting.
    if (this.#points !== handed) view.setPoints(this.#points);
    const p = this.#prepared();
    this.#pointsShown = !!p?.done && !this.#previewShown;
    this.#handEarly();
    if (p) this.#fitView(p);
    const selected = p?.byId.get(this.selectedId);
    if (selected?.at) view.select(selected.at, true);
  }

  #announceReady(): void {
    const event: Event = new TurnoutMapReadyEvent({ events: this.#pointCount });
    this.dispatchEvent(event);
  }

  /** What the map's button names are made from (see map-controls.ts). */
  #labelSource: LabelSource = {
    locale: () => this.locale,
    number: (n) => this.#number(n),
    localities: () => this.#prepared()?.localities ?? [],
    entry: (id) => this.#prepared()?.byId.get(id),
  };

  #showAll(): void {
    const p = this.#prepared();
    if (!p || !this.mapView) return;
    this.#fitPending = true;
    this.#fitView(p, this.#lists(p).mapped);
  }

  // ---- choosing an event --------------------------------------------------------------------------------------

  #select(id: string, from: 'map' | 'list'): void {
    const entry = this.#prepared()?.byId.get(id);
    if (!entry) return;
    if (from === 'list' && this.selectedId === id) {
      this.selectedId = '';
      this.mapView?.select(null, false);
      return;
    }
    this.selectedId = id;
    this.mapView?.select(entry.at ?? null, from === 'list');
    if (from === 'map') {
      this.placeIds = [];
      this.#focusSelected = true;
      this.#ensureListed(id);
    }
    const event: Event = new TurnoutEventSelectEvent({ id });
    this.dispatchEvent(event);
  }

  /**
   * Several events at one point, chosen on the map: the list shows them (and only them), the first one focused.
   * With no ids, back to every event (focus on the list's first).
   */
  #openPlace(ids: string[]): void {
    this.placeIds = ids;
    this.selectedId = '';
    this.mapView?.select(this.#prepared()?.byId.get(ids[0])?.at ?? null, false);
    this.#focusSelected = true;
  }

  /** Raises the "Show more" limit far enough for an event chosen on the map to be in the list. */
  #ensureListed(id: string): void {
    for (const s of this.#sections()) {
      const index = s.entries.findIndex((e) => e.event.id === id);
      if (index >= this.limit) this.limit = index + 1;
    }
  }

  // ---- search -------------------------------------------------------------------------------------------------

  /**
   * Searches near a place (a ZIP code, a town the feed or the built-in list knows, or the embedder's geocoder).
   * Asked while the feed is still loading, it runs (and resolves) once every event is in.
   */
  search(query: string): Promise<void> {
    return this.#search(query, false);
  }

  /** `keep`: a starting or restored search, which keeps the event chosen with it (e.g. from a shared link). */
  async #search(query: string, keep: boolean): Promise<void> {
    const text = query.trim();
    this.#searchAbort?.abort();
    this.query = text;
    if (!text) {
      this.#clearSearch();
      return;
    }
    this.#loadMessages();
    this.searchState = 'searching';
    this.#searchWaits?.done();
    this.#searchWaits = undefined;
    const data = this.feedState.data;
    if (data ? !preparer?.preparedNow(data) : this.feedState.status === 'loading') {
      // Town names come from the feed, and the events near the place from all of it: see updated().
      return new Promise((done) => (this.#searchWaits = { keep, done }));
    }
    const abort = (this.#searchAbort = new AbortController());
    let result: PlaceResult | null = null;
    try {
      const { resolvePlace } = await import('../../geo/search.js');
      result = await resolvePlace(text, {
        events: this.feedState.data?.events ?? [],
        locale: this.locale,
        geocoder: this.geocoder,
        signal: abort.signal,
      });
    } catch (e) {
      if (abort.signal.aborted) return;
      console.warn('<event-map>: search failed', e);
      this.searchState = 'failed';
      return;
    }
    if (abort.signal.aborted) return;
    if (!result) {
      this.found = null;
      this.searchState = 'not-found';
      return;
    }
    this.#setFound(result, keep);
  }

  #setFound(result: PlaceResult, keep = false): void {
    this.found = result;
    this.placeIds = [];
    this.searchState = 'done';
    if (!keep) {
      this.selectedId = '';
      this.mapView?.select(null, false);
    }
    // A place found before the feed is in (the visitor's location) is fitted once it is.
    this.#fitPending = true;
    const p = this.#prepared();
    if (p) {
      if (!p.done) void p.placed.then(() => this.#fitView(p));
      this.#fitView(p);
    }
  }

  #clearSearch(): void {
    this.#searchAbort?.abort();
    this.#searchWaits?.done();
    this.#searchWaits = undefined;
    this.query = '';
    this.found = null;
    this.placeIds = [];
    this.searchState = 'idle';
    const p = this.#prepared();
    this.#fitPending = true;
    if (p) this.#fitView(p, this.#lists(p).mapped);
  }

  /** Asks the browser for the visitor's position: only ever after a press of "Use my location". */
  #locate(): void {
    this.#searchAbort?.abort();
    const geo = navigator.geolocation;
    if (!geo) {
      this.#loadMessages();
      this.searchState = 'unavailable';
      return;
    }
    this.searchState = 'locating';
    this.#loadMessages();
    geo.getCurrentPosition(
      (pos) => {
        if (this.searchState !== 'locating') return;
        this.query = '';
        this.#setFound({
          label: msg('your location', { id: 'event-map.your-location' }),
          center: [pos.coords.longitude, pos.coords.latitude],
          kind: 'location',
        });
      },
      (err) => {
        if (this.searchState !== 'locating') return;
        this.searchState = err.code === 1 ? 'denied' : err.code === 3 ? 'timeout' : 'unavailable';
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  // ---- URL hash (sync-url) ------------------------------------------------------------------------------------

  /** Applies what the hash says (once its code is in). */
  #restoreHash(): void {
    if (!this.#url) {
      void import('./url-state.js').then((m) => {
        this.#url = m;
        if (this.isConnected && this.syncUrl) this.#restoreHash();
      });
      return;
    }
    const { own } = this.#url.splitHash(location.hash);
    const q = own.get('q') ?? '';
    const r = Number(own.get('r'));
    this.typeFilter = own.get('type') ?? this.type;
    this.dayFilter = own.get('day') ?? (isDay(this.date) ? this.date : '');
    this.tagFilter = own.get('tag') ?? '';
    const mode = own.get('mode');
    this.modeFilter = mode === 'online' || mode === 'in-person' ? mode : '';
    if (Number.isFinite(r) && r > 0) this.radiusChoice = r;
    this.selectedId = own.get('event') ?? '';
    if (q !== this.query || (!q && this.found)) {
      if (q) {
        this.query = q;
        this.found = null;
        this.searchState = 'idle';
      } else if (this.found?.kind !== 'location') this.#clearSearch();
    }
    this.#lastHash = location.hash;
    this.requestUpdate();
  }

  #writeHash(): void {
    // Nothing is written before the hash has been read: a shared link must not be overwritten on arrival.
    if (!this.#url) return;
    const own: [string, string][] = [];
    // A searched location is the visitor's own position: never put it in a link they may share.
    const q = this.found?.kind === 'location' ? '' : this.query;
    own.push(['q', q], ['r', q && this.radiusChoice !== DEFAULT_RADIUS[this.#unit] ? String(this.radiusChoice) : '']);
    own.push(['type', this.typeFilter], ['day', this.dayFilter], ['tag', this.tagFilter], ['mode', this.modeFilter], ['event', this.selectedId]);
    // Written only when what the map shares changed, so an unrelated hash the page navigated to is left alone.
    const key = JSON.stringify(own);
    if (key === this.#lastOwn) return;
    this.#lastOwn = key;
    const hash = this.#url.joinHash(location.hash, own);
    if (hash === location.hash || (!hash && !location.hash)) return;
    this.#lastHash = hash;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash || ''}`);
  }

  // ---- rendering ----------------------------------------------------------------------------------------------

  #number(n: number): string {
    return numberFormat(this.locale).format(n);
  }

  /** The list's sections: the main list (in view, near the search, or all), then online events, then unplaced ones. */
  #sections(): Section[] {
    const p = this.#prepared();
    if (!p) return [];
    const { filtered } = this.#lists(p);
    const sections: Section[] = [];
    if (this.found) {
      const { within, nearest } = this.#nearRows(filtered);
      sections.push({
        key: 'main',
        title: within.length
          ? msg(str`Near ${this.found.label}`, { id: 'event-map.near-heading' })
          : msg(str`Nearest to ${this.found.label}`, { id: 'event-map.nearest-heading' }),
        entries: (within.length ? within : nearest).map((r) => r.entry),
        km: (within.length ? within : nearest).map((r) => r.km!),
      });
    } else if (this.placeIds.length) {
      const ids = new Set(this.placeIds);
      sections.push({
        key: 'main',
        title: msg('At this place', { id: 'event-map.place-heading' }),
        entries: filtered.filter((e) => ids.has(e.event.id)),
      });
      return sections;
    } else {
      const bounds = this.viewBounds;
      const inPerson = filtered.filter((e) => !e.online && (e.at || !p.done));
      sections.push({
        key: 'main',
        title: bounds
          ? msg('In the map area', { id: 'event-map.in-view-heading' })
          : msg('In person', { id: 'event-map.in-person-heading' }),
        entries: bounds ? inPerson.filter((e) => e.at && inBounds(e.at, bounds)) : inPerson,
      });
    }
    if (this.modeFilter !== 'in-person') {
      sections.push({
        key: 'online',
        title: msg('Online', { id: 'event-map.online' }),
        entries: filtered.filter((e) => e.online),
      });
    }
    if (p.done && !this.found) {
      sections.push({
        key: 'unplaced',
        title: msg('Not on the map', { id: 'event-map.unplaced' }),
        entries: filtered.filter((e) => !e.online && !e.at),
      });
    }
    return sections;
  }

  /** The visitor's zone, read once per render (each read builds an Intl.DateTimeFormat). */
  #viewerZone?: string;

  override render(): TemplateResult {
    this.#viewerZone = viewerTimeZone();
    const data = this.feedState.data;
    const p = this.#prepared();
    const scoped = p ? this.#lists(p).scoped : [];
    // While a large feed downloads, its first events (see #preview): the filters' choices wait until all are in.
    const preview = this.#previewShown;
    const listed = preview ? this.#preview : data;
    // The search and the filters' line are there from the first render (a search asked for before the feed is in
    // runs once it is), and the feed's status sits where its events are to be listed: nothing above the list or
    // the map moves as the feed arrives (on a phone the whole widget would jump as the visitor starts reading).
    return html`
      ${data || this.feedState.status !== 'error' ? this.#renderSearch(p && !preview ? scoped : undefined) : nothing}
      <div class="layout">
        <div class="map-pane">${this.#renderMap()}</div>
        <div class="list-pane" part="list" aria-busy=${preview || this.feedState.status === 'loading' ? 'true' : 'false'}>
          ${this.renderFeedStatus()} ${listed && p ? this.#renderList(listed, scoped, preview) : nothing}
        </div>
      </div>
    `;
  }

  /** While the first events of a large feed are listed, their count line says the rest are loading. */
  protected override loadingText(): string {
    return this.#previewShown ? '' : super.loadingText();
  }

  /**
   * `scoped`: undefined until every event is in (the filters' choices come from them). The search status has no
   * white space around its message: `:empty` hides it until a first search (see the styles).
   */
  #renderSearch(scoped?: Entry[]): TemplateResult {
    const unit = this.#unit;
    const radii = RADII.includes(this.radiusChoice) ? RADII : [...RADII, this.radiusChoice].sort((a, b) => a - b);
    const busy = this.searchState === 'searching' || this.searchState === 'locating';
    return html`
      <form
        class="search"
        part="search"
        role="search"
        aria-label=${msg('Find events near a place', { id: 'event-map.search-label' })}
        @submit=${(e: Event) => {
          e.preventDefault();
          const input = (e.target as HTMLFormElement).querySelector('input')!;
          void this.search(input.value);
        }}
      >
        <label class="field query">
          <span>${msg('ZIP code or town', { id: 'event-map.query' })}</span>
          <input type="search" name="q" .value=${this.query} autocomplete="postal-code" enterkeyhint="search" />
        </label>
        <label class="field">
          <span>${msg('Within', { id: 'event-map.radius' })}</span>
          <select
            @change=${(e: Event) => {
              this.radiusChoice = Number((e.target as HTMLSelectElement).value);
              const p = this.#prepared();
              if (p && this.found) {
                this.#fitPending = true;
                this.#fitView(p);
              }
            }}
          >
            ${radii.map(
              (r) =>
                html`<option value=${r} ?selected=${r === this.radiusChoice}>${formatDistance(unit === 'mile' ? r * MILE_KM : r, unit, this.locale, numberFormat)}</option>`,
            )}
          </select>
        </label>
        <div class="buttons">
          <button type="submit" class="button" aria-disabled=${busy ? 'true' : 'false'}>
            ${msg('Search', { id: 'event-map.search' })}
          </button>
          <button type="button" class="button secondary" @click=${() => this.#locate()}>
            ${msg('Use my location', { id: 'event-map.locate' })}
          </button>
          ${this.found || this.query
            ? html`<button type="button" class="button secondary" @click=${() => this.#clearSearch()}>
                ${msg('Clear search', { id: 'event-map.clear-search' })}
              </button>`
            : nothing}
        </div>
      </form>
      <p class="search-status" part="search-status" role="status" aria-live="polite" ?data-kept=${this.searchState !== 'idle'}>${this.#searchMessage()}</p>
      ${!scoped || scoped.length ? this.#renderFilters(scoped) : nothing}
    `;
  }

  #searchMessage(): string {
    const q = this.query;
    switch (this.searchState) {
      case 'searching':
        return msg('Searching…', { id: 'event-map.searching' });
      case 'locating':
        return msg('Finding your location…', { id: 'event-map.locating' });
      case 'idle':
      case 'done':
        return '';
      default:
        return this.#messages?.searchProblem(this.searchState, q) ?? '';
    }
  }

  /** What the filters' row (filters.ts) reads of this element, and how it sets a filter. */
  get #filterHost(): FilterHost {
    return {
      locale: this.locale,
      filters: { day: this.dayFilter, type: this.typeFilter, tag: this.tagFilter, mode: this.modeFilter },
      set: (filter, value) => {
        // `clear` comes with '' and sets every one.
        const all = filter === 'clear';
        if (all || filter === 'day') this.dayFilter = value;
        if (all || filter === 'type') this.typeFilter = value;
        if (all || filter === 'tag') this.tagFilter = value;
        if (all || filter === 'mode') this.modeFilter = value as Mode;
      },
    };
  }

  #renderFilters(scoped?: Entry[]): TemplateResult | typeof nothing {
    const active = !!(this.typeFilter || this.dayFilter || this.tagFilter || this.modeFilter);
    // `scoped` is there once the events are prepared, so is the prepare chunk and its row.
    const row = scoped ? preparer!.renderFilterRow(this.#filterHost, scoped, active) : html`<p class="row">${super.loadingText()}</p>`;
    // One <details> throughout, so that one opened before the feed is in stays open as the choices arrive; none
    // when the feed leaves nothing to choose (one day, one type...).
    return row === nothing
      ? nothing
      : html`<details class="filters" part="filters" ?open=${active}>
          <summary>${msg('Filters', { id: 'event-map.filters' })}</summary>
          ${row}
        </details>`;
  }

  #renderMap(): TemplateResult {
    const state = this.mapState;
    const unavailable = state === 'no-webgl' || state === 'error';
    let placeholder: unknown = nothing;
    if (state === 'waiting') {
      placeholder = html`<button type="button" class="button secondary" @click=${() => this.showMap()}>
        ${msg('Show the map', { id: 'event-map.show-map' })}
      </button>`;
    } else if (state === 'loading') {
      placeholder = html`<p>${msg('Loading the map…', { id: 'event-map.loading-map' })}</p>`;
    } else if (state === 'no-webgl') {
      placeholder = html`<p>
        ${msg('This browser cannot draw the map (WebGL is turned off or not available). Every event is in the list.', {
          id: 'event-map.no-webgl',
        })}
      </p>`;
    } else if (state === 'error') {
      placeholder = html`<p>${msg('The map could not be loaded. Every event is in the list.', { id: 'event-map.map-error' })}</p>`;
    }
    return html`
      <div class="map-frame ${unavailable ? 'unavailable' : ''}" part="map">
        ${this.mapView && this.#controls && !unavailable
          ? this.#controls.renderControls(
              (d) => this.mapView?.zoomBy(d),
              () => this.#showAll(),
            )
          : nothing}
        <div class="map-canvas" ?hidden=${unavailable}></div>
        <div class="overlay" ?hidden=${unavailable}></div>
        <div
          class="placeholder"
          part="placeholder"
          role="status"
          ?hidden=${state === 'ready' || (state === 'loading' && !!this.mapView && (this.feedState.status === 'error' || this.attribution.length > 0))}
        >
          ${placeholder}
        </div>
      </div>
      ${unavailable
        ? nothing
        : html`<div class="credits">
            ${this.#controls && (state === 'ready' || this.attribution.length) ? this.#controls.renderCredits(this.attribution) : nothing}
          </div>`}
    `;
  }

  /** `preview`: the first events of a feed still downloading (see #preview): no count of the whole, no "Show more". */
  #renderList(data: FeedData, scoped: Entry[], preview: boolean): TemplateResult | typeof nothing {
    if (!scoped.length) {
      return preview
        ? nothing
        : html`<div class="empty" part="empty"><p>${msg('No upcoming events yet.', { id: 'event-map.empty' })}</p>${this.#hostLink(data)}</div>`;
    }
    const sections = this.#sections();
    const main = sections[0];
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 3, 2), 5);
    // Each section shows up to `limit` events, so online events are not pushed out of sight by a long main list; the
    // first events of a feed still downloading, a screenful (they are soon replaced).
    const shown = sections.map((s) => ({ ...s, entries: s.entries.slice(0, preview ? Math.min(this.limit, 20) : this.limit) }));
    const total = sections.reduce((n, s) => n + s.entries.length, 0);
    const rest = total - shown.reduce((n, s) => n + s.entries.length, 0);
    const nearest = main.km?.[0];
    return html`
      <p class="count" part="count" role="status" aria-live="polite">
        ${preview
          ? msg(str`The first ${this.#number(total - rest)} events, while the rest load…`, { id: 'event-map.count.preview' })
          : this.#countText(main)}
      </p>
      ${this.placeIds.length && !this.found && !preview
        ? html`<button type="button" class="button secondary" part="show-all" @click=${() => this.#openPlace([])}>
            ${msg('Back to all events', { id: 'event-map.place-back' })}
          </button>`
        : nothing}
      ${this.found && !(nearest! <= this.#radiusKm) ? this.#renderNothingNear(data) : nothing}
      ${!this.found && !preview && total === 0
        ? html`<div class="empty" part="empty">
            <p>${msg('No events match these filters.', { id: 'event-map.no-match' })}</p>
          </div>`
        : nothing}
      ${shown.map((s) => (s.entries.length ? this.#renderSection(s, level) : nothing))}
      ${rest > 0 && !preview
        ? html`<button type="button" class="button secondary more" part="show-more" @click=${() => (this.limit += this.#pageStep)}>
            ${msg(str`Show more (${this.#number(rest)} more)`, { id: 'event-map.show-more' })}
          </button>`
        : nothing}
    `;
  }

  #countText(main: Section): string {
    const n = this.#number(main.entries.length);
    const plural = new Intl.PluralRules(this.locale).select(main.entries.length) === 'one';
    if (main.key === 'main' && this.placeIds.length && !this.found) {
      return msg(str`${n} events at this place`, { id: 'event-map.count.place' });
    }
    if (this.found) {
      const radius = formatDistance(this.#radiusKm, this.#unit, this.locale, numberFormat);
      const label = this.found.label;
      const within = main.km?.[0]! <= this.#radiusKm;
      if (!within) return msg(str`No events within ${radius} of ${label}.`, { id: 'event-map.count.none-near' });
      return plural
        ? msg(str`${n} event within ${radius} of ${label}`, { id: 'event-map.count.near.one' })
        : msg(str`${n} events within ${radius} of ${label}`, { id: 'event-map.count.near.other' });
    }
    if (this.viewBounds) {
      return plural
        ? msg(str`${n} event in the map area`, { id: 'event-map.count.view.one' })
        : msg(str`${n} events in the map area`, { id: 'event-map.count.view.other' });
    }
    return plural
      ? msg(str`${n} event in person`, { id: 'event-map.count.all.one' })
      : msg(str`${n} events in person`, { id: 'event-map.count.all.other' });
  }

  #hostUrl(data: FeedData): string | undefined {
    return safeUrl(data.campaign?.hostEventUrl, data.url) ?? safeUrl(this.hostUrl, location.href);
  }

  #hostLink(data: FeedData): TemplateResult | typeof nothing {
    const url = this.#hostUrl(data);
    return url
      ? html`<a class="button" part="host-link" href=${url} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
          >${msg('Host an event', { id: 'event-map.host-event' })}<span class="visually-hidden">
            ${msg('(opens in a new tab)', { id: 'event-map.new-tab' })}</span
          ></a
        >`
      : nothing;
  }

  #renderNothingNear(data: FeedData): TemplateResult {
    const radius = formatDistance(this.#radiusKm, this.#unit, this.locale, numberFormat);
    return html`<div class="empty" part="empty">
      <p>
        ${this.#messages?.nothingNear(radius)}
      </p>
      ${this.#hostLink(data)}
    </div>`;
  }

  #renderSection(section: Section, level: number): TemplateResult {
    const id = `section-${section.key}`;
    return html`<section class="section" aria-labelledby=${id}>
      ${heading(level, 'section-heading', id, section.title)}
      <ul class="events" role="list">
        ${section.entries.map((entry, i) => this.#renderEvent({ entry, km: section.km?.[i] }, level + 1))}
      </ul>
    </section>`;
  }

  #rsvpUrl(event: TurnoutEvent): string | undefined {
    const url = safeUrl(event.url, this.feedState.data?.url);
    return url && withSource(url, this.source);
  }

  #renderStatus(event: TurnoutEvent): TemplateResult | typeof nothing {
    const label =
      event.status === 'cancelled'
        ? msg('Cancelled', { id: 'event-map.status.cancelled' })
        : event.status === 'postponed'
          ? msg('Postponed', { id: 'event-map.status.postponed' })
          : event.status === 'full'
            ? msg('Full', { id: 'event-map.status.full' })
            : '';
    return label ? html`<span class="status">${label}</span>` : nothing;
  }

  #placeText(entry: Entry, full = false): string {
    const place = formatPlace(entry.event.location, { locale: this.locale, full, country: full });
    if (!place) return entry.event.online ? msg('Online', { id: 'event-map.online' }) : '';
    return entry.approximate ? msg(str`Approximate location: ${place}`, { id: 'event-map.approximate' }) : place;
  }

  #renderEvent(row: Row, level: number): TemplateResult {
    const { entry } = row;
    const { event } = entry;
    const index = entry.index;
    const selected = this.selectedId === event.id;
    const when = formatEventWhen(event, { locale: this.locale, viewerZone: this.#viewerZone });
    const cancelled = event.status === 'cancelled';
    const rsvp = this.#rsvpUrl(event);
    const titleId = `event-${index}`;
    const detailsId = `details-${index}`;
    const place = this.#placeText(entry);
    return html`<li class="event ${selected ? 'selected' : ''} ${cancelled ? 'cancelled' : ''}" part="event">
      <article aria-labelledby=${titleId}>
        ${heading(
          level,
          'title',
          titleId,
          html`<button
              type="button"
              class="title-button"
              aria-expanded=${selected ? 'true' : 'false'}
              aria-controls=${selected ? detailsId : nothing}
              @click=${() => this.#select(event.id, 'list')}
            >
              ${event.title}</button
            >${this.#renderStatus(event)}`,
        )}
        <div class="meta">
          <p class="when"><time datetime=${when.datetime}>${when.date}, ${when.time}${when.zone ? ` ${when.zone}` : ''}</time></p>
          ${place ? html`<p class="where">${place}</p>` : nothing}
          ${row.km !== undefined
            ? html`<p class="distance">
                ${msg(str`${formatDistance(row.km, this.#unit, this.locale, numberFormat)} away`, { id: 'event-map.distance' })}
              </p>`
            : nothing}
        </div>
        ${selected && this.#details
          ? this.#details.renderDetails(event, {
              id: detailsId,
              locale: this.locale,
              rsvp,
              online: safeUrl(event.onlineUrl, this.feedState.data?.url),
              place: this.#placeText(entry, true),
              approximate: entry.approximate,
              calendarOpen: this.calendarFor === event.id,
              toggleCalendar: () => (this.calendarFor = this.calendarFor === event.id ? '' : event.id),
            })
          : nothing}
        ${rsvp && !selected
          ? html`<div class="actions">
              <a href=${rsvp} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
                >${cancelled || event.status === 'full' ? msg('Details', { id: 'event-map.details' }) : msg('RSVP', { id: 'event-map.rsvp' })}<span
                  class="visually-hidden"
                  >: ${event.title} ${msg('(opens in a new tab)', { id: 'event-map.new-tab' })}</span
                ></a
              >
            </div>`
          : nothing}
      </article>
    </li>`;
  }
}
