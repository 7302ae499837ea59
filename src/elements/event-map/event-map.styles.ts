import { css } from 'lit';

// Comments inside the css`` template would ship in the bundle; notes on the rules live here.
// - .list-pane beside the map (container at least 48rem wide): the list scrolls within the map's height, so a long
//   day of action does not make the widget thousands of pixels tall on a partner's page (its links and buttons keep
//   it keyboard-scrollable).
// - .credits keeps the legend's and attribution's room while the map loads (their height at the default font size;
//   flow-root keeps the legend's margin inside), so that the page below the widget does not move when they appear.
// - .search-status keeps its line from a visitor's first search until the search is cleared: "Searching…" or
//   "Finding your location…" (which can take seconds) going away would otherwise pull the map and the results up.
export const styles = css`
  :host {
    --_map-height: var(--turnout-map-height, clamp(18rem, 62vh, 38rem));
    container-type: inline-size;
  }
  p {
    margin: 0;
  }
  .search {
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
    flex: 1 1 9rem;
    min-inline-size: 0;
  }
  .field.query {
    flex: 3 1 14rem;
  }
  .field input,
  .field select {
    font-weight: 400;
    inline-size: 100%;
  }
  .search .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .filters {
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .filters > summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent);
    inline-size: fit-content;
  }
  .filters .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    padding-block: calc(var(--_space) * 0.5);
  }
  .search-status {
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .search-status:empty:not([data-kept]) {
    display: none;
  }
  .search-status[data-kept] {
    min-block-size: 1lh;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .map-pane {
    min-inline-size: 0;
  }
  .map-frame {
    position: relative;
    block-size: var(--_map-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface);
  }
  .map-frame.unavailable {
    block-size: auto;
  }
  .map-canvas {
    position: absolute;
    inset: 0;
  }
  .map-canvas.maplibregl-map {
    position: absolute;
    overflow: hidden;
  }
  .maplibregl-canvas {
    position: absolute;
    inset-block-start: 0;
    left: 0;
  }
  .maplibregl-canvas-container.maplibregl-interactive {
    cursor: grab;
  }
  .maplibregl-canvas-container.maplibregl-touch-drag-pan,
  .maplibregl-canvas-container.maplibregl-touch-drag-pan .maplibregl-canvas {
    touch-action: pinch-zoom;
  }
  .maplibregl-canvas-container.maplibregl-touch-zoom-rotate.maplibregl-touch-drag-pan,
  .maplibregl-canvas-container.maplibregl-touch-zoom-rotate.maplibregl-touch-drag-pan .maplibregl-canvas {
    touch-action: none;
  }
  .maplibregl-canvas:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: -3px;
  }
  .maplibregl-control-container {
    display: none;
  }
  .overlay {
    position: absolute;
    inset: 0;
    pointer-events: none;
    overflow: hidden;
  }
  .overlay button {
    position: absolute;
    inset-block-start: 0;
    left: 0;
    pointer-events: auto;
    display: grid;
    place-items: center;
    padding: 0;
    margin: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_on-accent);
    font: inherit;
    font-size: 0.75rem;
    font-weight: 700;
    cursor: pointer;
    will-change: transform;
  }
  .overlay .cluster {
    min-inline-size: 2rem;
    min-block-size: 2rem;
  }
  .overlay .marker {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  .overlay .marker.group {
    background: var(--_accent);
    border: 2px solid var(--_surface);
    inline-size: 1.6rem;
    block-size: 1.6rem;
  }
  .overlay .marker.group.approximate {
    background: var(--_surface);
    color: var(--_accent);
    border: 3px solid var(--_accent);
  }
  .overlay button:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_surface);
  }
  .overlay.moving button {
    visibility: hidden;
  }
  .placeholder {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 0.5rem;
    padding: var(--_space);
    text-align: center;
    color: var(--_muted);
  }
  .unavailable .placeholder {
    position: static;
  }
  .controls {
    position: absolute;
    z-index: 2;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .controls .button {
    justify-content: center;
    min-inline-size: 2.25rem;
    padding-inline: 0.5rem;
    background: var(--_surface);
    color: var(--_accent);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
  }
  .credits {
    display: flow-root;
    min-block-size: 2.75rem;
  }
  .attribution {
    font-size: 0.75rem;
    color: var(--_muted);
    margin-block-start: 0.25rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.8rem;
    color: var(--_muted);
    margin-block-start: 0.25rem;
  }
  .legend span::before {
    content: '';
    display: inline-block;
    inline-size: 0.7rem;
    block-size: 0.7rem;
    border-radius: 50%;
    margin-inline-end: 0.3rem;
    vertical-align: -0.05rem;
    background: var(--_accent);
    border: 2px solid var(--_accent);
  }
  .legend .approx::before {
    background: transparent;
  }
  .list-pane {
    min-inline-size: 0;
  }
  .count {
    color: var(--_muted);
    font-size: 0.875rem;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .section {
    margin-block-end: var(--_space);
  }
  .section-heading {
    font-size: 1.05rem;
    margin-block: calc(var(--_space) * 0.5);
    padding-block-end: 0.25rem;
    border-block-end: 2px solid var(--_accent);
  }
  .event.selected article {
    border-color: var(--_accent);
    border-inline-start-width: 5px;
  }
  .title {
    font-size: 1rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .title-button {
    font: inherit;
    font-weight: 700;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .cancelled .title-button {
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
    letter-spacing: 0.04em;
    vertical-align: middle;
  }
  .meta {
    display: grid;
    gap: 0.1rem;
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .where,
  .host,
  .distance {
    color: var(--_muted);
  }
  .distance {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.9rem;
    margin-block-start: 0.25rem;
    font-size: 0.9rem;
  }
  .details {
    display: grid;
    gap: 0.4rem;
    padding-block-start: 0.4rem;
    border-block-start: 1px solid var(--_border);
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .details dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.15rem 0.75rem;
    margin: 0;
  }
  .details dt {
    font-weight: 600;
  }
  .details dd {
    margin: 0;
  }
  .description {
    white-space: pre-line;
  }
  .empty {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) * 0.5);
    padding-block: calc(var(--_space) * 0.5);
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(16rem, 2fr) minmax(0, 3fr);
    }
    .map-pane {
      grid-column: 2;
      grid-row: 1;
      position: sticky;
      inset-block-start: 0;
      align-self: start;
    }
    .list-pane {
      grid-column: 1;
      grid-row: 1;
      max-block-size: var(--_map-height);
      overflow-y: auto;
      overscroll-behavior: contain;
      padding-inline-end: calc(var(--_space) * 0.25);
    }
  }
  @container (max-width: 22rem) {
    .field,
    .field.query {
      flex-basis: 100%;
    }
  }
`;
