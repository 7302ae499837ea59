// A page of its own: modules loaded by an earlier test would already be in the page's module map.
import { expect, waitUntil } from '@open-wc/testing';
import { squash } from '../../../../test/helpers.js';
import '../event-map.define.js';
import { $, $$, EVE, isReady, scattered } from './fixtures.js';

/** Files of the map half: MapLibre itself and our lazy module. */
const mapRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /maplibre|map-view|basemap/.test(n));

describe('<event-map> below the fold', () => {
  it('shows its list at once and loads nothing of the map until it is scrolled into view', async function () {
    // MapLibre (1 MB unminified from the dev server) is loaded for the first time in this page.
    this.timeout(45000);
    const spacer = document.createElement('div');
    spacer.style.blockSize = '4000px';
    const el = document.createElement('event-map');
    el.setAttribute('lang', 'en-US');
    el.setAttribute('now', EVE);
    el.feed = scattered(5, 1);
    document.body.append(spacer, el);
    try {
      await el.updateComplete;
      // The list is there before any map code.
      expect($$(el, '.title-button').length).to.equal(31);
      expect(squash($(el, '[part="count"]')!.textContent)).to.equal('30 events in person');
      expect(squash($(el, '[part="placeholder"]')!.textContent)).to.equal('Show the map');
      // Give an eager loader every chance to start.
      await new Promise((r) => setTimeout(r, 600));
      expect(mapRequests()).to.deep.equal([]);
      expect(isReady(el)).to.equal(false);

      el.scrollIntoView();
      // A hidden page draws nothing and observes no intersections (web-test-runner.config.mjs gives each page a window).
      expect(document.visibilityState).to.equal('visible');
      await waitUntil(() => isReady(el), 'the map never became ready after scrolling', { timeout: 40000 });
      expect(mapRequests().some((n) => n.includes('maplibre'))).to.equal(true);
      expect(mapRequests().some((n) => n.includes('map-view'))).to.equal(true);
      expect(squash($(el, '[part="count"]')!.textContent)).to.equal('30 events in the map area');
    } finally {
      spacer.remove();
      el.remove();
    }
  });
});
