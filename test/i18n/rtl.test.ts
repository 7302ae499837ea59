// Right to left and scripts: Arabic mirrors the layouts (lists, banners, countdown) with readable digits; Arabic,
// Ethiopic (Amharic) and Chinese text is drawn with real glyphs from the system's fonts, not boxes; axe finds
// nothing wrong in Arabic.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/event-list/event-list.define.js';
import '../../src/elements/event-countdown/event-countdown.define.js';
import '../../src/elements/action-banner/action-banner.define.js';
import '../../src/elements/partner-list/partner-list.define.js';
import { charBox } from '../helpers.js';
import { EVE, feed, mount, settle } from './helpers.js';

const box = (el: Element) => el.getBoundingClientRect();
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;

/** Mounts an event list 600 px wide in `lang`. */
async function list(lang: string) {
  const el = await mount<HTMLElement>('event-list', { lang, now: EVE, style: 'inline-size: 600px; display: block' }, { feed: feed() });
  return el;
}

/**
 * True when `text` is drawn with real glyphs in the element's font: each character's drawing differs from the
 * "missing glyph" box the browser draws for a code point no font has (U+E000, a private-use character).
 */
function realGlyphs(el: Element, text: string): { char: string; real: boolean }[] {
  const font = `32px ${getComputedStyle(el).fontFamily}`;
  const draw = (ch: string) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 48;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.font = font;
    ctx.fillText(ch, 4, 36);
    return ctx.getImageData(0, 0, 48, 48).data.join(',');
  };
  const missing = draw('\uE000');
  return [...text].filter((c) => c.trim()).map((char) => ({ char, real: draw(char) !== missing }));
}

describe('right to left and scripts', () => {
  it('mirrors the event list in Arabic: controls and text start on the right', async () => {
    // One language at a time: two elements in different languages would show the page's (English) strings.
    const en = await list('en');
    const [enForm, enSearch] = [box($(en, '.filters')), box($(en, '.field.search'))];
    en.remove();
    const ar = await list('ar');
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(ar, '.filters')).direction).to.equal('rtl');
    // The search field comes first: on the left in English, on the right in Arabic.
    const [arForm, arSearch] = [box($(ar, '.filters')), box($(ar, '.field.search'))];
    expect(Math.abs(enSearch.left - enForm.left)).to.be.lessThan(2);
    expect(Math.abs(arSearch.right - arForm.right)).to.be.lessThan(2);
    expect(arSearch.left - arForm.left).to.be.greaterThan(100);
    // The date line starts at the right edge of its card; the RSVP button too.
    const rally = [...ar.shadowRoot!.querySelectorAll('li.event')].find((li) => li.textContent!.includes('Rally'))!;
    const card = box(rally.querySelector('article')!);
    const range = document.createRange();
    range.selectNodeContents(rally.querySelector('.when')!);
    expect(card.right - range.getBoundingClientRect().right).to.be.lessThan(24);
    expect(range.getBoundingClientRect().left - card.left).to.be.greaterThan(100);
    const rsvp = box(rally.querySelector('.actions a.button')!);
    expect(card.right - rsvp.right).to.be.lessThan(24);
    // A feed's English title keeps its own direction inside the Arabic list (dir="auto").
    expect(getComputedStyle(rally.querySelector('.title')!).direction).to.equal('ltr');
  });

  it('mirrors the banner in Arabic: the message on the right, the dismiss button on the left', async () => {
    const el = await mount<HTMLElement>('action-banner', { lang: 'ar', target: '2026-01-30T00:00:00-05:00', now: EVE, href: 'https://example.org/strike' });
    const message = box($(el, '[part="message"]'));
    const dismiss = box($(el, '[part="dismiss"]'));
    const cta = box($(el, '[part="cta"]'));
    expect(dismiss.right).to.be.lessThan(cta.left + 1);
    expect(cta.right).to.be.lessThan(message.left + 1);
  });

  it('keeps the countdown readable in Arabic: units from the right, each number in its own order', async () => {
    const el = await mount<HTMLElement>('event-countdown', { lang: 'ar', layout: 'banner', target: '2026-02-12T00:00:00-05:00', now: EVE, units: 'dhm' });
    await settle(el);
    const numbers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="number"]')];
    expect(numbers.map((n) => n.textContent)).to.deep.equal(['13', '6', '0']);
    // Days (first) are rightmost; within "13" the 1 is left of the 3 (digits stay left to right).
    expect(box(numbers[0]).left).to.be.greaterThan(box(numbers[1]).right);
    const digit = (i: number) => {
      const r = document.createRange();
      r.setStart(numbers[0].firstChild!, i);
      r.setEnd(numbers[0].firstChild!, i + 1);
      return r.getBoundingClientRect();
    };
    expect(digit(0).right).to.be.at.most(digit(1).left + 0.5);
  });

  it('draws Arabic, Amharic (Ethiopic) and Chinese with real glyphs, not boxes', async () => {
    for (const [lang, sample] of [
      ['ar', 'بحث عرض فعاليات'],
      ['am', 'ፈልግ ዓይነት ዝግጅቶች'],
      ['zh-Hans', '搜索显示活动'],
    ]) {
      const el = await list(lang);
      const shown = el.shadowRoot!.textContent!;
      for (const ch of sample.replace(/\s/g, '')) expect(shown, `${lang} text`).to.include(ch);
      const missing = realGlyphs(el, sample).filter((g) => !g.real).map((g) => g.char);
      expect(missing, `${lang} characters drawn as boxes (install the fonts .ci/run lists)`).to.deep.equal([]);
      el.remove();
    }
    // The check can fail: a private-use character has no glyph in any font.
    expect(realGlyphs(document.body, '\uE001')[0].real).to.equal(false);
  });

  it('requests no web fonts', async () => {
    await list('am');
    const fonts = performance.getEntriesByType('resource').filter((r) => /\.(woff2?|ttf|otf)(\?|$)/.test(r.name));
    expect(fonts.map((r) => r.name)).to.deep.equal([]);
    expect([...document.fonts].filter((f) => f.status === 'loaded' || f.status === 'loading')).to.deep.equal([]);
  });

  it("keeps an English feed's punctuation at the end of its words in Arabic: host, place, partner name", async () => {
    const data = feed();
    data.events[0] = { ...data.events[0], host: 'Acme Organizing, Inc.', location: { ...data.events[0].location, venue: 'Union Park.' } };
    data.partners[1] = { ...data.partners[1], name: 'Student Coalition.' };
    const el = await mount<HTMLElement>('event-list', { lang: 'ar', now: EVE, style: 'inline-size: 600px; display: block' }, { feed: data });
    const left = (node: Element, char: string, last = false) => charBox(node, char, last).left;
    // Left to right inside the Arabic sentence: the final "." is drawn right of the name's first letter.
    const host = $(el, '.host');
    expect(left(host, '.', true)).to.be.greaterThan(left(host, 'A'));
    const where = [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.event .where')].find((w) => w.textContent!.includes('Union Park'))!;
    expect(left(where, '.', true)).to.be.greaterThan(left(where, 'U'));
    el.remove();
    const partners = await mount<HTMLElement>('partner-list', { lang: 'ar', style: 'inline-size: 600px; display: block' }, { feed: data });
    await waitUntil(() => partners.shadowRoot!.querySelectorAll('.name').length === 2, 'no partners', { timeout: 10000 });
    const name = [...partners.shadowRoot!.querySelectorAll<HTMLElement>('.name')].find((n) => n.textContent!.includes('Student'))!;
    expect(left(name, '.', true)).to.be.greaterThan(left(name, 'S'));
  });

  it('has no accessibility violations in Arabic (list, banner, countdown)', async () => {
    const el = await list('ar');
    await expect(el).to.be.accessible();
    const banner = await mount<HTMLElement>('action-banner', { lang: 'ar', target: '2026-01-30T00:00:00-05:00', now: EVE, countdown: '', href: 'https://example.org/strike' });
    const inner = banner.shadowRoot!.querySelector('event-countdown');
    if (inner) await settle(inner);
    await expect(banner).to.be.accessible();
    const countdown = await mount<HTMLElement>('event-countdown', { lang: 'ar', target: '2026-01-30T00:00:00-05:00', now: EVE });
    await expect(countdown).to.be.accessible();
  });
});
