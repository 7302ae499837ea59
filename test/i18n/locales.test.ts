// Every element in every language: no message falls back to English, and what a person reads is translated.
import { expect } from '@open-wc/testing';
import '../../src/elements/event-list/event-list.define.js';
import '../../src/elements/event-countdown/event-countdown.define.js';
import '../../src/elements/action-banner/action-banner.define.js';
import '../../src/elements/partner-list/partner-list.define.js';
import type { Templates } from '../../src/shared/locale.js';
import { msg, stringLocale } from '../../src/shared/locale.js';
import { EVE, feed, group, make, mount, settle, squash } from './helpers.js';

const LOCALES = ['es', 'so', 'am', 'ar', 'vi', 'zh-Hans', 'ht', 'fr', 'tl'];

/** Message keys looked up while a translation set was in force but missing from it. */
const missing = new Set<string>();
const state = (globalThis as unknown as Record<symbol, { t?: Templates }>)[Symbol.for('turnout.locale.v1')];
let inner: Templates | undefined;
Object.defineProperty(state, 't', {
  configurable: true,
  get: () => inner,
  set(v: Templates | undefined) {
    inner = v && new Proxy(v, { get: (o, k) => (typeof k === 'string' && !(k in o) && missing.add(k), o[k as string]) });
  },
});

/** All a person meets in an element: text, and labels, placeholders and titles of its controls. */
function visible(el: Element): string {
  const root = el.shadowRoot!;
  const attrs = [...root.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
    ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
  );
  return squash([root.textContent, ...attrs].join(' '));
}

/** English words of our own messages that must not show in another language. */
const ENGLISH = [
  'Search', 'Showing', 'All types', 'Clear filters', 'Add to calendar', 'Hosted by', 'Cancelled', 'Online', 'Join online',
  'starts in', 'Pause countdown', 'where you are', 'Learn more', 'Dismiss', 'Announcement', 'Partners', 'partners', 'Title, place',
];

async function page(lang: string) {
  const f = feed();
  const target = '2026-01-30T00:00:00-05:00';
  const els = [
    make('event-list', { now: EVE }, { feed: f }),
    make('event-countdown', { target, 'time-zone': 'America/New_York', now: EVE }),
    make('action-banner', { target, now: EVE, countdown: '', href: 'https://example.org/strike' }),
    make('partner-list', {}, { feed: f }),
  ];
  const wrapper = group(lang, els);
  await settle(...els);
  const banner = wrapper.querySelector('action-banner')!;
  await settle(banner.shadowRoot!.querySelector('event-countdown') ?? banner);
  return els;
}

describe('every element in every language', () => {
  beforeEach(() => missing.clear());

  for (const lang of LOCALES) {
    it(`${lang}: no English left, no message missing`, async () => {
      const els = await page(lang);
      expect(stringLocale()).to.equal(lang);
      expect([...missing], `messages without a ${lang} translation`).to.deep.equal([]);
      // The watch on lookups works: a message no language has is reported.
      expect(msg('Not a message of ours')).to.equal('Not a message of ours');
      expect([...missing]).to.deep.equal(['Not a message of ours']);
      for (const el of els) {
        const text = visible(el);
        expect(text.length, `${el.localName} shows something`).to.be.greaterThan(10);
        for (const word of ENGLISH) {
          // "Online" is the Tagalog word too (xliff/same-as-english.json).
          if (lang === 'tl' && word === 'Online') continue;
          expect(text, `${el.localName} in ${lang}`).not.to.include(word);
        }
        expect(el.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      }
    });
  }

  it('dates and numbers read in the language even where the browser has no Intl data (Somali, Haitian Creole)', async () => {
    expect(Intl.DateTimeFormat.supportedLocalesOf(['so', 'ht'])).to.deep.equal([]);
    let [list, countdown] = await page('so');
    const done = () => list.parentElement!.remove();
    expect(visible(list)).to.include('Sabti, Jannaayo 31');
    expect(visible(countdown)).to.include('Jimco, Jannaayo 30, 2026');
    expect(visible(countdown)).to.match(/\d+ saacadood/);
    expect(visible(countdown)).to.include('Jimco, Jannaayo 30, 2026, 12:00:00 GH GMT-5');
    expect(visible(countdown)).not.to.match(/January|Friday|hours|EST/);
    done();
    [list, countdown] = await page('ht');
    expect(visible(list)).to.include('samdi 31 janvye 2026');
    expect(visible(countdown)).to.include('vandredi 30 janvye 2026 a 00:00:00');
    expect(visible(countdown)).to.match(/\d+ èdtan/);
    expect(visible(countdown)).not.to.match(/janvier|vendredi|heures/);
  });

  it('plurals and numbers follow the language (es, ar)', async () => {
    const one = { ...feed(), events: feed().events.slice(0, 1) };
    const mountList = async (lang: string, data: typeof one) => {
      const el = await mount('event-list', { lang, now: EVE }, { feed: data });
      const text = squash(el.shadowRoot!.querySelector('[part="count"]')!.textContent);
      el.remove();
      return text;
    };
    expect(await mountList('es', one)).to.equal('Mostrando 1 de 1 evento');
    expect(await mountList('es', feed())).to.equal('Mostrando 3 de 3 eventos');
    expect(await mountList('ar', one)).to.equal('عرض 1 من أصل 1 فعالية');
    expect(await mountList('ar', feed())).to.equal('عرض 3 من أصل 3 فعاليات');
    // Arabic as written in Egypt: Arabic-Indic digits, from Intl.
    expect(await mountList('ar-EG', feed())).to.equal('عرض ٣ من أصل ٣ فعاليات');
  });
});
