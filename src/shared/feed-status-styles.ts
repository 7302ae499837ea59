import { css } from 'lit';

/**
 * Styles for the feed notices (live region, Retry, skipped and truncated notices) that
 * TurnoutFeedElement.renderFeedStatus() draws. A module of its own so that an element whose entry cannot carry the
 * base class (partner-list's shell + lazy view) takes the same rules.
 */
export const feedStatusStyles = css`
  .feed-status:empty {
    display: none;
  }
  .feed-status,
  .feed-skipped,
  .feed-retry {
    margin: 0 0 var(--_space, 0.75rem);
  }
  .feed-status,
  .feed-skipped {
    color: var(--_muted, inherit);
  }
  .feed-error {
    color: var(--_text, inherit);
  }
  .feed-skipped ul {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
`;
