import { expect } from '@open-wc/testing';
import { squash } from '../../../../test/helpers.js';
import '../event-map.define.js';
import { $, $$, makeEvent, makeFeed, mountMap } from './fixtures.js';

const labels = (el: Element) => $$(el, '[part="filters"] label > span').map((s) => squash(s.textContent));

describe('<event-map> filters', () => {
  it('offers no Filters when the feed leaves nothing to choose', async () => {
    const el = await mountMap(makeFeed([makeEvent({ type: 'rally' }), makeEvent({ type: 'rally' })]), {}, { ready: false });
    expect($$(el, '[part~="event"]')).to.have.length(2);
    expect($(el, 'form[role="search"]')).to.not.equal(null);
    expect($(el, '[part="filters"]')).to.equal(null);
  });

  it('offers the choices the feed has: two types, two days, online and in person', async () => {
    const el = await mountMap(
      makeFeed([
        makeEvent({ type: 'rally' }),
        makeEvent({ type: 'march', start: Date.UTC(2026, 0, 30, 18) }),
        makeEvent({ type: 'rally', online: true, location: { precision: 'none' } }),
      ]),
      {},
      { ready: false },
    );
    expect(squash($(el, '[part="filters"] summary')!.textContent)).to.equal('Filters');
    expect(labels(el)).to.deep.equal(['Day', 'Type', 'Where']);
  });
});
