/**
 * Languages: the part every bundle carries (kept small: the countdown's whole bundle has 8 KB).
 *
 * - msg() and str: look a message up in the translations in force (none: English, the source). The countdown and
 *   the banner import them from here; the other elements use @lit/localize's msg(), which locale-lit.ts points here.
 * - track(): every element registers while connected. The first one loads locale-runtime.ts, a small lazy chunk that
 *   resolves each element's language (its `lang`, else the closest ancestor's across shadow roots, else the
 *   browser's), sets its `dir`, watches `lang` attributes for changes, chooses the language of the strings, and
 *   loads translations (one lazy module per language) only when a language other than English is in use.
 * - localeOf(): an element's language as a tag for Intl, before each render; dateFormat() / numberFormat(): Intl, or
 *   the stand-in a language module brings where the browser's Intl lacks the language (Somali, Haitian Creole).
 *
 * One set of strings per page: when all the elements speak one language the strings are in it; when they disagree
 * the page's own language (`<html lang>`, else the browser's) wins for the strings, and each element still formats
 * dates and numbers in its own. See docs/i18n.md. The state lives on globalThis, so several bundles on a page show
 * the same strings.
 */

/**
 * A translated message: plain text, or, for a message with placeholders, its text pieces with the index of the
 * source's placeholder between each two (["Hola, ", 0, "."]).
 */
export type Translation = string | (string | number)[];
/** Translations by message id (the explicit id, else the source text, placeholders' pieces joined with \x1e). */
export type Templates = Record<string, Translation>;

/** What stands in for Intl in a language the browser has no Intl data for (e.g. Somali, Haitian Creole). */
export interface IntlShim {
  date(options: Intl.DateTimeFormatOptions): Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'>;
  number(options: Intl.NumberFormatOptions): Pick<Intl.NumberFormat, 'format' | 'formatToParts'>;
}

/** A generated locale module (src/generated/locales/<code>.ts). */
export interface LocaleModule {
  templates: Templates;
  intl?: IntlShim;
}

/** An element that speaks: re-rendered when the strings or its language change. */
export type LocaleHost = HTMLElement & { requestUpdate(): void };

/** Shared by every bundle on the page. */
export interface LocaleState {
  /** The elements on the page (of every bundle). */
  h: Set<LocaleHost>;
  /** The strings in force; none: English. */
  t?: Templates;
  /** The language of the strings in force. */
  c?: string;
  /** Intl stand-ins by language code, from the loaded locale modules. */
  x: Record<string, IntlShim | undefined>;
  /** An element's language as a tag for Intl; sets its `dir` too (set once the runtime is in). */
  n?: (host: HTMLElement) => string;
  /** The runtime, once asked for. */
  r?: Promise<{ sync(state: LocaleState): void }>;
  /** Settles when the last language asked for is in force. */
  w?: Promise<unknown>;
  o?: MutationObserver;
}

const g: LocaleState = ((globalThis as unknown as Record<symbol, LocaleState>)[Symbol.for('turnout.locale.v1')] ??= {
  h: new Set(),
  x: {},
});

/** A message with placeholders: what str`` gives (the same shape as @lit/localize's). */
export interface Str {
  strings: readonly string[];
  values: unknown[];
}

/** Tags a message with placeholders: msg(str`${name} starts in`). */
export const str = (strings: TemplateStringsArray, ...values: unknown[]): Str => ({ strings, values });

/**
 * A message in the language of the strings in force, else in English. The same call as @lit/localize's msg() (the
 * XLIFF tooling reads both; locale-lit.ts makes @lit/localize's use these translations too), without its runtime:
 * the countdown's and the banner's bundles import this one.
 */
export function msg(t: string | Str, o?: { id?: string; desc?: string }): string {
  const s = (t as Str).strings;
  const l = g.t?.[o?.id ?? (s ? s.join('\x1e') : (t as string))];
  return typeof l == 'object'
    ? l.map((p, i) => (i & 1 ? (t as Str).values[p as number] : p)).join('')
    : (l ?? (s ? s.reduce((a, p, i) => a + (t as Str).values[i - 1] + p) : (t as string)));
}

/**
 * An element comes (true) or goes (false). The runtime (a small lazy chunk, loaded with the first element) decides
 * the language of the strings, watches every `lang` in the page for changes, and loads translations only for
 * languages other than English.
 */
export function track(host: LocaleHost, on: boolean): void {
  g.h[on ? 'add' : 'delete'](host);
  (g.r ??= import('./locale-runtime.js')).then(
    (m) => m.sync(g),
    () => (g.r = undefined),
  );
}

/**
 * Before each render: the language the element formats in, as a tag for Intl. While only English is in play, the
 * closest `lang`; once the runtime is in, its answer (which also sets the host's `dir`).
 */
export const localeOf = (host: HTMLElement): string | undefined =>
  g.n ? g.n(host) : host.closest('[lang]')?.getAttribute('lang') || undefined;

/** The Intl stand-in for a locale, when its module brought one. */
export const intlShim = (locale: string | undefined): IntlShim | undefined => g.x[locale!];

/** Intl.DateTimeFormat, or the stand-in of a language the browser's Intl lacks. */
export const dateFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  g.x[locale!]?.date(options) ?? new Intl.DateTimeFormat(locale, options);

/** Intl.NumberFormat, or the stand-in of a language the browser's Intl lacks. */
export const numberFormat = (locale: string | undefined, options: Intl.NumberFormatOptions = {}) =>
  g.x[locale!]?.number(options) ?? new Intl.NumberFormat(locale, options);

/** Settles once the strings for the languages on the page are in force (for tests and demos). */
export const localeReady = (): Promise<unknown> => Promise.resolve(g.r).then(() => g.w);

/** The language of the strings in force ("en" when none other is). */
export const stringLocale = (): string => g.c ?? 'en';
