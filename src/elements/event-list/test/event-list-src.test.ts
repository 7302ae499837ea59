// <event-list> reading real feed files through `src` and the shared feed layer.
import { expect } from '@open-wc/testing';
import '../event-list.define.js';
import type { EventList } from '../event-list.js';
import { EVE } from './events.js';
import { mountFromSrc, squash } from '../../../../test/helpers.js';

const FIXTURE = new URL('./fixtures/small-feed.json', import.meta.url).pathname;
const DEMO = '/demo/data/feed.json';

const load = (src: string, attrs: Record<string, string> = {}) =>
  mountFromSrc<EventList>('event-list', src, { now: EVE, ...attrs });

const titles = (el: EventList) => [...el.shadowRoot!.querySelectorAll('.title-text')].map((t) => squash(t.textContent));
const item = (el: EventList, title: string) =>
  [...el.shadowRoot!.querySelectorAll('li.event')].find((li) => squash(li.querySelector('.title-text')?.textContent) === title)!;

describe('<event-list src>', () => {
  it('renders a native feed file: days, zones, private places, online and cancelled events', async () => {
    const el = await load(FIXTURE);
    expect([...el.shadowRoot!.querySelectorAll('.day-heading')].map((h) => squash(h.textContent))).to.deep.equal([
      'Friday, January 30, 2026',
      'Saturday, January 31, 2026',
      'Online',
    ]);
    expect(titles(el)).to.deep.equal([
      'Sign-making party',
      'March on City Hall',
      'Rally at Union Park',
      'Know your rights webinar',
    ]);
    expect(squash(item(el, 'Rally at Union Park').querySelector('time')!.textContent)).to.equal(
      'Sat, Jan 31, 7:00 PM – 9:00 PM CST',
    );
    const party = squash(item(el, 'Sign-making party').textContent);
    expect(party).to.contain('Approximate location: Durham, NC');
    expect(party).not.to.contain('Hidden Ln');
    expect(squash(item(el, 'March on City Hall').querySelector('.title')!.textContent)).to.contain('Cancelled');
  });

  it('shows only a partner’s events with host, and attributes its RSVPs with source', async () => {
    const el = await load(FIXTURE, { host: 'Riverside Tenants Union', source: 'rtu' });
    expect(titles(el)).to.deep.equal(['March on City Hall', 'Rally at Union Park']);
    const rsvp = item(el, 'Rally at Union Park').querySelector<HTMLAnchorElement>('a.button')!;
    expect(rsvp.href).to.equal('https://example.org/events/chi-1?source=rtu');
  });

  it('pages the demo feed of the day of action and passes axe', async () => {
    const el = await load(DEMO);
    const count = squash(el.shadowRoot!.querySelector('[part="count"]')!.textContent);
    const [, shown, total] = /^Showing ([\d,]+) of ([\d,]+) events$/.exec(count)!;
    expect(shown).to.equal(total);
    expect(Number(total.replace(/,/g, ''))).to.be.greaterThan(300);
    expect(el.shadowRoot!.querySelectorAll('li.event').length).to.equal(50);
    expect(squash(el.shadowRoot!.querySelector('[part="show-more"]')!.textContent)).to.match(/^Show more \([\d,]+ more\)$/);
    const date = [...el.shadowRoot!.querySelectorAll('select')].find((s) =>
      [...s.options].some((o) => o.value === '2026-01-31'),
    )!;
    date.value = '2026-01-31';
    date.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const onDay = squash(el.shadowRoot!.querySelector('[part="count"]')!.textContent);
    expect(Number(/^Showing ([\d,]+)/.exec(onDay)![1].replace(/,/g, ''))).to.be.at.least(300);
    await expect(el).to.be.accessible();
  });
});
