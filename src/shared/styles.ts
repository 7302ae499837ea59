/**
 * The shared theme. Public tokens (`--turnout-*`) are read, never declared, on :host, so a page can set them on
 * any ancestor; elements use only the private copies (`--_*`). Defaults pass WCAG AA in light and dark schemes
 * (text >= 4.5:1 on the surface, accent >= 4.5:1 both as text and behind --turnout-on-accent, borders >= 3:1).
 *
 * Tokens: --turnout-accent, --turnout-on-accent, --turnout-text, --turnout-muted, --turnout-surface,
 * --turnout-border, --turnout-font, --turnout-radius, --turnout-space.
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    --_accent: var(--turnout-accent, #1f5fbf);
    --_on-accent: var(--turnout-on-accent, #ffffff);
    --_text: var(--turnout-text, #1b1d22);
    --_muted: var(--turnout-muted, #575b66);
    --_surface: var(--turnout-surface, #ffffff);
    --_border: var(--turnout-border, #7b7f8a);
    --_font: var(--turnout-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_radius: var(--turnout-radius, 0.5rem);
    --_space: var(--turnout-space, 1rem);
    color-scheme: light;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    line-height: 1.45;
    color: var(--_text);
    background: var(--_surface);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--turnout-accent, #8fb8ff);
      --_on-accent: var(--turnout-on-accent, #0b1a33);
      --_text: var(--turnout-text, #eef0f4);
      --_muted: var(--turnout-muted, #b3b8c4);
      --_surface: var(--turnout-surface, #17191e);
      --_border: var(--turnout-border, #80858f);
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-block-size: 2.25rem;
    padding-block: 0.35rem;
    padding-inline: 0.8rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    transition: filter 120ms ease-out;
  }
  .button:hover {
    filter: brightness(1.1);
  }
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 2.25rem;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    max-inline-size: 100%;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
