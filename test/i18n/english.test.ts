// A page in English loads no translations: only the small language runtime, and the strings are the source's.
import { expect } from '@open-wc/testing';
import '../../src/elements/event-list/event-list.define.js';
import '../../src/elements/event-countdown/event-countdown.define.js';
import { stringLocale } from '../../src/shared/locale.js';
import { EVE, feed, mount, text } from './helpers.js';

describe('an English page', () => {
  it('loads no language module and shows the English strings', async () => {
    const list = await mount('event-list', { lang: 'en-GB', now: EVE }, { feed: feed() });
    const countdown = await mount('event-countdown', { target: '2026-01-30T00:00:00-05:00', now: EVE });
    expect(text(list)).to.contain('Showing 3 of 3 events');
    // en-GB dates from Intl, English words from the source.
    expect(text(list)).to.contain('Saturday, 31 January 2026');
    expect(text(list)).to.contain('19:00 – 21:00');
    expect(text(countdown)).to.contain('The event starts in');
    expect(stringLocale()).to.equal('en');
    const modules = performance.getEntriesByType('resource').map((r) => r.name);
    expect(modules.some((m) => m.includes('/shared/locale-runtime.')), 'the runtime came').to.equal(true);
    expect(modules.filter((m) => m.includes('/generated/locales/'))).to.deep.equal([]);
  });
});
