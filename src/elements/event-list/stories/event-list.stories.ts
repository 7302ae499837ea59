import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FeedData, TurnoutEvent } from '../../../feed/types.js';
import '../event-list.define.js';

/** The sample feed bundled with the demo (served by Storybook at demo/data/). */
const DEMO_FEED = 'demo/data/feed.json';
/** The eve of the day of action: the sample events are still ahead. */
const EVE = '2026-01-29T18:00:00-05:00';

interface Args {
  src?: string;
  feed?: FeedData;
  host?: string;
  tag?: string;
  type?: string;
  date?: string;
  search?: string;
  showPast?: boolean;
  source?: string;
  pageSize?: number;
  headingLevel?: number;
  now?: string;
  width?: string;
}

function feedOf(events: TurnoutEvent[]): FeedData {
  return { format: 'turnout', events, partners: [], skipped: [], loadedAt: Date.now() };
}

const PLACES = [
  { locality: 'Chicago', region: 'IL', timeZone: 'America/Chicago', offset: 6 },
  { locality: 'Brooklyn', region: 'NY', timeZone: 'America/New_York', offset: 5 },
  { locality: 'Oakland', region: 'CA', timeZone: 'America/Los_Angeles', offset: 8 },
  { locality: 'Tulsa', region: 'OK', timeZone: 'America/Chicago', offset: 6 },
];
const KINDS = ['rally', 'vigil', 'teach_in', 'march'];

/** `count` invented events spread over the day of action (and the evening before). */
function manyEvents(count: number): FeedData {
  return feedOf(
    Array.from({ length: count }, (_, i): TurnoutEvent => {
      const place = PLACES[i % PLACES.length];
      const type = KINDS[i % KINDS.length];
      const start = Date.UTC(2026, 0, 31, 9 + place.offset + (i % 10), (i * 15) % 60);
      return {
        id: `many-${i}`,
        title: `${type === 'teach_in' ? 'Teach-in' : type[0].toUpperCase() + type.slice(1)} #${i + 1} in ${place.locality}`,
        description: '',
        start,
        end: start + 2 * 3600_000,
        timeZone: place.timeZone,
        location: { precision: 'exact', venue: 'Community Center', locality: place.locality, region: place.region, country: 'US' },
        online: false,
        type,
        tags: [],
        url: `https://example.org/events/many-${i}`,
        host: `Neighborhood Group ${(i % 25) + 1}`,
        status: i % 97 === 5 ? 'cancelled' : 'scheduled',
      };
    }),
  );
}

function onlineEvents(): FeedData {
  const titles = ['Know your rights training', 'Phone bank for the day of action', 'Legal observer orientation', 'Bail fund briefing'];
  return feedOf(
    titles.map((title, i) => ({
      id: `online-${i}`,
      title,
      description: '',
      start: Date.UTC(2026, 0, 30 + (i % 2), 20 + i),
      end: Date.UTC(2026, 0, 30 + (i % 2), 21 + i),
      timeZone: 'America/New_York',
      location: { precision: 'none' as const },
      online: true,
      onlineUrl: `https://meet.example.org/session-${i}`,
      type: 'training',
      tags: ['Online'],
      url: `https://example.org/events/online-${i}`,
      host: 'Lakeside Legal Collective',
      status: 'scheduled' as const,
    })),
  );
}

// The Loading story asks for a URL that this stub holds back forever, so the loading state stays on screen.
const HOLD = 'turnout-story=loading';
const realFetch = globalThis.fetch;
if (!(realFetch as { held?: boolean }).held) {
  const held: typeof fetch = (input, init) =>
    String(input instanceof Request ? input.url : input).includes(HOLD) ? new Promise(() => {}) : realFetch(input, init);
  (held as { held?: boolean }).held = true;
  globalThis.fetch = held;
}

const meta: Meta<Args> = {
  title: 'Elements/event-list',
  component: 'event-list',
  args: { src: DEMO_FEED, now: EVE, pageSize: 50, headingLevel: 3, showPast: false, width: '48rem' },
  argTypes: {
    src: { control: 'text' },
    host: { control: 'text' },
    tag: { control: 'text' },
    type: { control: 'text' },
    date: { control: 'text', description: 'YYYY-MM-DD' },
    search: { control: 'text' },
    showPast: { control: 'boolean', name: 'show-past' },
    source: { control: 'text' },
    pageSize: { control: { type: 'number', min: 1 }, name: 'page-size' },
    headingLevel: { control: { type: 'number', min: 2, max: 5 }, name: 'heading-level' },
    now: { control: 'text' },
    width: { control: 'text', description: 'Width of the container (try 300px, a sidebar)' },
    feed: { table: { disable: true } },
  },
  render: (a) => html`
    <div style="max-inline-size: ${a.width ?? '48rem'}">
      <event-list
        src=${ifDefined(a.feed ? undefined : a.src)}
        .feed=${a.feed}
        host=${ifDefined(a.host || undefined)}
        tag=${ifDefined(a.tag || undefined)}
        type=${ifDefined(a.type || undefined)}
        date=${ifDefined(a.date || undefined)}
        search=${ifDefined(a.search || undefined)}
        ?show-past=${a.showPast}
        source=${ifDefined(a.source || undefined)}
        page-size=${ifDefined(a.pageSize)}
        heading-level=${ifDefined(a.headingLevel)}
        now=${ifDefined(a.now || undefined)}
      >
        ${a.feed && !a.feed.events.length
          ? html`<p slot="empty">No events yet. <a href="https://example.org/host">Start your own gathering</a>.</p>`
          : nothing}
      </event-list>
    </div>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The sample feed of the day of action, as on its eve. */
export const Default: Story = {};

/** A partner's page: only its own events, with its RSVPs attributed to it. */
export const FilteredByHost: Story = {
  args: { host: 'Riverside Tenants Union', source: 'riverside-tenants' },
};

/** In a 300px sidebar. */
export const Sidebar: Story = {
  args: { width: '300px', pageSize: 10 },
};

/** While the feed is on its way. */
export const Loading: Story = {
  args: { src: `${DEMO_FEED}?${HOLD}` },
};

/** A feed with no events: the page's own text from the `empty` slot. */
export const Empty: Story = {
  args: { feed: feedOf([]) },
};

/** A feed that cannot be loaded. */
export const LoadError: Story = {
  args: { src: 'demo/data/no-such-feed.json' },
};

/** 10,000 events: one page at a time in the DOM. */
export const ManyEvents: Story = {
  args: { feed: manyEvents(10_000) },
};

/** Only online events: they are listed in the "Online" group. */
export const OnlineOnly: Story = {
  args: { feed: onlineEvents() },
};
