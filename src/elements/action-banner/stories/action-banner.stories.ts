import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../action-banner.define.js';

/** The sample feed bundled with the demo (served by Storybook at demo/data/). */
const DEMO_FEED = 'demo/data/feed.json';

interface Args {
  src?: string;
  campaign?: string;
  preview?: 'before' | 'live' | 'after';
  mode?: 'bar' | 'takeover';
  position?: 'top' | 'bottom';
  message?: string;
  href?: string;
  ctaLabel?: string;
  source?: string;
  countdown?: boolean;
  noRemember?: boolean;
  rememberDismiss?: string;
  now?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/action-banner',
  component: 'action-banner',
  args: {
    src: DEMO_FEED,
    campaign: 'national-shutdown',
    preview: 'before',
    mode: 'bar',
    position: 'top',
    source: 'storybook',
    // Stories never remember a dismissal: reload the story to see the banner again.
    noRemember: true,
  },
  argTypes: {
    src: { control: 'text' },
    campaign: { control: 'text' },
    preview: { control: 'inline-radio', options: ['before', 'live', 'after'] },
    mode: { control: 'inline-radio', options: ['bar', 'takeover'] },
    position: { control: 'inline-radio', options: ['top', 'bottom'] },
    message: { control: 'text' },
    href: { control: 'text' },
    ctaLabel: { control: 'text', name: 'cta-label' },
    source: { control: 'text' },
    countdown: { control: 'boolean' },
    noRemember: { control: 'boolean', name: 'no-remember' },
    rememberDismiss: { control: 'text', name: 'remember-dismiss', description: 'P7D, PT12H or a number of days' },
    now: { control: 'text' },
  },
  render: (a) => {
    const banner = html`<action-banner
      src=${ifDefined(a.src || undefined)}
      campaign=${ifDefined(a.campaign || undefined)}
      preview=${ifDefined(a.preview || undefined)}
      mode=${ifDefined(a.mode)}
      position=${ifDefined(a.position)}
      message=${ifDefined(a.message || undefined)}
      href=${ifDefined(a.href || undefined)}
      cta-label=${ifDefined(a.ctaLabel || undefined)}
      source=${ifDefined(a.source || undefined)}
      ?countdown=${a.countdown}
      ?no-remember=${a.noRemember}
      remember-dismiss=${ifDefined(a.rememberDismiss || undefined)}
      now=${ifDefined(a.now || undefined)}
    ></action-banner>`;
    const page = html`<nav style="padding: 1rem; border-block-end: 1px solid #999">
        <a href="#home">Home</a> · <a href="#about">About us</a> · <a href="#donate">Donate</a>
      </nav>
      <main style="padding: 1rem"><h1>A partner's site</h1><p>The page's own content, never covered.</p></main>`;
    return a.position === 'bottom' ? html`${page}${banner}` : html`${banner}${page}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Before the day: a slim bar at the top, in the page's flow. */
export const BeforeBar: Story = {};

/** Before the day, with a countdown. */
export const BeforeWithCountdown: Story = { args: { preview: undefined, countdown: true, now: '2026-01-29T18:00:00-05:00' } };

/** On the day, as a bar. */
export const LiveBar: Story = { args: { preview: 'live' } };

/** On the day, at the bottom of the page. */
export const LiveBarBottom: Story = { args: { preview: 'live', position: 'bottom' } };

/** On the day, the full-page overlay ("Today we are on strike"). */
export const LiveTakeover: Story = { args: { preview: 'live', mode: 'takeover' } };

/** After the day: nothing. */
export const After: Story = { args: { preview: 'after' } };

/** The embedder's own message and link, without a feed. */
export const FromAttributes: Story = {
  args: {
    src: undefined,
    campaign: undefined,
    preview: 'live',
    message: 'Our office is closed today: we are on strike with the National Shutdown.',
    href: 'https://coalition.example/shutdown',
    ctaLabel: 'Why we strike',
  },
  render: (a) => html`<action-banner
    target="2026-01-30T00:00:00-05:00"
    end="2026-01-31T00:00:00-05:00"
    preview=${ifDefined(a.preview)}
    message=${ifDefined(a.message)}
    href=${ifDefined(a.href)}
    cta-label=${ifDefined(a.ctaLabel)}
  ></action-banner>`,
};

/**
 * The feed failed (here: a feed address that does not exist) and the banner has no message of its own: a slim,
 * neutral notice in the bar's place says why, with Retry. Never an overlay without a date.
 */
export const FeedFailed: Story = { args: { src: 'demo/data/no-such-feed.json' } };

/** The feed failed, but the embedder gave a message and a link: the bar shows them (no date, no countdown). */
export const FeedFailedWithMessage: Story = {
  args: {
    src: 'demo/data/no-such-feed.json',
    message: 'Join the National Shutdown on January 30.',
    href: 'https://coalition.example/shutdown',
    countdown: true,
  },
};
