import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../event-countdown.define.js';

/** The sample feed bundled with the demo (served by Storybook at demo/data/). */
const DEMO_FEED = 'demo/data/feed.json';
/** The eve of the National Shutdown: about six hours to go for a visitor in New York. */
const EVE = '2026-01-29T18:00:00-05:00';
const START = '2026-01-30T00:00:00-05:00';
const END = '2026-01-31T00:00:00-05:00';

interface Args {
  src?: string;
  campaign?: string;
  target?: string;
  end?: string;
  timeZone?: string;
  label?: string;
  layout?: 'inline' | 'compact' | 'banner';
  units?: 'dhms' | 'dhm' | 'dh' | 'd';
  hideAfter?: boolean;
  now?: string;
  slotted?: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/event-countdown',
  component: 'event-countdown',
  args: { src: DEMO_FEED, campaign: 'national-shutdown', now: EVE, layout: 'inline', units: 'dhms' },
  argTypes: {
    src: { control: 'text' },
    campaign: { control: 'text' },
    target: { control: 'text', description: 'ISO 8601 with an offset; wins over the feed' },
    end: { control: 'text' },
    timeZone: { control: 'text', name: 'time-zone' },
    label: { control: 'text' },
    layout: { control: 'inline-radio', options: ['inline', 'compact', 'banner'] },
    units: { control: 'inline-radio', options: ['dhms', 'dhm', 'dh', 'd'] },
    hideAfter: { control: 'boolean', name: 'hide-after' },
    now: { control: 'text' },
    slotted: { control: 'boolean', description: 'Use the embedder\'s own text for each state' },
  },
  render: (a) => html`
    <event-countdown
      src=${ifDefined(a.target ? undefined : a.src)}
      campaign=${ifDefined(a.campaign || undefined)}
      target=${ifDefined(a.target || undefined)}
      end=${ifDefined(a.end || undefined)}
      time-zone=${ifDefined(a.timeZone || undefined)}
      label=${ifDefined(a.label || undefined)}
      layout=${ifDefined(a.layout)}
      units=${ifDefined(a.units)}
      ?hide-after=${a.hideAfter}
      now=${ifDefined(a.now || undefined)}
    >
      ${a.slotted
        ? html`<strong slot="before">Walk out in</strong>
            <strong slot="live">We are on strike today.</strong>
            <strong slot="after">Thank you for striking with us.</strong>`
        : nothing}
    </event-countdown>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Before: the National Shutdown from the demo feed, on its eve (the visitor's own midnight). */
export const Before: Story = {};

/** Live: during the day. */
export const Live: Story = { args: { now: '2026-01-30T10:00:00-05:00' } };

/** After: the day is over. */
export const After: Story = { args: { now: '2026-01-31T10:00:00-05:00' } };

/** After, with `hide-after`: nothing is shown. */
export const HiddenAfter: Story = { args: { now: '2026-01-31T10:00:00-05:00', hideAfter: true } };

/** Compact layout: short units, no date sentence. */
export const Compact: Story = { args: { layout: 'compact' } };

/** Banner layout: large numbers. */
export const Banner: Story = { args: { layout: 'banner' } };

/** Days and hours only: the shared timer fires once an hour. */
export const DaysAndHours: Story = { args: { units: 'dh', now: '2026-01-27T09:00:00-05:00' } };

/** A target from attributes, in the organizers' zone (a visitor elsewhere also sees their own time). */
export const FromAttributes: Story = {
  args: { target: START, end: END, timeZone: 'America/New_York', label: 'The National Shutdown' },
};

/** The embedder's own words for each state (slots). */
export const Slotted: Story = { args: { slotted: true } };

/** A target without an offset: a message saying how to write it. */
export const BadTarget: Story = { args: { target: '2026-01-30T00:00' } };

/** The feed failed (here: a feed address that does not exist): the reason, with Retry. */
export const FeedFailed: Story = { args: { src: 'demo/data/no-such-feed.json' } };
