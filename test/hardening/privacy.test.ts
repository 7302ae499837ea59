/**
 * Privacy. Every element is mounted and used (filters, search, chips, show more, add to calendar, pause, dismiss,
 * the takeover's "Continue", Retry) on a feed whose logos and links point at third parties. Then: no request went
 * to any origin but the page's (which is also the bundle's and the feed's here); no cookie, localStorage,
 * IndexedDB or Cache Storage entry was written (sessionStorage only for the dismissed takeover); geolocation was
 * never called; every outbound link carries rel="noopener noreferrer" and referrerpolicy="no-referrer".
 * Writes are counted by hooks installed before any element code runs, so only this page's writes count (the
 * runner runs other test files at the same time on the same origin).
 */
import { expect } from '@open-wc/testing';
import { ELEMENTS } from './elements.js';
import { goodFeed } from './feeds.js';
import { captureErrors, create, figure, place, serve, settled, shadowElements, unplace, until } from './harness.js';

const writes: string[] = [];
const geolocation: string[] = [];
const requests: string[] = [];

function hook<T extends object>(target: T, name: keyof T, label: string, log = writes): void {
  const original = target[name] as unknown as (...args: unknown[]) => unknown;
  (target as Record<keyof T, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    log.push(`${label}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
    return original.apply(this, args);
  };
}

// Before any element is defined.
const storageSet = Storage.prototype.setItem;
Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
  writes.push(`${this === sessionStorage ? 'sessionStorage' : 'localStorage'}.setItem(${key}, ${value})`);
  return storageSet.call(this, key, value);
};
const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
Object.defineProperty(Document.prototype, 'cookie', {
  configurable: true,
  get() {
    return cookie.get!.call(this);
  },
  set(value: string) {
    writes.push(`document.cookie = ${value}`);
    cookie.set!.call(this, value);
  },
});
hook(indexedDB, 'open', 'indexedDB.open');
hook(caches, 'open', 'caches.open');
hook(navigator.geolocation, 'getCurrentPosition', 'getCurrentPosition', geolocation);
hook(navigator.geolocation, 'watchPosition', 'watchPosition', geolocation);
const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => requests.push(e.name)));
observer.observe({ type: 'resource', buffered: true });

/** A feed that names third parties everywhere it can: logos, links, online rooms. */
function thirdPartyFeed(): string {
  const feed = goodFeed(6) as { events: Record<string, unknown>[]; partners: Record<string, unknown>[] };
  feed.events.forEach((e, i) => {
    e.onlineUrl = `https://meet.thirdparty.example/room-${i}`;
    e.url = `https://rsvp.thirdparty.example/e/${i}`;
    e.online = i % 2 === 0;
  });
  feed.partners.forEach((p, i) => {
    p.logo = i % 2 ? `https://logos.thirdparty.example/${i}.png` : `/demo/logos/across-borders-solidarity.svg`;
    p.url = `https://partner.thirdparty.example/${i}`;
  });
  return JSON.stringify(feed);
}

const click = async (host: Element, selector: string) => {
  const target = host.shadowRoot!.querySelector<HTMLElement>(selector);
  expect(target, `${host.localName}: ${selector}`).to.exist;
  target!.click();
  await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};

describe('hardening: privacy', function () {
  this.timeout(30000);
  const page = captureErrors();
  let used = 0;

  before(async () => {
    // Defined only now, after the hooks.
    await Promise.all(ELEMENTS.map((e) => e.define()));
    sessionStorage.clear();
  });
  afterEach(unplace);
  after(() => {
    page.stop();
    observer.disconnect();
    figure('privacy: elements mounted and used', used);
  });

  it('mounting and using every element: no third-party request, no storage but the takeover dismissal, no location', async () => {
    const src = await serve(thirdPartyFeed());
    const hosts = ELEMENTS.map((el) => create(el.tag, { ...el.full, src, 'page-size': '2', lang: 'en-US' }));
    const takeover = create('action-banner', { src, mode: 'takeover', preview: 'live', campaign: 'day' });
    const broken = create('event-list', { src: '/__feed/respond?status=500&body=x' });
    place([...hosts, takeover, broken]);
    await settled([...hosts, takeover, broken]);
    used = hosts.length + 2;

    for (const host of hosts) {
      const root = host.shadowRoot!;
      switch (host.localName) {
        case 'event-list': {
          const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
          search.value = 'gathering';
          search.dispatchEvent(new Event('input'));
          const select = root.querySelector<HTMLSelectElement>('select')!;
          select.value = select.options[1].value;
          select.dispatchEvent(new Event('change'));
          await click(host, 'button.clear');
          await click(host, '[part="show-more"]');
          await click(host, 'button.add');
          await until(() => root.querySelector('a.google'), 'the calendar choices');
          break;
        }
        case 'partner-list': {
          await click(host, '[part="chip"]:nth-of-type(2)');
          const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
          search.value = 'nothing matches this';
          search.dispatchEvent(new Event('input'));
          await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          await click(host, '[part="empty"] button');
          break;
        }
        case 'event-countdown':
          await click(host, '[part="pause"]');
          await click(host, '[part="pause"]');
          break;
        case 'action-banner':
          await click(host, '[part="dismiss"]');
          break;
      }
    }
    await click(takeover, '[part="continue"]');
    await click(broken, '[part="feed-retry"]');
    await settled([broken]);
    // Lazy logos and whatever the clicks started.
    await new Promise((r) => setTimeout(r, 500));

    // data: URLs are not requests; blob: URLs carry the page's origin.
    const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== location.origin);
    expect(requests.some((url) => url.endsWith(src)), 'the observer sees the feed request').to.equal(true);
    expect(foreign, 'requests to other origins').to.deep.equal([]);
    const images = shadowElements([...hosts, takeover]).filter((e): e is HTMLImageElement => e instanceof HTMLImageElement);
    expect(images.length, 'same-origin logos are shown').to.be.greaterThan(0);
    for (const img of images) expect(new URL(img.src).origin, 'logo origin').to.equal(location.origin);

    expect(writes, 'storage and cookie writes').to.deep.equal([
      'sessionStorage.setItem(turnout-banner:day:takeover, 1)',
    ]);
    expect(document.cookie).to.equal('');
    expect(await indexedDB.databases()).to.deep.equal([]);
    expect(await caches.keys()).to.deep.equal([]);
    expect(geolocation, 'geolocation calls').to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });

  it('every outbound link carries rel="noopener noreferrer" and referrerpolicy="no-referrer"', async () => {
    const src = await serve(thirdPartyFeed());
    const hosts = ELEMENTS.map((el) => create(el.tag, { ...el.full, src, href: 'https://coalition.example/why' }));
    place(hosts);
    await settled(hosts);
    await click(hosts[0], 'button.add');
    await until(() => hosts[0].shadowRoot!.querySelector('a.google'), 'the calendar choices');
    const links = shadowElements(hosts).filter((e): e is HTMLAnchorElement => e instanceof HTMLAnchorElement && !!e.getAttribute('href'));
    const outbound = links.filter((a) => new URL(a.href).origin !== location.origin);
    expect(outbound.length, 'outbound links found').to.be.at.least(8);
    for (const a of outbound) {
      const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
      expect(rel, `${a.href} rel`).to.include.members(['noopener', 'noreferrer']);
      expect(a.getAttribute('referrerpolicy'), `${a.href} referrerpolicy`).to.equal('no-referrer');
    }
    figure('outbound links checked', outbound.length);
  });
});
