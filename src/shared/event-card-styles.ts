import { css } from 'lit';

/**
 * Rules the event cards of <event-list> and <event-map> share: the list of cards and each card's box, a button that
 * looks like a link ("Add to calendar"), the calendar choices it opens, and the full-width "Show more" button.
 * A card out of view is laid out and painted only when it scrolls near (`content-visibility: auto`, its last size
 * kept for the scrollbar): with 50 cards listed, showing the list, and each change of it, costs the few in view.
 * What comes from the feed (title, place, host, details, description) takes its reading direction from its own
 * text, paragraph by paragraph (`unicode-bidi: plaintext`): an English venue in an Arabic widget reads left to right
 * with its full stop at the end, an Arabic title in an English one right to left.
 */
export const eventCardStyles = css`
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .event {
    content-visibility: auto;
    contain-intrinsic-size: auto 8rem;
  }
  .event article {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    display: grid;
    gap: 0.35rem;
  }
  .link {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  .calendar {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 0.9rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_border);
  }
  .more {
    inline-size: 100%;
    justify-content: center;
  }
  .title,
  .title-button,
  .where,
  .host,
  .event dd,
  .description {
    unicode-bidi: plaintext;
  }
`;
