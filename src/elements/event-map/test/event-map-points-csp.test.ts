import { expect } from '@open-wc/testing';
import { enforcePolicy } from './fixtures.js';
import { expectAllDrawn, mountLarge } from './points.js';

// A page whose Content-Security-Policy does not let workers fetch blob: URLs (connect-src 'self', as
// docs/elements/event-map.md suggests): the points protocol cannot read the points, and the map gets them the usual
// way once the feed is in. Nothing is missing from the map.
enforcePolicy("connect-src 'self'");

describe('<event-map> with a large feed under connect-src without blob:', () => {
  it('falls back to handing the points as objects: every event drawn, ready with the count', async function () {
    this.timeout(60000);
    // The policy is in force: this page may not fetch a blob: URL.
    const probe = URL.createObjectURL(new Blob(['{}'], { type: 'application/json' }));
    let refused = false;
    await fetch(probe).catch(() => (refused = true));
    URL.revokeObjectURL(probe);
    expect(refused, 'the page could fetch a blob: URL: the policy is not in force').to.equal(true);

    await import('../event-map.define.js');
    const { el, readyCount, handed } = await mountLarge(2600);
    expect(readyCount).to.equal(2600);
    // The URL first (refused), then the objects.
    expect(handed[0]).to.be.a('string').and.match(/^turnout-points:/);
    const last = handed.at(-1) as { features?: unknown[] };
    expect(last.features, 'the points were not handed as objects').to.have.length(2600);
    await expectAllDrawn(el, 2600);
  });
});
