// A feed's own text in several languages: a campaign day's name and call-to-action link per language.
import { expect } from '@open-wc/testing';
import '../../src/elements/action-banner/action-banner.define.js';
import '../../src/elements/event-countdown/event-countdown.define.js';
import { parseFeed } from '../../src/feed/parse.js';
import { pickTranslation } from '../../src/elements/event-countdown/feed-window.js';
import { EVE, mount, settle, text, until } from './helpers.js';

const FEED = {
  turnout: '1.0',
  campaign: {
    days: [
      {
        id: 'shutdown',
        name: 'National Shutdown',
        start: '2026-01-30T00:00:00-05:00',
        end: '2026-01-31T00:00:00-05:00',
        url: 'https://example.org/strike',
        translations: {
          es: { name: 'Paro Nacional', url: 'https://example.org/es/paro' },
          'es-MX': { url: 'https://example.org/mx/paro' },
          ar: { name: 'الإضراب الوطني' },
          'not a tag': { name: 'ignored' },
          fr: { url: 'javascript:alert(1)' },
        },
      },
    ],
  },
};

describe("a feed's text in the visitor's language", () => {
  it('reads translations from the native feed: tags, allowlisted links, nothing else', () => {
    const data = parseFeed(JSON.stringify(FEED));
    const day = data.campaign!.days[0];
    expect(day.translations).to.deep.equal({
      es: { name: 'Paro Nacional', url: 'https://example.org/es/paro' },
      'es-mx': { url: 'https://example.org/mx/paro' },
      ar: { name: 'الإضراب الوطني' },
    });
    // The unsafe French link is dropped, and the editor is told.
    expect(JSON.stringify(data.warnings ?? [])).to.contain('fr link');
  });

  it('picks the exact language, else its base language, else the default', () => {
    const t = { es: { name: 'es' }, 'es-mx': { name: 'mx' } };
    expect(pickTranslation(t, 'es-MX')).to.deep.equal({ name: 'mx' });
    expect(pickTranslation({ es: { name: 'es', url: 'u' }, 'es-mx': { url: 'mx' } }, 'es-MX')).to.deep.equal({ name: 'es', url: 'mx' });
    expect(pickTranslation(t, 'es-AR')).to.deep.equal({ name: 'es' });
    expect(pickTranslation(t, 'fr')).to.equal(undefined);
    expect(pickTranslation(undefined, 'es')).to.equal(undefined);
  });

  it("shows the day's name and link in the banner's language, falling back field by field", async () => {
    const feed = parseFeed(JSON.stringify(FEED));
    const mx = await mount<HTMLElement>('action-banner', { lang: 'es-MX', now: EVE }, { feed });
    await until(() => text(mx).includes('Paro Nacional'), 'no Spanish name');
    // es-MX has its own link; the name comes from "es".
    expect(mx.shadowRoot!.querySelector('a[part="cta"]')!.getAttribute('href')).to.equal('https://example.org/mx/paro');
    expect(text(mx)).to.contain('Paro Nacional: viernes, 30 de enero de 2026.');
    mx.remove();

    const fr = await mount<HTMLElement>('action-banner', { lang: 'fr', now: EVE }, { feed });
    await until(() => text(fr).includes('National Shutdown'), 'no default name');
    expect(fr.shadowRoot!.querySelector('a[part="cta"]')!.getAttribute('href')).to.equal('https://example.org/strike');
    fr.remove();

    const countdown = await mount<HTMLElement>('event-countdown', { lang: 'ar', now: EVE }, { feed });
    await until(() => text(countdown).includes('الإضراب الوطني'), 'no Arabic name');
    await settle(countdown);
  });
});
