import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { FeedData } from '../../../feed/types.js';
import '../event-list.define.js';
import { EventList } from '../event-list.js';
import { dayOfAction, EVE, makeEvent, makeFeed } from './events.js';
import { squash } from '../../../../test/helpers.js';


async function mount(data: FeedData | undefined, attrs: Record<string, string | boolean> = {}): Promise<EventList> {
  const el = document.createElement('event-list');
  el.setAttribute('lang', 'en-US');
  el.setAttribute('now', EVE);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) el.removeAttribute(k);
    else el.setAttribute(k, v === true ? '' : v);
  }
  if (data) el.feed = data;
  el.style.inlineSize = '40rem';
  // The element itself is the fixture's root, so fixture() waits for its update (a plain wrapper would wait for an
  // animation frame, which a background test page may never get).
  await fixture(html`${el}`);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: EventList, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: EventList, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const titles = (el: EventList) => $$(el, '.title-text').map((t) => squash(t.textContent));
const headings = (el: EventList) => $$(el, '.day-heading').map((h) => squash(h.textContent));
const count = (el: EventList) => squash($(el, '[part="count"]')?.textContent);
const eventById = (el: EventList, title: string) =>
  $$(el, 'li.event').find((li) => squash(li.querySelector('.title-text')?.textContent) === title)!;

async function typeSearch(el: EventList, text: string) {
  const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function choose(el: EventList, label: string, value: string) {
  const select = $$<HTMLLabelElement>(el, 'label').find((l) => squash(l.querySelector('span')?.textContent) === label)!
    .querySelector('select')!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<event-list>', () => {
  it('defines itself once, and a second define is not an error', () => {
    expect(customElements.get('event-list')).to.equal(EventList);
    expect(() => EventList.define()).not.to.throw();
    class Copy extends EventList {}
    expect(() => Copy.define()).not.to.throw();
    expect(customElements.get('event-list')).to.equal(EventList);
  });

  it('groups upcoming events by day in each event zone, with online events last', async () => {
    const el = await mount(dayOfAction());
    // The only event on the 30th is online: it is listed under "Online", not under a day.
    expect(headings(el)).to.deep.equal([
      'Saturday, January 31, 2026',
      'Sunday, February 1, 2026',
      'Online',
    ]);
    const days = $$(el, 'section.day');
    expect(days.every((d) => d.querySelector('h3') && d.querySelector('ul > li.event'))).to.equal(true);
    // Los Angeles at 10 pm on the 31st is already Feb 1 in UTC: still listed on the 31st.
    const jan31 = days[0];
    expect([...jan31.querySelectorAll('.title-text')].map((t) => squash(t.textContent))).to.deep.equal([
      'March on City Hall',
      'Vigil at Foley Square',
      'Rally at Union Park',
      'Noche de solidaridad at Café Olé',
    ]);
    expect([...days[2].querySelectorAll('.title-text')].map((t) => squash(t.textContent))).to.deep.equal([
      'Phone bank',
      'Know your rights webinar',
    ]);
    expect(squash(days[2].textContent)).to.contain('Fri, Jan 30, 6:00 PM EST');
    expect(titles(el)).not.to.include('Planning meeting');
    // Each event title is a heading one level below the day heading, inside an article.
    expect(jan31.querySelectorAll('li > article > h4.title').length).to.equal(4);
  });

  it('shows times in the event zone with the zone name', async () => {
    const el = await mount(dayOfAction());
    const when = (title: string) => squash(eventById(el, title).querySelector('time')?.textContent);
    expect(when('Rally at Union Park')).to.equal('Sat, Jan 31, 7:00 PM – 9:00 PM CST');
    expect(when('Noche de solidaridad at Café Olé')).to.equal('Sat, Jan 31, 10:00 PM PST');
    expect(eventById(el, 'Rally at Union Park').querySelector('time')!.getAttribute('datetime')).to.equal(
      '2026-02-01T01:00:00.000Z',
    );
  });

  it('shows the zone only to viewers on another clock', async () => {
    const original = Intl.DateTimeFormat.prototype.resolvedOptions;
    const viewIn = (timeZone: string) => {
      Intl.DateTimeFormat.prototype.resolvedOptions = function (this: Intl.DateTimeFormat) {
        return { ...original.call(this), timeZone };
      };
    };
    const when = (el: EventList) => squash(eventById(el, 'Rally at Union Park').querySelector('time')?.textContent);
    try {
      viewIn('Asia/Tokyo');
      expect(when(await mount(dayOfAction()))).to.equal('Sat, Jan 31, 7:00 PM – 9:00 PM CST');
      viewIn('America/Chicago');
      expect(when(await mount(dayOfAction()))).to.equal('Sat, Jan 31, 7:00 PM – 9:00 PM');
    } finally {
      Intl.DateTimeFormat.prototype.resolvedOptions = original;
    }
  });

  it('shows place, approximate location, host and the status of an event', async () => {
    const el = await mount(dayOfAction());
    const chi = squash(eventById(el, 'Rally at Union Park').textContent);
    // Most events are in the US: only the others name their country.
    expect(chi).to.contain('Union Park, Chicago, IL');
    expect(chi).not.to.contain('United States');
    expect(squash(eventById(el, 'Solidarity picnic').querySelector('.where')!.textContent)).to.equal(
      'Parliament Square, London, United Kingdom',
    );
    expect(chi).to.contain('Hosted by Riverside Tenants Union');
    expect(squash(eventById(el, 'Noche de solidaridad at Café Olé').textContent)).to.contain(
      'Approximate location: Los Angeles, CA',
    );
    const full = eventById(el, 'Solidarity picnic');
    expect(squash(full.querySelector('.title')!.textContent)).to.equal('Solidarity picnic Full');
  });

  it('marks cancelled events in words, not only by colour, and offers no calendar for them', async () => {
    const el = await mount(dayOfAction());
    const li = eventById(el, 'March on City Hall');
    expect(squash(li.querySelector('h4')!.textContent)).to.equal('March on City Hall Cancelled');
    expect(getComputedStyle(li.querySelector('.title-text')!).textDecorationLine).to.equal('line-through');
    expect(li.querySelector('button.add')).to.equal(null);
    expect(squash(li.querySelector('a.button')!.textContent)).to.match(/^Details/);
  });

  it('links RSVPs with attribution and without leaking the referrer', async () => {
    const el = await mount(dayOfAction(), { source: 'ssa' });
    const a = eventById(el, 'Rally at Union Park').querySelector<HTMLAnchorElement>('a.button')!;
    expect(a.href).to.equal('https://www.mobilize.us/example/event/1/?source=ssa');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(a.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(a.target).to.equal('_blank');
    expect(squash(a.textContent)).to.equal('RSVP: Rally at Union Park (opens in a new tab)');
    for (const link of $$<HTMLAnchorElement>(el, 'a[target="_blank"]')) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('referrerpolicy')).to.equal('no-referrer');
    }
    const plain = await mount(dayOfAction());
    expect(eventById(plain, 'Rally at Union Park').querySelector<HTMLAnchorElement>('a.button')!.href).to.equal(
      'https://www.mobilize.us/example/event/1/',
    );
  });

  it('shows the online link only when it passes the allowlist', async () => {
    const el = await mount(dayOfAction());
    const webinar = eventById(el, 'Know your rights webinar');
    expect(squash(webinar.textContent)).to.contain('Online');
    const join = [...webinar.querySelectorAll('a')].find((a) => squash(a.textContent).startsWith('Join online'));
    expect(join?.getAttribute('href')).to.equal('https://meet.example.org/kyr');
    const phone = eventById(el, 'Phone bank');
    expect([...phone.querySelectorAll('a')].some((a) => a.getAttribute('href')?.startsWith('javascript'))).to.equal(false);
    expect(squash(phone.textContent)).not.to.contain('Join online');
  });

  async function openCalendar(el: EventList, title: string): Promise<HTMLElement> {
    const li = eventById(el, title);
    const add = li.querySelector<HTMLButtonElement>('button.add')!;
    expect(squash(add.textContent)).to.equal(`Add to calendar: ${title}`);
    expect(add.getAttribute('aria-expanded')).to.equal('false');
    add.click();
    await waitUntil(() => li.querySelector('.calendar'), 'calendar choices never opened');
    expect(add.getAttribute('aria-expanded')).to.equal('true');
    expect(add.getAttribute('aria-controls')).to.equal(li.querySelector('.calendar')!.id);
    return li;
  }

  it('downloads an .ics file made in the browser', async () => {
    const el = await mount(dayOfAction(), { source: 'ssa' });
    const li = await openCalendar(el, 'Rally at Union Park');
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return create.call(URL, b);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    };
    try {
      li.querySelector<HTMLButtonElement>('button.ics')!.click();
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0].download).to.equal('rally-at-union-park.ics');
    expect(clicked[0].href).to.match(/^blob:/);
    expect(blobs[0].type).to.equal('text/calendar;charset=utf-8');
    const ics = (await blobs[0].text()).replace(/\r\n /g, '');
    const lines = ics.split('\r\n');
    expect(lines).to.include('DTSTART:20260201T010000Z');
    expect(lines).to.include('DTEND:20260201T030000Z');
    expect(lines).to.include('SUMMARY:Rally at Union Park');
    expect(lines).to.include('LOCATION:Union Park\\, Chicago\\, IL\\, United States');
    expect(lines).to.include('URL:https://www.mobilize.us/example/event/1/?source=ssa');
  });

  it('links to a prefilled Google Calendar event', async () => {
    const el = await mount(dayOfAction());
    const li = await openCalendar(el, 'Rally at Union Park');
    const a = li.querySelector<HTMLAnchorElement>('a.google')!;
    const url = new URL(a.href);
    expect(url.hostname).to.equal('calendar.google.com');
    expect(url.searchParams.get('text')).to.equal('Rally at Union Park');
    expect(url.searchParams.get('dates')).to.equal('20260201T010000Z/20260201T030000Z');
    expect(url.searchParams.get('ctz')).to.equal('America/Chicago');
    expect(url.searchParams.get('location')).to.equal('Union Park, Chicago, IL, United States');
    expect(a.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    // Opening another event's choices closes these; the same button closes them too.
    await openCalendar(el, 'Vigil at Foley Square');
    expect(li.querySelector('.calendar')).to.equal(null);
    const vigil = eventById(el, 'Vigil at Foley Square').querySelector<HTMLButtonElement>('button.add')!;
    vigil.click();
    await el.updateComplete;
    expect(vigil.getAttribute('aria-expanded')).to.equal('false');
  });

  it('filters by text without case or accents, and counts what it shows', async () => {
    const el = await mount(dayOfAction());
    expect(count(el)).to.equal('Showing 7 of 7 events');
    expect($(el, '[part="count"]')!.getAttribute('aria-live')).to.equal('polite');
    await typeSearch(el, 'CAFE ole');
    expect(titles(el)).to.deep.equal(['Noche de solidaridad at Café Olé']);
    expect(count(el)).to.equal('Showing 1 of 7 events');
    await typeSearch(el, 'somali');
    expect(titles(el)).to.deep.equal(['Vigil at Foley Square', 'Solidarity picnic']);
    await typeSearch(el, 'legal');
    expect(titles(el)).to.deep.equal(['Know your rights webinar']);
    await typeSearch(el, 'london');
    expect(titles(el)).to.deep.equal(['Solidarity picnic']);
  });

  it('filters by type and date from selects built from the data', async () => {
    const el = await mount(dayOfAction());
    const typeOptions = $$<HTMLSelectElement>(el, 'select')[0].options;
    expect([...typeOptions].map((o) => o.textContent!.trim())).to.deep.equal([
      'All types',
      'March',
      'Rally',
      'Teach in',
      'Training',
      'Vigil',
    ]);
    await choose(el, 'Type', 'rally');
    expect(titles(el)).to.deep.equal(['Rally at Union Park', 'Solidarity picnic']);
    await choose(el, 'Date', '2026-01-31');
    expect(titles(el)).to.deep.equal(['Rally at Union Park']);
    expect(count(el)).to.equal('Showing 1 of 7 events');
    $<HTMLButtonElement>(el, 'button.clear')!.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(7);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type="search"]'));
  });

  it('takes initial filters from attributes', async () => {
    const byHost = await mount(dayOfAction(), { host: 'somali student association' });
    expect(titles(byHost)).to.deep.equal(['Vigil at Foley Square', 'Solidarity picnic']);
    expect(count(byHost)).to.equal('Showing 2 of 2 events');
    const byTag = await mount(dayOfAction(), { tag: 'ice out' });
    expect(titles(byTag)).to.deep.equal(['Rally at Union Park']);
    const byType = await mount(dayOfAction(), { type: 'vigil' });
    expect(titles(byType)).to.deep.equal(['Vigil at Foley Square']);
    expect($<HTMLSelectElement>(byType, 'select')!.value).to.equal('vigil');
    const byDate = await mount(dayOfAction(), { date: '2026-02-01' });
    expect(titles(byDate)).to.deep.equal(['Solidarity picnic']);
    const bySearch = await mount(dayOfAction(), { search: 'foley' });
    expect(titles(bySearch)).to.deep.equal(['Vigil at Foley Square']);
    expect($<HTMLInputElement>(bySearch, 'input[type="search"]')!.value).to.equal('foley');
  });

  it('hides past events unless show-past is set', async () => {
    const el = await mount(dayOfAction(), { 'show-past': true });
    expect(titles(el)).to.include('Planning meeting');
    expect(headings(el)[0]).to.equal('Tuesday, January 20, 2026');
    // An event without an end counts as running for two hours after its start.
    const running = await mount(makeFeed([makeEvent({ title: 'Started an hour ago', start: Date.UTC(2026, 0, 29, 22) })]));
    expect(titles(running)).to.deep.equal(['Started an hour ago']);
    const over = await mount(makeFeed([makeEvent({ title: 'Over', start: Date.UTC(2026, 0, 29, 20) })]));
    expect(titles(over)).to.deep.equal([]);
    expect(squash($(over, '[part="empty"]')!.textContent)).to.equal('No upcoming events yet.');
  });

  it('shows a page at a time, and focus moves to the first newly shown event', async () => {
    const events = Array.from({ length: 12 }, (_, i) =>
      makeEvent({ title: `Teach-in ${i + 1}`, start: Date.UTC(2026, 0, 31, 14, i) }),
    );
    const el = await mount(makeFeed(events), { 'page-size': '5' });
    expect($$(el, 'li.event')).to.have.length(5);
    const more = $<HTMLButtonElement>(el, '[part="show-more"]')!;
    expect(squash(more.textContent)).to.equal('Show more (7 more)');
    more.click();
    await el.updateComplete;
    expect($$(el, 'li.event')).to.have.length(10);
    const focused = el.shadowRoot!.activeElement!;
    expect(squash(focused.querySelector('.title-text')!.textContent)).to.equal('Teach-in 6');
    $<HTMLButtonElement>(el, '[part="show-more"]')!.click();
    await el.updateComplete;
    expect($$(el, 'li.event')).to.have.length(12);
    expect($(el, '[part="show-more"]')).to.equal(null);
  });

  it('keeps a 10,000-event feed to one page in the DOM', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) =>
      makeEvent({ title: `Event number ${i}`, start: Date.UTC(2026, 0, 31, 12) + i * 60_000 }),
    );
    const el = await mount(makeFeed(events));
    expect($$(el, 'li.event')).to.have.length(50);
    expect(count(el)).to.equal('Showing 10,000 of 10,000 events');
    expect(squash($(el, '[part="show-more"]')!.textContent)).to.equal('Show more (9,950 more)');
    await typeSearch(el, 'number 9999');
    expect(titles(el)).to.deep.equal(['Event number 9999']);
  });

  it('draws only the cards near the viewport, and a card once scrolled to', async () => {
    const events = Array.from({ length: 50 }, (_, i) =>
      makeEvent({ title: `Event number ${i}`, start: Date.UTC(2026, 0, 31, 12) + i * 60_000 }),
    );
    const el = await mount(makeFeed(events));
    const cards = $$(el, 'li.event');
    expect(cards).to.have.length(50);
    // A card's content is what the browser skips while the card is far out of view.
    const drawn = (card: Element) => card.querySelector('article')!.checkVisibility({ contentVisibilityAuto: true });
    expect(drawn(cards[0]), 'the first card').to.equal(true);
    expect(drawn(cards[49]), 'the 50th card, far below the viewport').to.equal(false);
    cards[49].scrollIntoView({ block: 'end' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(drawn(cards[49])).to.equal(true);
    const box = cards[49].getBoundingClientRect();
    expect(box.height).to.be.greaterThan(40);
    expect(box.bottom).to.be.at.most(innerHeight + 1);
    expect(squash(cards[49].querySelector('.title-text')!.textContent)).to.equal('Event number 49');
    scrollTo(0, 0);
  });

  it('says when nothing matches, and clears the filters from there', async () => {
    const el = await mount(dayOfAction());
    await typeSearch(el, 'no such event');
    const empty = $(el, '[part="empty"]')!;
    expect(squash(empty.querySelector('p')!.textContent)).to.equal('No upcoming events match your search.');
    empty.querySelector('button')!.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(7);
  });

  it('says when the feed has no events, and lets the page replace that text', async () => {
    const el = await mount(makeFeed([]));
    expect(squash($(el, '[part="empty"]')!.textContent)).to.equal('No upcoming events yet.');
    expect($(el, '[part="filters"]')).to.equal(null);
    const custom = document.createElement('p');
    custom.slot = 'empty';
    custom.textContent = 'Start your own gathering';
    el.append(custom);
    expect($<HTMLSlotElement>(el, 'slot[name="empty"]')!.assignedElements()).to.deep.equal([custom]);
  });

  it('tells the feed editor about skipped records', async () => {
    const el = await mount(
      makeFeed([makeEvent({ title: 'Fine' })], {
        skipped: [{ kind: 'event', index: 3, label: 'Vigil', reason: 'the start date is missing' }],
      }),
    );
    expect(squash($(el, '[part="feed-skipped"]')!.textContent)).to.contain('1 entry could not be shown');
    expect(titles(el)).to.deep.equal(['Fine']);
  });

  it('uses the heading-level attribute', async () => {
    const el = await mount(dayOfAction(), { 'heading-level': '2' });
    expect($$(el, 'h2.day-heading')).to.have.length(3);
    expect($$(el, 'h3.title')).to.have.length(7);
  });

  it('is operable from the keyboard: Tab reaches search, filters, buttons, links and show more', async () => {
    const el = await mount(dayOfAction(), { 'page-size': '2' });
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const reached: string[] = [];
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      const a = el.shadowRoot!.activeElement as HTMLElement | null;
      if (a) reached.push(a.matches('[part="show-more"]') ? 'more' : a.matches('input') ? 'search' : a.localName);
    }
    expect(reached.slice(0, 4)).to.deep.equal(['search', 'select', 'select', 'button']);
    expect(reached).to.include('a');
    expect(reached).to.include('more');
    // Enter on show more works and moves focus to the new events.
    $<HTMLButtonElement>(el, '[part="show-more"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, 'li.event')).to.have.length(4);
    expect(el.shadowRoot!.activeElement?.localName).to.equal('article');
    before.remove();
  });

  describe('accessibility (axe)', () => {
    it('has no violations when loaded', async () => {
      const el = await mount(dayOfAction(), { source: 'ssa' });
      await openCalendar(el, 'Rally at Union Park');
      await expect(el).to.be.accessible();
    });
    it('has no violations when filtered', async () => {
      const el = await mount(dayOfAction(), { type: 'rally', 'page-size': '1' });
      await expect(el).to.be.accessible();
    });
    it('has no violations when nothing matches', async () => {
      const el = await mount(dayOfAction(), { search: 'nothing at all' });
      await expect(el).to.be.accessible();
    });
    it('has no violations when empty', async () => {
      const el = await mount(makeFeed([]));
      await expect(el).to.be.accessible();
    });
    it('has no violations in the dark colour scheme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const el = await mount(dayOfAction());
        expect(getComputedStyle(el).colorScheme).to.equal('dark');
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
    it('looks inside the shadow root (a broken control is caught)', async () => {
      const el = await mount(dayOfAction());
      const select = el.shadowRoot!.querySelector('select')!;
      select.closest('label')!.replaceWith(select);
      const axe = (window as unknown as { axe: { run(ctx: Element): Promise<{ violations: { id: string }[] }> } }).axe;
      const { violations } = await axe.run(el);
      expect(violations.map((v) => v.id)).to.include('select-name');
    });
    it('has no violations with an error', async () => {
      const el = await mount(undefined, { src: '/__feed/respond?status=404&body=nope' });
      await waitUntil(() => $(el, '.feed-error'), 'no error shown', { timeout: 10000 });
      await expect(el).to.be.accessible();
    });
  });

  describe('loading from src', () => {
    it('shows loading, then an error a person understands', async () => {
      const el = await mount(undefined, { src: '/__feed/respond?status=404&delay=300&body=x' });
      expect(squash($(el, '[part="feed-status"]')!.textContent)).to.equal('Loading events…');
      await waitUntil(() => $(el, '.feed-error'), 'no error shown', { timeout: 10000 });
      expect(squash($(el, '.feed-error')!.textContent)).to.contain('could not be found');
      expect($(el, 'li.event')).to.equal(null);
    });
  });

  it('re-renders when the filters do not change but now does', async () => {
    const el = await mount(dayOfAction());
    el.setAttribute('now', '2026-02-02T12:00:00Z');
    await el.updateComplete;
    await aTimeout(0);
    expect(titles(el)).to.deep.equal([]);
    expect(squash($(el, '[part="empty"]')!.textContent)).to.equal('No upcoming events yet.');
  });
});
