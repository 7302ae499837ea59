import { css, unsafeCSS } from 'lit';

/** How many monogram colours there are: hues 30° apart. */
export const HUES = 12;

// One class a hue (.h0 to .h11) rather than an inline style: a page whose CSP forbids inline styles still gets them.
const hues = unsafeCSS(Array.from({ length: HUES }, (_, i) => `.h${i}{--_hue:${i * 30}}`).join(''));

/** The feed notices' rules, shared with every element built on TurnoutFeedElement. */
export { feedStatusStyles as statusStyles } from '../../shared/feed-status-styles.js';

// A partner's name, description and categories come from the feed: each reads in its own text's direction
// (unicode-bidi: plaintext), so an English name in an Arabic list keeps its punctuation at its end.
export const styles = css`
  :host {
    container-type: inline-size;
  }
  p {
    margin: 0;
  }
  .filters {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.875rem;
    font-weight: 600;
    max-inline-size: 24rem;
  }
  .search input {
    font-weight: 400;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .chip {
    font: inherit;
    font-size: 0.875rem;
    min-block-size: 2rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: 1rem;
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
  .count {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .partners {
    list-style: none;
    margin-block: calc(var(--_space) * 0.5) 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .partner {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5);
    min-inline-size: 0;
  }
  .card {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    color: inherit;
    text-decoration: none;
  }
  a.card .name {
    color: var(--_accent);
    text-decoration: underline;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .logo {
    flex: none;
    position: relative;
    inline-size: 4rem;
    aspect-ratio: 3 / 2;
    overflow: hidden;
    border-radius: calc(var(--_radius) * 0.5);
    background: #fff;
  }
  .logo > * {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }
  .logo img {
    object-fit: contain;
  }
  .monogram {
    display: grid;
    place-items: center;
    background: hsl(var(--_hue, 0) 50% 28%);
    color: #fff;
    font-weight: 700;
    font-size: 1.1rem;
    letter-spacing: 0.05em;
  }
  .categories,
  .description {
    color: var(--_muted);
    font-size: 0.9rem;
    margin-block-start: 0.35rem;
  }
  .categories {
    font-size: 0.8rem;
    font-weight: 600;
  }
  .name,
  .description,
  .categories {
    unicode-bidi: plaintext;
  }
  .empty {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) * 0.5);
    padding-block: var(--_space);
  }
  /* Wider than a sidebar: logos above names, as many columns as fit. */
  @container (min-width: 20rem) {
    .grid {
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    }
    .grid .card {
      flex-direction: column;
      text-align: center;
    }
    .grid .logo {
      inline-size: 100%;
    }
    .grid .monogram {
      font-size: 1.6rem;
    }
    .list .logo {
      inline-size: 6rem;
    }
    /* Categories and description line up with the name, beside the logo. */
    .list .categories,
    .list .description {
      margin-inline-start: calc(6rem + var(--_space) * 0.75);
    }
  }
  ${hues}
`;
