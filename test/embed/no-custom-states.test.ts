// Browsers without custom states (CustomStateSet: Safari before 17.4, Firefox before 126): `internals.states` is
// undefined there. The elements must still work, and say their state another way: <event-countdown> and
// <action-banner> reflect it in the `state` attribute, <event-map> fires `turnout-map-ready`. Simulated by hiding
// ElementInternals.prototype.states before the all-in-one bundle (versioned CDN copy) defines anything on this page.
import { expect, waitUntil } from '@open-wc/testing';
import { NOW, cdn, feedUrl, shadowText } from './fixtures.js';

const errors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(e.message);
const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason?.message ?? e.reason));

function mount(tag: string, attrs: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}

describe('without CustomStateSet', () => {
  before(async () => {
    Object.defineProperty(ElementInternals.prototype, 'states', { configurable: true, get: () => undefined });
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    const { base } = await cdn();
    await import(/* @vite-ignore */ `${base}turnout.js`);
  });
  after(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    document.querySelectorAll('body > :not(script)').forEach((e) => e.remove());
  });

  it('<event-countdown> counts down and reflects its state in the `state` attribute', async () => {
    const el = mount('event-countdown', { src: await feedUrl(), now: NOW, campaign: 'day-of-action' });
    await waitUntil(() => shadowText(el).includes('Harbor Day of Action starts in'), 'the countdown shows', { timeout: 10000 });
    expect(el.getAttribute('state')).to.equal('before');
    expect(errors).to.deep.equal([]);
  });

  it('<action-banner> shows its bar and reflects its state, then hides after the day', async () => {
    const src = await feedUrl();
    const el = mount('action-banner', { src, now: NOW, campaign: 'day-of-action' });
    await waitUntil(() => shadowText(el).includes('Harbor Day of Action'), 'the bar shows', { timeout: 10000 });
    expect(el.getAttribute('state')).to.equal('before');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    const after = mount('action-banner', { src, now: '2026-02-02T12:00:00-05:00', campaign: 'day-of-action' });
    await waitUntil(() => after.getAttribute('state') === 'after', 'after the day', { timeout: 10000 });
    expect(after.getBoundingClientRect().height).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('<event-map> draws, fires turnout-map-ready, and leaves the page cleanly', async function () {
    if (!customElements.get('event-map')) this.skip();
    const el = mount('event-map', { src: await feedUrl(), now: NOW });
    el.style.cssText = 'display:block;width:600px';
    const ready = new Promise((resolve) => el.addEventListener('turnout-map-ready', resolve, { once: true }));
    await waitUntil(() => shadowText(el).includes('Rally at the Harbor'), 'the map lists the events', { timeout: 15000 });
    await ready;
    el.remove();
    expect(errors).to.deep.equal([]);
  });
});
