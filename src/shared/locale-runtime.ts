/**
 * The language runtime, loaded by locale.ts with the first element on the page (a small lazy chunk, so that the
 * entry bundles stay small). It resolves each element's language and `dir`, watches `lang` attributes, chooses the
 * language of the strings, loads the locale modules needed (only for languages other than English), and
 * re-renders the elements. It imports nothing at run time, so every bundle's build of it is the same file and a
 * page loads it once.
 *
 * Adding a language: its code in lit-localize.json's targetLocales, then `npm run i18n:extract` writes the XLIFF
 * file to translate and the loaders (src/generated/locale-loaders.ts, an explicit map of lazy imports).
 */
import { LOCALES } from '../generated/locale-loaders.js';
import type { LocaleModule, LocaleState } from './locale.js';

export { LOCALES };

/**
 * The translated language closest to a BCP 47 tag: es-MX -> es, zh / zh-CN / zh-Hans-SG / zh-TW -> zh-Hans (the one
 * Chinese script translated), fil -> tl; "en" when none is close.
 */
export function pick(tag: string): string {
  const t = tag.toLowerCase();
  const code = /^zh\b/.test(t) ? 'zh-Hans' : /^fil\b/.test(t) ? 'tl' : t.split('-')[0];
  return Object.hasOwn(LOCALES, code) ? code : 'en';
}

function intlKnows(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

/**
 * The tag an element gives Intl: its own when Intl knows the language (es-MX stays es-MX, sv stays sv), else the code
 * of the translated language, whose module brings a stand-in (so-SO -> so); else English.
 */
export function intlTag(tag: string): string {
  let known = tags.get(tag);
  if (known === undefined) {
    known = intlKnows(tag) ? tag : pick(tag);
    tags.set(tag, known);
  }
  return known;
}

/** intlTag()'s answers: elements ask before every render (a countdown showing seconds, every second). */
const tags = new Map<string, string>();

/** The language an element is in: its `lang` or the closest ancestor's, across shadow roots; else the browser's. */
export function langOf(el: Element): string {
  for (let e: Element | undefined = el; e; e = (e.getRootNode() as ShadowRoot).host) {
    const lang = e.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
  }
  return navigator.language;
}

const ownDir = new WeakSet<Element>();
const RTL = /^(ar|fa|he|iw|ur|ps|ckb|dv|sd|ug|yi)\b/i;

/**
 * An element's language as a tag for Intl. Sets its `dir` (unless the page gave the element a `dir` of its own) from
 * the language its words are shown in: its own, or the page's when elements disagree (see sync()), so that Arabic
 * words are laid out right to left even in an element whose dates are in another language.
 */
function hostLocale(state: LocaleState, host: HTMLElement): string {
  const tag = langOf(host);
  if (ownDir.has(host) || !host.dir) {
    const shown = state.c && pick(tag) !== state.c ? state.c : tag;
    host.dir = RTL.test(shown) ? 'rtl' : 'ltr';
    ownDir.add(host);
  }
  return intlTag(tag);
}

const modules: Record<string, LocaleModule | undefined> = {};
let asked = 0;

async function load(state: LocaleState, code: string): Promise<void> {
  if (code === 'en' || modules[code]) return;
  try {
    const m = await LOCALES[code]();
    modules[code] = m;
    state.x[code] = m.intl;
  } catch {
    // Offline, or the chunk is gone: English until the next try.
  }
}

/**
 * The page changed (an element came or went, a `lang` changed): choose the language of the strings, load what is
 * needed, then re-render every element and tell @lit/localize's listeners (updateWhenLocaleChanges).
 */
export function sync(state: LocaleState): void {
  if (!state.o) {
    // A `lang` changed anywhere in the page: every element re-renders (its Intl language or `dir` may change), and
    // the language of the strings may change.
    (state.o = new MutationObserver(() => {
      for (const h of state.h) h.requestUpdate();
      sync(state);
    })).observe(document, { subtree: true, attributeFilter: ['lang'] });
  }
  const codes = [...state.h].map((h) => pick(langOf(h)));
  const want = codes[0] && codes.every((c) => c === codes[0]) ? codes[0] : pick(document.documentElement.lang || navigator.language);
  const id = ++asked;
  const first = !state.n;
  state.n = (host) => hostLocale(state, host);
  const loaded = Object.keys(modules).length;
  state.w = Promise.all([want, ...new Set(codes)].map((c) => load(state, c))).then(() => {
    if (id !== asked) return;
    const t = modules[want]?.templates;
    const c = t ? want : 'en';
    // Re-render when something changed: the strings, a language's stand-ins, or the runtime just came in.
    if (!first && c === state.c && loaded === Object.keys(modules).length) return;
    state.t = t;
    state.c = c;
    for (const h of state.h) h.requestUpdate();
    dispatchEvent(new CustomEvent('lit-localize-status', { detail: { status: 'ready', readyLocale: c } }));
  });
}
