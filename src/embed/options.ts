/**
 * What the iframe page (embed.ts) accepts and what the embed builder (demo/builder.ts) writes: the widget names,
 * the theme presets and colour handling. No DOM access at import, no side effects.
 */

/** The widgets the iframe page can show (the public tags). Anything else is refused with a message. */
export const WIDGETS = ['event-list', 'event-map', 'event-countdown', 'action-banner', 'partner-list'] as const;
export type Widget = (typeof WIDGETS)[number];

export const isWidget = (name: string | null | undefined): name is Widget =>
  (WIDGETS as readonly string[]).includes(name ?? '');

/**
 * Query parameters the iframe page reads itself; every other parameter is passed to the element as an attribute,
 * but only when the element observes an attribute of that name (its own allowlist), and never these.
 */
export const RESERVED_PARAMS = ['widget', 'src', 'lang', 'theme', 'accent', 'on-accent', 'state', 'dismissed', 'dir'];

/** The `type` of the messages the iframe page posts to its parent window. */
export const HEIGHT_MESSAGE = 'turnout-embed:height';

/** The largest height (px) the resize script accepts from a frame. */
export const MAX_HEIGHT = 20000;

/** Suggested iframe heights (px) per widget: enough for a first screen on a phone and a desktop; the page scrolls inside. */
export const FRAME_HEIGHTS: Record<Widget, number> = {
  'event-list': 640,
  'event-map': 480,
  'event-countdown': 160,
  'action-banner': 120,
  'partner-list': 560,
};

/**
 * The `min-height` a script snippet reserves before the element draws, so the host page does not jump. The map's is
 * its first render's height where the list sits beside the map (48rem wide and more): the search row, the Filters
 * line and the legend (9rem) around the map at its default height (`--turnout-map-height`); narrower, the search
 * wraps and the list goes below the map, so the widget grows from there.
 */
export const RESERVED_HEIGHTS: Record<Widget, string> = {
  'event-list': '400px',
  'event-map': 'calc(clamp(18rem, 62vh, 38rem) + 9rem)',
  'event-countdown': '80px',
  'action-banner': '48px',
  'partner-list': '300px',
};

export type Theme = 'auto' | 'light' | 'dark';

/** The theme tokens' defaults (the same as src/shared/styles.ts), per scheme. */
export const THEMES: Record<'light' | 'dark', Record<string, string>> = {
  light: {
    '--turnout-accent': '#1f5fbf',
    '--turnout-on-accent': '#ffffff',
    '--turnout-text': '#1b1d22',
    '--turnout-muted': '#575b66',
    '--turnout-surface': '#ffffff',
    '--turnout-border': '#7b7f8a',
  },
  dark: {
    '--turnout-accent': '#8fb8ff',
    '--turnout-on-accent': '#0b1a33',
    '--turnout-text': '#eef0f4',
    '--turnout-muted': '#b3b8c4',
    '--turnout-surface': '#17191e',
    '--turnout-border': '#80858f',
  },
};

/** `#abc`, `#aabbcc` (with or without `#`) -> `#aabbcc`; anything else -> undefined. */
export function parseColour(value: string | null | undefined): string | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour for an accent background: white or near-black, whichever contrasts more. */
export function readableOn(accent: string): string {
  return contrast(accent, '#ffffff') >= contrast(accent, '#1b1d22') ? '#ffffff' : '#1b1d22';
}

/**
 * The token values for a theme and an optional accent: a preset for `light` / `dark` (nothing for `auto`, where
 * the elements follow the visitor's colour scheme), plus the accent and a readable text colour on it.
 */
export function themeTokens(theme: string | null | undefined, accent?: string, onAccent?: string): Record<string, string> {
  const tokens: Record<string, string> = theme === 'light' || theme === 'dark' ? { ...THEMES[theme] } : {};
  const a = parseColour(accent);
  if (a) {
    tokens['--turnout-accent'] = a;
    tokens['--turnout-on-accent'] = parseColour(onAccent) ?? readableOn(a);
  }
  return tokens;
}

/** A feed URL the iframe page may load: absolute or relative to the page, and http(s) only. */
export function feedUrl(value: string, base: string): URL | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Languages written right to left (by primary subtag). */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** A valid BCP 47 tag, canonicalized, and its direction; undefined when not a language tag. */
export function language(value: string | null | undefined): { lang: string; dir: 'ltr' | 'rtl' } | undefined {
  if (!value) return undefined;
  try {
    const [lang] = Intl.getCanonicalLocales(value.trim());
    if (!lang) return undefined;
    return { lang, dir: RTL.has(lang.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr' };
  } catch {
    return undefined;
  }
}
