// Which language an element speaks, the one rule for the page's strings, and switching at run time.
import { expect } from '@open-wc/testing';
import '../../src/elements/event-list/event-list.define.js';
import '../../src/elements/event-countdown/event-countdown.define.js';
import '../../src/elements/action-banner/action-banner.define.js';
import { stringLocale } from '../../src/shared/locale.js';
import { EVE, feed, group, make, mount, settle, squash, text, until } from './helpers.js';

const heading = (el: Element) => squash(el.shadowRoot!.querySelector('.day-heading')?.textContent);
const count = (el: Element) => squash(el.shadowRoot!.querySelector('[part="count"]')?.textContent);

describe('language resolution and switching', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('an element in Spanish through its own lang: strings and dates', async () => {
    const el = await mount('event-list', { lang: 'es-MX', now: EVE }, { feed: feed() });
    expect(text(el)).to.contain('Buscar');
    expect(count(el)).to.equal('Mostrando 3 de 3 eventos');
    expect(heading(el)).to.equal('sábado, 31 de enero de 2026');
    expect(text(el)).not.to.contain('Showing');
    expect(stringLocale()).to.equal('es');
  });

  it('maps regional and legacy tags to the closest translation (zh-CN, fil)', async () => {
    const zh = await mount('event-list', { lang: 'zh-CN', now: EVE }, { feed: feed() });
    expect(count(zh)).to.equal('显示 3 个活动，共 3 个');
    zh.remove();
    const fil = await mount('event-list', { lang: 'fil-PH', now: EVE }, { feed: feed() });
    // Filipino's plural rules put 3 in the "one" category (CLDR), like 1 and 2.
    expect(count(fil)).to.equal('Ipinapakita ang 3 sa 3 event');
  });

  it('takes the language of the closest ancestor, also across a shadow root (the banner\'s countdown)', async () => {
    const banner = await mount('action-banner', { target: '2026-01-30T00:00:00-05:00', now: EVE, countdown: '' }, {}, 'fr');
    const countdown = banner.shadowRoot!.querySelector('event-countdown')!;
    await settle(countdown, banner);
    expect(text(banner)).to.contain('La journée d’action : vendredi 30 janvier 2026.');
    expect(countdown.getAttribute('dir')).to.equal('ltr');
    expect(text(countdown)).to.contain('commence dans');
  });

  it('follows <html lang> and its changes at run time', async () => {
    const el = await mount('event-countdown', { target: '2026-01-30T00:00:00-05:00', now: EVE, units: 'dhm' });
    expect(text(el)).to.contain('starts in');
    document.documentElement.lang = 'fr';
    await until(() => text(el).includes('commence dans'), 'never switched to French');
    expect(text(el)).to.contain('vendredi 30 janvier 2026');
    document.documentElement.lang = 'ar';
    await until(() => text(el).includes('يبدأ'), 'never switched to Arabic');
    expect(el.getAttribute('dir')).to.equal('rtl');
    document.documentElement.lang = 'en';
    await until(() => text(el).includes('starts in'), 'never switched back to English');
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('follows a change of the element\'s own lang', async () => {
    const el = await mount('event-list', { lang: 'vi', now: EVE }, { feed: feed() });
    expect(count(el)).to.equal('Đang hiển thị 3 trong 3 sự kiện');
    el.setAttribute('lang', 'am');
    await until(() => count(el).includes('እየታዩ'), 'never switched to Amharic');
    expect(heading(el)).to.contain('ጃንዋሪ');
  });

  it('when elements disagree, the page language wins for strings; each still formats in its own', async () => {
    document.documentElement.lang = 'fr';
    const es = make('event-list', { lang: 'es', now: EVE }, { feed: feed() });
    const fr = make('event-list', { lang: 'fr', now: EVE }, { feed: feed() });
    group(undefined, [es, fr]);
    await settle(es, fr);
    expect(stringLocale()).to.equal('fr');
    expect(count(es)).to.equal('3 événements affichés sur 3');
    expect(count(fr)).to.equal('3 événements affichés sur 3');
    // Dates stay in each element's language.
    expect(heading(es)).to.equal('sábado, 31 de enero de 2026');
    expect(heading(fr)).to.equal('samedi 31 janvier 2026');

    // The page in English, the elements in two other languages: English strings.
    document.documentElement.lang = 'en';
    await until(() => stringLocale() === 'en', 'strings never went back to English');
    await settle(es, fr);
    expect(count(es)).to.equal('Showing 3 of 3 events');
    expect(heading(es)).to.equal('sábado, 31 de enero de 2026');

    // Once they agree again (the French one leaves), the strings follow them.
    fr.remove();
    await until(() => stringLocale() === 'es', 'strings never followed the one element left');
    await settle(es);
    expect(count(es)).to.equal('Mostrando 3 de 3 eventos');
  });

  it('keeps a dir the page set on the element itself', async () => {
    const el = await mount('event-list', { lang: 'ar', dir: 'ltr', now: EVE }, { feed: feed() });
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(count(el)).to.equal('عرض 3 من أصل 3 فعاليات');
  });

  it('an unknown or malformed language falls back to English without breaking', async () => {
    const el = await mount('event-list', { lang: 'not a language!', now: EVE }, { feed: feed() });
    expect(count(el)).to.equal('Showing 3 of 3 events');
    expect(heading(el)).to.contain('January 31');
  });
});
