import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FeedData } from '../../../feed/types.js';
import '../partner-list.define.js';

/** The sample feed bundled with the demo (served by Storybook at demo/data/): 25 invented partners. */
const DEMO_FEED = 'demo/data/feed.json';

interface Args {
  src?: string;
  feed?: FeedData;
  layout?: 'grid' | 'list';
  category?: string;
  sort?: string;
  imageOrigins?: string;
  joinUrl?: string;
  source?: string;
  width?: string;
}

const noPartners: FeedData = { format: 'turnout', events: [], partners: [], skipped: [], loadedAt: 0 };

const meta: Meta<Args> = {
  title: 'Elements/partner-list',
  component: 'partner-list',
  args: { src: DEMO_FEED, layout: 'grid', width: '56rem', joinUrl: 'https://coalition.example/join' },
  argTypes: {
    src: { control: 'text' },
    layout: { control: 'inline-radio', options: ['grid', 'list'] },
    category: { control: 'text', description: 'e.g. Student group, Legal support, Tenants union' },
    sort: { control: 'inline-radio', options: ['', 'name'] },
    imageOrigins: { control: 'text', name: 'image-origins' },
    joinUrl: { control: 'text', name: 'join-url' },
    source: { control: 'text' },
    width: { control: 'text', description: 'Width of the container (try 250px, a sidebar)' },
    feed: { table: { disable: true } },
  },
  render: (a) => html`
    <div style="max-inline-size: ${a.width ?? '56rem'}">
      <partner-list
        src=${ifDefined(a.feed ? undefined : a.src)}
        .feed=${a.feed}
        layout=${ifDefined(a.layout)}
        category=${ifDefined(a.category || undefined)}
        sort=${ifDefined(a.sort || undefined)}
        image-origins=${ifDefined(a.imageOrigins || undefined)}
        join-url=${ifDefined(a.joinUrl || undefined)}
        source=${ifDefined(a.source || undefined)}
      >
        ${a.feed && !a.feed.partners.length
          ? html`<p slot="empty">No partners yet. <a href="https://coalition.example/join">Be the first to join</a>.</p>`
          : nothing}
      </partner-list>
    </div>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The coalition's logo wall, with category chips, search and a "Join the coalition" link. */
export const Grid: Story = {};

/** One partner a row, with categories and descriptions, sorted by name. */
export const List: Story = {
  args: { layout: 'list', sort: 'name', width: '44rem' },
};

/** A legal-support page: only the partners of one category (no chips). */
export const Filtered: Story = {
  args: { category: 'Legal support', layout: 'list' },
};

/** In a 250px sidebar: one column, whatever the window's width. */
export const Sidebar: Story = {
  args: { width: '250px' },
};

/** A feed with no partners: the page's own text from the `empty` slot. */
export const Empty: Story = {
  args: { feed: noPartners, joinUrl: '' },
};

/** A feed that cannot be loaded. */
export const LoadError: Story = {
  args: { src: 'demo/data/no-such-feed.json' },
};
