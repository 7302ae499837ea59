// A page of its own that enforces Trusted Types, as a strict host would: `new Worker(url)` then takes only a
// TrustedScriptURL, and the map must still start (its worker URL goes through the "turnout-map" policy).
import { expect, waitUntil } from '@open-wc/testing';
import { enforcePolicy, EVE, isReady, scattered, $$ } from './fixtures.js';

enforcePolicy("require-trusted-types-for 'script'; trusted-types lit-html turnout-map 'allow-duplicates'");

describe('<event-map> under Trusted Types', () => {
  it('draws its map: the worker starts through the turnout-map policy', async function () {
    this.timeout(45000);
    // A plain string is refused here, so the test would fail if the page did not enforce Trusted Types.
    expect(() => new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })))).to.throw(TypeError);
    await import('../event-map.define.js');
    const el = document.createElement('event-map');
    el.setAttribute('lang', 'en-US');
    el.setAttribute('now', EVE);
    el.feed = scattered(5);
    document.body.append(el);
    try {
      await waitUntil(() => isReady(el), 'the map never became ready', { timeout: 40000 });
      expect($$(el, '.overlay .cluster, .overlay .marker').length).to.be.greaterThan(0);
    } finally {
      el.remove();
    }
  });
});
