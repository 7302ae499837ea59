// An Arabic widget showing an English feed (the usual case: one coalition feed, widgets in the visitors' languages):
// the feed's own text reads in its own direction, so its punctuation stays where its writer put it.
import { expect, waitUntil } from '@open-wc/testing';
import { charBox } from '../../../../test/helpers.js';
import '../event-map.define.js';
import { $, makeEvent, makeFeed, mountMap } from './fixtures.js';

describe('<event-map> in Arabic with an English feed', () => {
  it('draws the feed’s English title, place and details left to right, full stops and marks at their end', async () => {
    const event = makeEvent({
      title: 'March for housing!',
      accessibility: 'Step-free entrance.',
      host: 'Tenants United.',
      location: { precision: 'exact', venue: 'Town Hall', locality: 'Minneapolis', region: 'MN', country: 'US', lat: 44.978, lng: -93.265 },
    });
    const el = await mountMap(makeFeed([event]), { lang: 'ar' }, { ready: false, width: '600px' });
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const title = $(el, '.title-button')!;
    // Read left to right: the "!" is drawn after (right of) the "M", not before it as a right-to-left line would.
    expect(charBox(title, '!').left).to.be.greaterThan(charBox(title, 'M').left);
    const where = $(el, '.where')!;
    expect(charBox(where, 'T').left).to.be.lessThan(charBox(where, 'H').left);
    title.click();
    await waitUntil(() => $(el, '.details dd'), 'no details', { timeout: 10000 });
    const dds = [...el.shadowRoot!.querySelectorAll('.details dd')];
    const access = dds.find((d) => d.textContent!.includes('Step-free'))!;
    expect(charBox(access, '.', true).left).to.be.greaterThan(charBox(access, 'S').left);
    const host = dds.find((d) => d.textContent!.includes('Tenants'))!;
    expect(charBox(host, '.', true).left).to.be.greaterThan(charBox(host, 'T').left);
    // The widget's own words stay right to left: the date line starts at the card's right edge.
    const card = $(el, '.event article')!.getBoundingClientRect();
    const when = $(el, '.when time')!.getBoundingClientRect();
    expect(card.right - when.right).to.be.lessThan(24);
  });
});
