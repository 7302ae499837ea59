import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { squash } from '../../../../test/helpers.js';
import '../event-map.define.js';
import type { EventMap } from '../event-map.js';
import { $, $$, makeEvent, makeFeed, mountMap } from './fixtures.js';

// Several events at one point (one venue, or private addresses at their town's centre) share one marker: choosing
// it lists exactly those events.
const count = (el: EventMap) => squash($(el, '[part="count"]')?.textContent);
const titles = (el: EventMap) => $$(el, '[part~="event"] .title-button').map((b) => squash(b.textContent));
const focused = (el: EventMap) => el.shadowRoot!.activeElement as HTMLElement | null;

function feedWithSharedVenue() {
  const venue = { precision: 'exact' as const, venue: 'Union Hall', locality: 'Minneapolis', region: 'MN', country: 'US', lat: 44.9778, lng: -93.265 };
  const shared = ['Morning rally', 'Noon teach-in', 'Evening vigil'].map((title, i) =>
    makeEvent({ id: `hall-${i}`, title, start: Date.UTC(2026, 0, 31, 15 + 3 * i), location: { ...venue } }),
  );
  const elsewhere = [
    makeEvent({ id: 'far-1', title: 'March downtown', location: { ...venue, venue: 'Capitol', locality: 'Minneapolis', lat: 44.9798, lng: -93.262 } }),
    makeEvent({ id: 'far-2', title: 'Picket at the port', location: { ...venue, venue: 'Port', locality: 'Minneapolis', lat: 44.9758, lng: -93.269 } }),
  ];
  return makeFeed([...elsewhere, ...shared]);
}

describe('<event-map>: several events at one place', () => {
  it('choosing the place lists its events, focused; "Back to all events" returns to the whole list', async () => {
    const el = await mountMap(feedWithSharedVenue(), { center: '-93.265,44.9778', zoom: '13' });
    await waitUntil(() => $(el, '.overlay .marker.group'), 'no marker for the three events at Union Hall', { timeout: 10000 });
    const group = $<HTMLButtonElement>(el, '.overlay .marker.group')!;
    expect(squash(group.textContent)).to.equal('3');
    expect(group.getAttribute('aria-label')).to.match(/3 events/);
    expect(count(el)).to.match(/^5 events/);

    group.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(count(el)).to.equal('3 events at this place');
    expect(titles(el)).to.deep.equal(['Morning rally', 'Noon teach-in', 'Evening vigil']);
    expect(squash($(el, '#section-main')?.textContent)).to.equal('At this place');
    expect($(el, '#section-online')).to.equal(null);
    expect(squash(focused(el)?.textContent)).to.equal('Morning rally');
    await expect(el).to.be.accessible();

    const back = $$<HTMLButtonElement>(el, 'button').find((b) => squash(b.textContent) === 'Back to all events')!;
    expect(back, 'no way back to every event').to.exist;
    back.click();
    await el.updateComplete;
    expect(count(el)).to.match(/^5 events/);
    expect(titles(el)).to.include.members(['March downtown', 'Picket at the port', 'Morning rally']);
    expect($$(el, 'button').some((b) => squash(b.textContent) === 'Back to all events')).to.equal(false);
    expect(focused(el)?.classList.contains('title-button')).to.equal(true);
  });

  it('a search replaces the place list', async () => {
    const el = await mountMap(feedWithSharedVenue(), { center: '-93.265,44.9778', zoom: '13' });
    await waitUntil(() => $(el, '.overlay .marker.group'), 'no group marker', { timeout: 10000 });
    $<HTMLButtonElement>(el, '.overlay .marker.group')!.click();
    await el.updateComplete;
    expect(count(el)).to.equal('3 events at this place');
    await el.search('55401');
    await el.updateComplete;
    expect(count(el)).to.not.match(/at this place/);
    expect(titles(el)).to.have.length(5);
  });
});
