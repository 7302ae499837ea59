import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../event-map.define.js';

/** The sample feed bundled with the demo (served by Storybook at demo/data/): 380 events, 360+ on the map. */
const DEMO_FEED = 'demo/data/feed.json';
/** The eve of the day of action: the sample events are still ahead. */
const EVE = '2026-01-29T18:00:00-05:00';

interface Args {
  src?: string;
  zip?: string;
  place?: string;
  center?: string;
  zoom?: number;
  bounds?: string;
  radius?: number;
  host?: string;
  tag?: string;
  type?: string;
  date?: string;
  showPast?: boolean;
  hostUrl?: string;
  mapStyle?: string;
  source?: string;
  now?: string;
  timeout?: number;
  width?: string;
  dir?: string;
  lang?: string;
}

/**
 * The "No WebGL" story turns WebGL off for as long as it is shown: canvases then get no WebGL context, as in a
 * browser with hardware acceleration disabled and no software fallback.
 */
function withoutWebGL(): () => void {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    if (/webgl/i.test(type)) return null;
    return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
  } as typeof original;
  return () => {
    HTMLCanvasElement.prototype.getContext = original;
  };
}

/**
 * The "Loading" story holds its feed's response back for as long as it is shown, as on a slow connection: what a
 * visitor sees before the events arrive.
 */
function holdingFeed(url: string): () => void {
  const original = window.fetch;
  window.fetch = (input, init) =>
    String(input instanceof Request ? input.url : input).endsWith(url) ? new Promise<Response>(() => undefined) : original(input, init);
  return () => {
    window.fetch = original;
  };
}

const meta: Meta<Args> = {
  title: 'Elements/event-map',
  component: 'event-map',
  args: { src: DEMO_FEED, now: EVE, width: '64rem', lang: 'en-US' },
  argTypes: {
    src: { control: 'text' },
    zip: { control: 'text', description: 'Open searched near this US ZIP code' },
    place: { control: 'text', description: 'Open searched near this town (from the feed or the built-in list)' },
    center: { control: 'text', description: '"lng,lat"' },
    zoom: { control: { type: 'number', min: 1, max: 14 } },
    bounds: { control: 'text', description: '"west,south,east,north"' },
    radius: { control: { type: 'number', min: 1 } },
    host: { control: 'text' },
    tag: { control: 'text' },
    type: { control: 'text' },
    date: { control: 'text', description: 'YYYY-MM-DD' },
    showPast: { control: 'boolean', name: 'show-past' },
    hostUrl: { control: 'text', name: 'host-url' },
    mapStyle: { control: 'text', name: 'map-style', description: 'A MapLibre style URL (third-party: see the README)' },
    source: { control: 'text' },
    now: { control: 'text' },
    timeout: { control: 'number', description: 'Milliseconds before the feed is given up (default 10 000)' },
    width: { control: 'text', description: 'Width of the container (try 360px, a phone)' },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    lang: { control: 'text' },
  },
  render: (a) => html`
    <div style="max-inline-size: ${a.width ?? '64rem'}" dir=${ifDefined(a.dir)} lang=${ifDefined(a.lang)}>
      <event-map
        src=${ifDefined(a.src || undefined)}
        zip=${ifDefined(a.zip || undefined)}
        place=${ifDefined(a.place || undefined)}
        center=${ifDefined(a.center || undefined)}
        zoom=${ifDefined(a.zoom)}
        bounds=${ifDefined(a.bounds || undefined)}
        radius=${ifDefined(a.radius)}
        host=${ifDefined(a.host || undefined)}
        tag=${ifDefined(a.tag || undefined)}
        type=${ifDefined(a.type || undefined)}
        date=${ifDefined(a.date || undefined)}
        ?show-past=${a.showPast}
        host-url=${ifDefined(a.hostUrl || undefined)}
        map-style=${ifDefined(a.mapStyle || undefined)}
        source=${ifDefined(a.source || undefined)}
        now=${ifDefined(a.now || undefined)}
        timeout=${ifDefined(a.timeout)}
      ></event-map>
    </div>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The day of action's 360+ places across the US and the UK, as on its eve. */
export const Default: Story = {};

/** Opened searched near a ZIP code in Minneapolis: the list is sorted by distance. */
export const SearchedZip: Story = {
  args: { zip: '55401' },
};

/** A ZIP code with nothing within 10 miles: the nearest events, and the campaign's "Host an event" link. */
export const NothingNearby: Story = {
  args: { zip: '59801', radius: 10 },
};

/** A partner's page: only its own events, RSVPs attributed to it. */
export const FilteredHost: Story = {
  args: { host: 'Riverside Tenants Union', source: 'riverside-tenants' },
};

/** Opened on Chicago and filtered to rallies. */
export const StartingView: Story = {
  args: { center: '-87.65,41.85', zoom: 9, type: 'rally' },
};

/** A right-to-left page (Arabic): the list sits at the inline start, the zoom buttons at the inline end. */
export const RightToLeft: Story = {
  args: { dir: 'rtl', lang: 'ar' },
};

/** On a phone: the list below the map. */
export const Narrow: Story = {
  args: { width: '360px' },
};

/** Without WebGL: the list stays, and a message says why there is no map. */
export const NoWebGL: Story = {
  beforeEach: () => withoutWebGL(),
};

/** A feed that cannot be loaded. */
export const LoadError: Story = {
  args: { src: 'demo/data/no-such-feed.json' },
};

/**
 * While the feed is still on its way: the search form and the Filters line are already in place (a search waits for
 * the events), the status sits where the list will be, and the map keeps the room of its legend: nothing moves when
 * the events arrive.
 */
export const Loading: Story = {
  // The feed is held back for good; the element waits an hour before it says the feed took too long.
  args: { src: 'demo/data/slow-feed.json', timeout: 3_600_000 },
  beforeEach: () => holdingFeed('demo/data/slow-feed.json'),
};
