/**
 * The map half of <event-map>, loaded only when the element comes into view (or the visitor asks for the map):
 * everything that needs MapLibre lives here, so a page with the map below the fold downloads none of it.
 *
 * Kept free of Lit and @lit/localize on purpose (see src/shared/API-CONTRACT.md, "Size rule"): the element hands
 * in every text a person reads through `labels`, and gets back plain values (ids, bounds), never MapLibre objects.
 *
 * What it draws: the offline basemap (land, countries, US states from src/geo/basemap.ts) or the style at
 * `map-style`; a clustered GeoJSON source of the events; and, over the canvas, one focusable <button> per cluster
 * (showing its count: no glyph server is needed) and per single place, so keyboards and screen readers reach them.
 */
import * as maplibreModule from 'maplibre-gl';
import type {
  FilterSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { BASEMAP_ATTRIBUTION, loadBasemap } from '../../geo/basemap.js';
import type { Bounds, LngLat } from '../../geo/types.js';

type MapLibre = typeof maplibreModule;

// The single-file build is a UMD script: bundlers (Vite, Storybook) hand it over as the module's default export;
// served as it is (the test runner's dev server) it sets `globalThis.maplibregl` instead.
const maplibregl: MapLibre =
  (maplibreModule as unknown as { default?: MapLibre }).default ??
  (globalThis as unknown as { maplibregl?: MapLibre }).maplibregl ??
  (maplibreModule as unknown as MapLibre);

/**
 * The events' source: one point per mappable event, `properties: { id }`, plus `a: 1` for an approximate place
 * (left out otherwise: 10k fewer values to copy to MapLibre's worker).
 */
export type EventPoints = FeatureCollection<Point, { id: string; a?: 1 }>;

export interface ViewLabels {
  /** The map's accessible name. */
  map: string;
  /** A cluster's name, e.g. "12 events near Minneapolis — zoom in". */
  cluster(count: number, at: LngLat): string;
  /** A single place's name: one event, or several events at the same point. */
  place(ids: string[]): string;
  /** A count as the locale writes it. */
  count(n: number): string;
}

export interface AttributionPart {
  text: string;
  href?: string;
}

export interface MapViewOptions {
  /** Where MapLibre puts its canvas. */
  container: HTMLElement;
  /** Where the cluster and marker buttons go (positioned over the canvas). */
  overlay: HTMLElement;
  /** The element: its theme colours are read from here. */
  host: HTMLElement;
  /** A MapLibre style URL instead of the offline basemap. */
  style?: string;
  labels: ViewLabels;
  /** First view: bounds win over center/zoom. */
  bounds?: Bounds | null;
  center?: LngLat | null;
  zoom?: number | null;
  points?: EventPoints;
  /** A single event (or a place with several) was chosen on the map. */
  onSelect(id: string, ids: string[]): void;
  /** The view moved (after the movement ended). */
  onMove(bounds: Bounds): void;
  /** The map is idle with the current points drawn and their buttons in place. */
  onIdle(): void;
  /** The credits to show (the basemap's, or those of the style's sources). */
  onAttribution(parts: AttributionPart[]): void;
  /** The style at `map-style` could not be loaded: the offline basemap is shown instead. */
  onStyleError?(): void;
  /** Points given by URL (see setPoints) could not be loaded: hand them over as objects instead. */
  onPointsError?(): void;
}

export interface MapView {
  /** The events to draw: the points, or the URL of their GeoJSON (MapLibre's worker then fetches and reads it). */
  setPoints(points: EventPoints | string): void;
  /** The points now drawn from a URL, as objects (kept for a later style change); the buttons are named again. */
  adopt(points: EventPoints): void;
  /** Rings the chosen point (or clears the ring); pans to it when it is out of view and `reveal` is set. */
  select(at: LngLat | null, reveal: boolean): void;
  zoomBy(delta: number): void;
  /** `animate`: glide there (never under reduced motion); else jump. */
  fitBounds(bounds: Bounds, maxZoom?: number, animate?: boolean): void;
  /** Re-reads the theme colours (e.g. after a light/dark switch). */
  refreshColors(): void;
  /** The bounds in view. */
  bounds(): Bounds;
  destroy(): void;
  /** For tests only: the MapLibre map. Not part of the element's API. */
  readonly map: MapLibreMap;
}

const CLUSTER_RADIUS = 50;
const CLUSTER_MAX_ZOOM = 12;
/** More buttons than this over the map would slow panning; the list still reaches every event. */
const MAX_BUTTONS = 300;
/** The layers of single events: exact places, and approximate ones (hollow rings). */
const POINT_LAYERS: [id: string, approximate: boolean][] = [
  ['points', false],
  ['points-approximate', true],
];
const EMPTY: EventPoints = { type: 'FeatureCollection', features: [] };

/**
 * Points handed as a blob: URL (a large feed's packed points, see prepare.ts) are read by MapLibre's worker itself
 * rather than copied there object by object from this thread. MapLibre's workers fetch only http(s) URLs on their
 * own and send any other scheme back to the main thread, so a protocol of ours is registered inside them (MapLibre's
 * `importScriptInWorkers` and its workers' `self.addProtocol`): `turnout-points://blob/<blob: URL>` fetches the blob
 * in the worker and makes the GeoJSON features from it: the count (a float64), the coordinates (float64 longitude,
 * latitude pairs), then the ids as UTF-8 JSON. A page whose Content-Security-Policy or Trusted Types refuse the script (or the blob fetch) gets
 * the points the usual way (see onPointsError).
 *
 * Once MapLibre's worker has indexed a GeoJSON it fetched, it posts the whole collection back to the page (for the
 * source's getData), where the element never reads it: at 100k points a 250 ms task here, and as long again there.
 * The collection the protocol gives hands its features to the indexing, which reads them in one synchronous step;
 * its first read queues a microtask that empties the list before the answer is posted, and only the index keeps
 * the points.
 */
const POINTS_PROTOCOL = 'turnout-points';
const PROTOCOL_SCRIPT = `self.addProtocol(${JSON.stringify(POINTS_PROTOCOL)},async(p,c)=>{
let u=p.url,b=await(await fetch(decodeURIComponent(u.slice(u.lastIndexOf('/')+1)),{signal:c.signal})).arrayBuffer(),
n=new Float64Array(b,0,1)[0],a=new Float64Array(b,8,2*n),q=0,
f=JSON.parse(new TextDecoder().decode(new Uint8Array(b,8+16*n))).map((id,i)=>
({type:'Feature',properties:{id},geometry:{type:'Point',coordinates:[a[2*i],a[2*i+1]]}}));
return{data:{type:'FeatureCollection',get features(){q||queueMicrotask(()=>f=[]);q=1;return f}}}})`;
let pointsProtocol: Promise<boolean> | undefined;

/** Registers the points protocol in MapLibre's workers, once per page; false when they refuse the script. */
function registerPointsProtocol(): Promise<boolean> {
  return (pointsProtocol ??= (async () => {
    const script = URL.createObjectURL(new Blob([PROTOCOL_SCRIPT], { type: 'text/javascript' }));
    try {
      await maplibregl.importScriptInWorkers(script);
      return true;
    } catch {
      return false;
    } finally {
      URL.revokeObjectURL(script);
    }
  })());
}

interface Colors {
  accent: string;
  onAccent: string;
  surface: string;
  text: string;
  border: string;
  land: string;
  sea: string;
  line: string;
}

/** A CSS colour as `rgba(...)` MapLibre can parse, whatever syntax the page used (oklch, color-mix, names...). */
function resolveColor(ctx: CanvasRenderingContext2D, probe: HTMLElement, value: string): [number, number, number, number] {
  probe.style.color = value;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = getComputedStyle(probe).color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

const rgba = ([r, g, b, a]: number[]) => `rgba(${r},${g},${b},${a.toFixed(3)})`;
const mix = (x: number[], y: number[], t: number) => x.map((v, i) => (i < 3 ? Math.round(v + (y[i] - v) * t) : 1));

function themeColors(host: HTMLElement): Colors {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const probe = document.createElement('span');
  probe.hidden = true;
  (host.shadowRoot ?? host).append(probe);
  try {
    const read = (name: string, fallback: string) =>
      ctx ? resolveColor(ctx, probe, `var(${name}, ${fallback})`) : [0, 0, 0, 1];
    const accent = read('--_accent', '#1f5fbf');
    const surface = read('--_surface', '#ffffff');
    const text = read('--_text', '#1b1d22');
    const border = read('--_border', '#7b7f8a');
    const onAccent = read('--_on-accent', '#ffffff');
    return {
      accent: rgba(accent),
      onAccent: rgba(onAccent),
      surface: rgba(surface),
      text: rgba(text),
      border: rgba(border),
      land: rgba(mix(surface, text, 0.04)),
      sea: rgba(mix(surface, accent, 0.16)),
      line: rgba(mix(surface, border, 0.55)),
    };
  } finally {
    probe.remove();
  }
}

/**
 * The offline style: the basemap's shapes as GeoJSON sources, filled and stroked in the theme's colours. No
 * symbol layers, so no glyphs or sprites are ever requested.
 */
async function offlineStyle(colors: Colors): Promise<StyleSpecification> {
  const basemap = await loadBasemap();
  const kind = (k: string): FilterSpecification => ['==', ['get', 'kind'], k];
  return {
    version: 8,
    sources: {
      // One source for the three layers: one set of tiles for MapLibre's worker to cut, rather than three.
      basemap: {
        type: 'geojson',
        // Only the borders between states: their outlines would draw every coast twice.
        data: { type: 'FeatureCollection', features: [...basemap.land.features, ...basemap.stateBorders.features, ...basemap.countries.features] },
      },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': colors.sea } },
      { id: 'land', type: 'fill', source: 'basemap', filter: kind('land'), paint: { 'fill-color': colors.land } },
      { id: 'states', type: 'line', source: 'basemap', filter: kind('state-border'), paint: { 'line-color': colors.line, 'line-width': 0.7 } },
      {
        id: 'countries',
        type: 'line',
        source: 'basemap',
        filter: kind('country-border'),
        paint: { 'line-color': colors.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.8, 8, 1.6] },
      },
    ],
  };
}

/**
 * Attribution HTML from a third-party style ("<a href=…>© OpenMapTiles</a> …") as text and links, without any HTML
 * parser (no HTML sink, and it works under Trusted Types): tags are dropped, <a href> keeps an https link.
 */
export function attributionParts(html: string): AttributionPart[] {
  const parts: AttributionPart[] = [];
  const decode = (s: string) =>
    s
      .replace(/<[^>]*>/g, '')
      .replace(/&copy;/gi, '©')
      .replace(/&nbsp;/gi, ' ')
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n) <= 0x10ffff ? Number(n) : 0xfffd))
      .replace(/&quot;/gi, '"')
      .replace(/&lt;/gi, '<')
      .replace(/&gt;/gi, '>')
      .replace(/&amp;/gi, '&')
      .replace(/\s+/g, ' ');
  const anchor = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi;
  let last = 0;
  for (let m = anchor.exec(html); m; m = anchor.exec(html)) {
    const before = decode(html.slice(last, m.index));
    if (before.trim()) parts.push({ text: before });
    const href = decode(m[1] ?? m[2] ?? '').trim();
    const text = decode(m[3]);
    if (text.trim()) parts.push(/^https:\/\/[^\s]+$/i.test(href) ? { text, href } : { text });
    last = anchor.lastIndex;
  }
  const rest = decode(html.slice(last));
  if (rest.trim()) parts.push({ text: rest });
  return parts;
}

let pmtilesAdded = false;

/**
 * `pmtiles://` sources (a self-hosted PMTiles archive named in a `map-style`): the protocol is registered for
 * third-party styles only, and the pmtiles code is downloaded the first time such a URL is actually requested.
 */
function addPmtilesProtocol(): void {
  if (pmtilesAdded) return;
  pmtilesAdded = true;
  let protocol: Promise<import('pmtiles').Protocol> | undefined;
  maplibregl.addProtocol('pmtiles', (params, abort) => {
    protocol ??= import('pmtiles').then(({ Protocol }) => new Protocol());
    return protocol.then((p) => p.tile(params, abort));
  });
}

const POLICY = Symbol.for('turnout.map-policy.v1');

/**
 * Under Trusted Types (`require-trusted-types-for 'script'`), `new Worker(url)` accepts only a TrustedScriptURL.
 * MapLibre's single-file build starts its worker from a blob: URL it made itself; hand it that URL wrapped by a
 * policy named "turnout-map" that lets through only blob: URLs of this page. One policy per page, shared by every
 * Turnout bundle on it. Without Trusted Types this does nothing that matters.
 */
function trustWorkerUrl(): void {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
  const url = maplibregl.getWorkerUrl() as unknown;
  if (!tt || typeof url !== 'string' || !url.startsWith('blob:')) return;
  const store = globalThis as unknown as Record<symbol, { createScriptURL(u: string): unknown } | undefined>;
  if (!store[POLICY]) {
    try {
      store[POLICY] = tt.createPolicy('turnout-map', {
        createScriptURL: (u: string) => {
          if (u.startsWith(`blob:${location.origin}/`)) return u;
          throw new TypeError('turnout-map: only blob: URLs made by this page may start a worker');
        },
      }) as { createScriptURL(u: string): unknown };
    } catch {
      // The page's CSP does not allow this policy name: leave the URL as it is (MapLibre then fails only where
      // Trusted Types are enforced, and the element shows its "map could not load" message).
      return;
    }
  }
  maplibregl.setWorkerUrl(store[POLICY]!.createScriptURL(url) as string);
}

function reducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const boundsOfMap = (map: MapLibreMap): Bounds => {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
};

interface Mark {
  key: string;
  at: LngLat;
  button: HTMLButtonElement;
}

/** Creates the map. Rejects when WebGL is missing or MapLibre cannot start (the element then keeps its list). */
export async function createMapView(options: MapViewOptions): Promise<MapView> {
  trustWorkerUrl();
  let colors = themeColors(options.host);
  const external = options.style?.trim();
  if (external) addPmtilesProtocol();
  let points: EventPoints | string = options.points ?? EMPTY;
  /** A blob: URL of points handed by URL, revoked once MapLibre has read it. */
  let blobUrl: string | undefined;
  const revoke = () => {
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = undefined;
  };
  let selected: LngLat | null = null;
  let marks = new Map<string, Mark>();
  let destroyed = false;
  let dirty = true;
  let styleFailed = false;
  /** Where keyboard focus should land once the buttons are rebuilt (a cluster that was opened). */
  let focusNear: LngLat | null = null;
  let framePending = false;

  /**
   * The events' sources and layers: part of the offline style from the start, so that MapLibre clusters the points
   * while it also prepares the basemap (rather than after its `load`); added to a third-party style once it loads.
   */
  const eventStyle = (): Pick<StyleSpecification, 'sources' | 'layers'> => {
    const clusterFilter: FilterSpecification = ['has', 'point_count'];
    return {
      sources: {
        events: { type: 'geojson', data: typeof points === 'string' ? EMPTY : points, cluster: true, clusterRadius: CLUSTER_RADIUS, clusterMaxZoom: CLUSTER_MAX_ZOOM },
        selected: { type: 'geojson', data: selectedData() },
      },
      layers: [
        {
          id: 'clusters',
          type: 'circle',
          source: 'events',
          filter: clusterFilter,
          paint: {
            'circle-color': colors.accent,
            'circle-radius': ['step', ['get', 'point_count'], 14, 10, 17, 100, 21, 1000, 26],
            'circle-stroke-color': colors.surface,
            'circle-stroke-width': 2,
          },
        },
        // Exact places are dots; approximate places are hollow rings ("somewhere around here"). Two layers with
        // fixed paint rather than one with expressions on a property: they share one WebGL program (with the ring
        // of the chosen event), which saves a shader compile at start-up, a long task without a GPU.
        ...POINT_LAYERS.map(
          ([id, approximate]): LayerSpecification => ({
            id,
            type: 'circle',
            source: 'events',
            filter: ['all', ['!', clusterFilter], [approximate ? '==' : '!=', ['get', 'a'], 1]],
            paint: pointPaint(approximate),
          }),
        ),
        {
          id: 'selected',
          type: 'circle',
          source: 'selected',
          paint: {
            'circle-color': 'rgba(0,0,0,0)',
            'circle-radius': 13,
            'circle-stroke-color': colors.text,
            'circle-stroke-width': 3,
          },
        },
      ],
    };
  };

  const addEventLayers = () => {
    if (map.getSource('events')) return;
    const { sources, layers } = eventStyle();
    for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
    for (const layer of layers) map.addLayer(layer);
  };

  const pointPaint = (approximate: boolean) => ({
    'circle-color': approximate ? colors.surface : colors.accent,
    'circle-radius': 7,
    'circle-stroke-color': approximate ? colors.accent : colors.surface,
    'circle-stroke-width': approximate ? 3 : 2,
  });

  const selectedData = (): FeatureCollection =>
    selected
      ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: selected } }] }
      : { type: 'FeatureCollection', features: [] };

  let style: StyleSpecification | string;
  if (external) style = external;
  else {
    const base = await offlineStyle(colors);
    const events = eventStyle();
    style = { ...base, sources: { ...base.sources, ...events.sources }, layers: [...base.layers, ...events.layers] };
  }

  const initialBounds = options.bounds ?? undefined;
  const map = new maplibregl.Map({
    container: options.container,
    style,
    attributionControl: false,
    // The element draws its own zoom buttons and credits.
    bounds: initialBounds,
    fitBoundsOptions: { padding: 32, maxZoom: 11 },
    center: options.center ?? [-98.5, 39.5],
    zoom: options.zoom ?? 3,
    maxZoom: external ? 18 : 14,
    minZoom: 1,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: 0,
    locale: { 'Map.Title': options.labels.map },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();


  const reportAttribution = () => {
    if (!external || styleFailed) {
      options.onAttribution([{ text: BASEMAP_ATTRIBUTION }]);
      return;
    }
    const sources = map.getStyle()?.sources ?? {};
    const seen = new Set<string>();
    const parts: AttributionPart[] = [];
    for (const source of Object.values(sources)) {
      const html = (source as { attribution?: string }).attribution;
      if (!html || seen.has(html)) continue;
      seen.add(html);
      if (parts.length) parts.push({ text: ' · ' });
      parts.push(...attributionParts(html));
    }
    options.onAttribution(parts);
  };

  const move = (camera: { center?: LngLat; zoom?: number }) => {
    if (reducedMotion()) map.jumpTo(camera);
    else map.easeTo({ ...camera, duration: 450 });
  };

  /** Places the buttons where their features are on screen. */
  const position = () => {
    framePending = false;
    if (destroyed) return;
    for (const mark of marks.values()) {
      const p = map.project(mark.at);
      mark.button.style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px) translate(-50%, -50%)`;
    }
  };
  const schedulePosition = () => {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(position);
  };

  const openCluster = async (clusterId: number, at: LngLat) => {
    const source = map.getSource<GeoJSONSource>('events');
    if (!source) return;
    let zoom: number;
    try {
      zoom = await source.getClusterExpansionZoom(clusterId);
    } catch {
      zoom = map.getZoom() + 2;
    }
    focusNear = at;
    move({ center: at, zoom: Math.min(zoom, map.getMaxZoom()) });
  };

  const makeButton = (key: string, at: LngLat, label: string, cls: string, text: string): HTMLButtonElement => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = cls;
    button.setAttribute('part', cls.startsWith('cluster') ? 'cluster' : 'marker');
    button.setAttribute('aria-label', label);
    button.dataset.key = key;
    if (text) {
      const span = document.createElement('span');
      span.setAttribute('aria-hidden', 'true');
      span.textContent = text;
      button.append(span);
    }
    const p = map.project(at);
    button.style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px) translate(-50%, -50%)`;
    return button;
  };

  /** Rebuilds the buttons from what is drawn now: one per cluster, one per place of single events. */
  const rebuildMarks = () => {
    const rendered: MapGeoJSONFeature[] = map.getLayer('clusters')
      ? map.queryRenderedFeatures({ layers: ['clusters', ...POINT_LAYERS.map(([id]) => id)] })
      : [];
    const next = new Map<string, Mark>();
    const places = new Map<string, { at: LngLat; ids: string[]; approximate: boolean }>();
    const clusters: { id: number; count: number; at: LngLat }[] = [];
    const seenCluster = new Set<number>();
    const seenPoint = new Set<string>();
    for (const f of rendered) {
      const props = f.properties as Record<string, unknown>;
      const [lng, lat] = (f.geometry as Point).coordinates;
      if (props.cluster) {
        const id = Number(props.cluster_id);
        if (seenCluster.has(id)) continue;
        seenCluster.add(id);
        clusters.push({ id, count: Number(props.point_count), at: [lng, lat] });
      } else {
        const id = String(props.id);
        if (seenPoint.has(id)) continue;
        seenPoint.add(id);
        const key = `${lng.toFixed(6)},${lat.toFixed(6)}`;
        const place = places.get(key);
        if (place) place.ids.push(id);
        else places.set(key, { at: [lng, lat], ids: [id], approximate: props.a === 1 });
      }
    }
    let budget = MAX_BUTTONS;
    for (const c of clusters) {
      if (budget-- <= 0) break;
      const key = `c${c.id}`;
      const label = options.labels.cluster(c.count, c.at);
      const old = marks.get(key);
      const button = old?.button ?? makeButton(key, c.at, label, 'cluster', options.labels.count(c.count));
      if (old) button.setAttribute('aria-label', label);
      button.onclick = () => void openCluster(c.id, c.at);
      next.set(key, { key, at: c.at, button });
    }
    for (const [coords, p] of places) {
      if (budget-- <= 0) break;
      const key = `p${coords}|${p.ids.join(',')}`;
      const old = marks.get(key);
      const text = p.ids.length > 1 ? options.labels.count(p.ids.length) : '';
      const cls = `${p.ids.length > 1 ? 'marker group' : 'marker'}${p.approximate ? ' approximate' : ''}`;
      const label = options.labels.place(p.ids);
      const button = old?.button ?? makeButton(key, p.at, label, cls, text);
      if (old) button.setAttribute('aria-label', label);
      button.onclick = () => options.onSelect(p.ids[0], p.ids);
      next.set(key, { key, at: p.at, button });
    }
    const focused = options.overlay.getRootNode() instanceof ShadowRoot
      ? ((options.overlay.getRootNode() as ShadowRoot).activeElement as HTMLElement | null)
      : null;
    const lostFocus = !!focused && options.overlay.contains(focused) && !next.has(focused.dataset.key ?? '');
    for (const [key, mark] of marks) if (!next.has(key)) mark.button.remove();
    // Document order follows the screen: top to bottom, then start to end, so Tab moves through the map in reading order.
    const ordered = [...next.values()].sort((a, b) => b.at[1] - a.at[1] || a.at[0] - b.at[0]);
    for (const mark of ordered) options.overlay.append(mark.button);
    marks = next;
    if ((lostFocus || focusNear) && ordered.length) {
      const target = focusNear ?? ordered[0].at;
      let best = ordered[0];
      let bestD = Infinity;
      for (const m of ordered) {
        const d = (m.at[0] - target[0]) ** 2 + (m.at[1] - target[1]) ** 2;
        if (d < bestD) [best, bestD] = [m, d];
      }
      if (lostFocus || options.overlay.contains(focused)) best.button.focus({ preventScroll: true });
    }
    focusNear = null;
  };

  /**
   * Gives the events' source the current points. A map reads its style a frame after it is made (and a third-party
   * style adds the source only once loaded): points handed before then wait for the source to exist.
   */
  let waitingForSource = false;
  /**
   * Points given that have not reached the events source yet (a URL's protocol still registering, or no source yet):
   * a frame that settles meanwhile is not the map idle with them (see onIdle).
   */
  let unpushed = false;
  const pushPoints = () => {
    // A map that was removed has no sources left: the points wait for the next map.
    if (destroyed || !map.style) return;
    const source = map.getSource<GeoJSONSource>('events');
    if (source) {
      source.setData(typeof points === 'string' ? `${POINTS_PROTOCOL}://blob/${encodeURIComponent(points)}` : points);
      unpushed = false;
      dirty = true;
      return;
    }
    if (waitingForSource) return;
    waitingForSource = true;
    const retry = () => {
      if (!map.getSource('events') && !destroyed) return;
      map.off('styledata', retry);
      waitingForSource = false;
      pushPoints();
    };
    map.on('styledata', retry);
  };

  /** Points by URL that cannot be read here: forgotten, and asked for as objects. */
  const failPoints = () => {
    unpushed = false;
    revoke();
    if (typeof points === 'string') points = EMPTY;
    options.onPointsError?.();
  };

  const onIdle = () => {
    if (destroyed || unpushed) return;
    if (blobUrl && map.isSourceLoaded('events')) revoke();
    if (dirty) {
      dirty = false;
      rebuildMarks();
      options.onIdle();
    }
  };

  map.on('load', () => {
    addEventLayers();
    reportAttribution();
    dirty = true;
  });
  map.on('move', schedulePosition);
  map.on('moveend', () => {
    dirty = true;
    options.onMove(boundsOfMap(map));
  });
  map.on('idle', onIdle);
  map.on('error', (e: { error?: Error }) => {
    // A third-party style that fails before it loads: fall back to the offline basemap.
    if (external && !styleFailed && !map.loaded() && !map.getSource('events')) {
      styleFailed = true;
      options.onStyleError?.();
      void offlineStyle(colors).then((s) => !destroyed && map.setStyle(s, { diff: false }));
      return;
    }
    // Points given by URL that MapLibre could not fetch (a Content-Security-Policy without blob: in connect-src).
    if ((e as { sourceId?: string }).sourceId === 'events' && blobUrl) return failPoints();
    if (e.error) console.warn('<event-map>:', e.error.message);
  });
  map.on('style.load', () => {
    if (styleFailed) {
      addEventLayers();
      reportAttribution();
      dirty = true;
    }
  });

  const view: MapView = {
    map,
    setPoints(next) {
      revoke();
      points = next;
      // Settling again is reported once they reach the events source (pushPoints).
      unpushed = true;
      if (typeof next === 'string' && next.startsWith('blob:')) {
        blobUrl = next;
        void registerPointsProtocol().then((ok) => {
          if (destroyed || points !== next) return;
          if (ok) pushPoints();
          else failPoints();
        });
        return;
      }
      pushPoints();
    },
    adopt(next) {
      points = next;
      // Points whose URL has not reached the map yet (its protocol still registering in MapLibre's workers) go as
      // these objects instead: the URL's push, when it comes, sees other points and leaves them.
      if (unpushed) {
        revoke();
        pushPoints();
        return;
      }
      if (!destroyed && map.loaded()) rebuildMarks();
    },
    select(at, reveal) {
      selected = at;
      if (destroyed || !map.style) return;
      map.getSource<GeoJSONSource>('selected')?.setData(selectedData());
      if (at && reveal && !map.getBounds().contains(at)) move({ center: at });
    },
    zoomBy(delta) {
      if (reducedMotion()) map.jumpTo({ zoom: map.getZoom() + delta });
      else map.easeTo({ zoom: map.getZoom() + delta, duration: 300 });
    },
    fitBounds(b, maxZoom = 11, animate = true) {
      const [w, s, e, n] = b;
      map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: 32, maxZoom, animate: animate && !reducedMotion(), duration: 600 },
      );
    },
    refreshColors() {
      colors = themeColors(options.host);
      if (!map.getLayer('clusters')) return;
      map.setPaintProperty('clusters', 'circle-color', colors.accent);
      map.setPaintProperty('clusters', 'circle-stroke-color', colors.surface);
      for (const [id, approximate] of POINT_LAYERS) {
        const paint = pointPaint(approximate);
        map.setPaintProperty(id, 'circle-color', paint['circle-color']);
        map.setPaintProperty(id, 'circle-stroke-color', paint['circle-stroke-color']);
      }
      map.setPaintProperty('selected', 'circle-stroke-color', colors.text);
      if (!external || styleFailed) {
        map.setPaintProperty('sea', 'background-color', colors.sea);
        map.setPaintProperty('land', 'fill-color', colors.land);
        map.setPaintProperty('states', 'line-color', colors.line);
        map.setPaintProperty('countries', 'line-color', colors.border);
      }
    },
    bounds: () => boundsOfMap(map),
    destroy() {
      destroyed = true;
      revoke();
      for (const mark of marks.values()) mark.button.remove();
      marks.clear();
      map.remove();
    },
  };
  return view;
}
