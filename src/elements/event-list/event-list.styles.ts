import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  p {
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.875rem;
    font-weight: 600;
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  .field.search {
    flex: 2 1 14rem;
  }
  .field input,
  .field select {
    font-weight: 400;
    inline-size: 100%;
  }
  .count {
    color: var(--_muted);
    font-size: 0.875rem;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .day {
    margin-block-end: var(--_space);
  }
  .day-heading {
    font-size: 1.1rem;
    margin-block: calc(var(--_space) * 0.75) calc(var(--_space) * 0.5);
    padding-block-end: 0.25rem;
    border-block-end: 2px solid var(--_accent);
  }
  .title {
    font-size: 1rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .cancelled .title-text {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .status {
    display: inline-block;
    margin-inline-start: 0.35em;
    padding-inline: 0.45em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
    vertical-align: middle;
  }
  .status.cancelled {
    border-width: 2px;
  }
  .meta {
    display: grid;
    gap: 0.1rem;
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .where,
  .host {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.9rem;
    margin-block-start: 0.25rem;
    font-size: 0.9rem;
  }
  .empty {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) * 0.5);
    padding-block: var(--_space);
  }
  @container (max-width: 22rem) {
    .field,
    .field.search {
      flex-basis: 100%;
    }
    .clear {
      inline-size: 100%;
      justify-content: center;
    }
  }
`;
