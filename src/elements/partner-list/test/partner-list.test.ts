import { expect, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { PartnerList } from '../partner-list.js';
import { hueOf, initials } from '../partner-list-view.js';
import { $, $$, coalition, count, item, makeFeed, mount, names, partner, squash } from './partners.js';

async function typeSearch(el: PartnerList, text: string) {
  const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const chips = (el: PartnerList) => $$<HTMLButtonElement>(el, 'button.chip');
const chip = (el: PartnerList, label: string) => chips(el).find((c) => squash(c.textContent) === label)!;
const pressed = (el: PartnerList) => chips(el).filter((c) => c.getAttribute('aria-pressed') === 'true').map((c) => squash(c.textContent));

/** WCAG contrast ratio of two computed `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** How many columns the partners are laid out in. */
const columns = (el: PartnerList) => new Set($$(el, 'li.partner').map((li) => Math.round(li.getBoundingClientRect().left))).size;

describe('<partner-list>', () => {
  it('defines itself once, and a second define is not an error', () => {
    expect(customElements.get('partner-list')).to.equal(PartnerList);
    expect(() => PartnerList.define()).not.to.throw();
    expect(customElements.get('partner-list')).to.equal(PartnerList);
  });

  it('shows every partner in a real list, in the feed order, with a count', async () => {
    const el = await mount({ feed: coalition() });
    const list = $(el, 'ul')!;
    expect(list.getAttribute('role')).to.equal('list');
    expect(list.getAttribute('aria-label')).to.equal('Partners');
    expect(names(el)).to.deep.equal([
      'Riverside Tenants Union',
      'Somali Student Association',
      'Open Door Legal Clinic',
      'Black Student Union',
      'Neighbors Not Strangers',
    ]);
    expect(list.querySelectorAll(':scope > li').length).to.equal(5);
    expect(count(el)).to.equal('5 partners');
    expect($(el, '[part="count"]')!.getAttribute('aria-live')).to.equal('polite');
    // The grid has no descriptions; the list layout has them, with the categories.
    expect($(el, '.description')).to.equal(null);
  });

  it('shows descriptions and categories in the list layout', async () => {
    const el = await mount({ feed: coalition() }, { layout: 'list' });
    expect(squash(item(el, 'Open Door Legal Clinic').querySelector('.description')!.textContent)).to.equal(
      'Free consultations; know-your-rights sessions.',
    );
    expect(squash(item(el, 'Open Door Legal Clinic').querySelector('.categories')!.textContent)).to.equal(
      'Legal support, Immigrant rights',
    );
    expect(columns(el)).to.equal(1);
  });

  it('follows its own width: one column in a 250px sidebar, several on a page', async () => {
    const many = makeFeed(Array.from({ length: 12 }, (_, i) => partner(`Group ${i + 1}`)));
    const narrow = await mount({ feed: many }, { width: '250px' });
    expect(columns(narrow)).to.equal(1);
    const wide = await mount({ feed: many }, { width: '900px' });
    expect(columns(wide)).to.be.at.least(4);
    // Logo boxes are the same size whatever the image: all of one width and height.
    const boxes = $$(wide, '.logo').map((b) => `${b.offsetWidth}x${b.offsetHeight}`);
    expect(new Set(boxes).size).to.equal(1);
  });

  it('gives logo boxes a uniform size whatever the image shape', async () => {
    const svg = (w: number, h: number) =>
      `/__feed/respond?type=${encodeURIComponent('image/svg+xml')}&body=${encodeURIComponent(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#2a6"/></svg>`,
      )}`;
    const el = await mount({
      feed: makeFeed([
        partner('Tall', { logo: `${location.origin}${svg(20, 200)}` }),
        partner('Wide', { logo: `${location.origin}${svg(400, 20)}` }),
      ]),
    });
    const imgs = $$<HTMLImageElement>(el, 'img');
    // A background test page never starts lazy images (see partner-list-src.test.ts).
    for (const i of imgs) i.loading = 'eager';
    await waitUntil(() => imgs.every((i) => i.complete && i.naturalWidth > 0), 'logos did not load');
    expect(imgs.map((i) => getComputedStyle(i).objectFit)).to.deep.equal(['contain', 'contain']);
    const boxes = $$(el, '.logo').map((b) => `${b.offsetWidth}x${b.offsetHeight}`);
    expect(boxes[0]).to.equal(boxes[1]);
    // Each image fills its box exactly (contained, never cropped or overflowing).
    for (const img of imgs) {
      const box = img.parentElement!.getBoundingClientRect();
      const r = img.getBoundingClientRect();
      expect([r.width, r.height]).to.deep.equal([box.width, box.height]);
    }
  });

  describe('filters', () => {
    it('has a chip per category from the data, and the count follows them', async () => {
      const el = await mount({ feed: coalition() });
      expect(chips(el).map((c) => squash(c.textContent))).to.deep.equal([
        'All',
        'Civil rights',
        'Immigrant rights',
        'Legal support',
        'Student group',
        'Tenants union',
      ]);
      expect($(el, '[role="group"]')!.getAttribute('aria-label')).to.equal('Kind of organization');
      expect(pressed(el)).to.deep.equal(['All']);
      chip(el, 'Student group').click();
      await el.updateComplete;
      expect(pressed(el)).to.deep.equal(['Student group']);
      expect(names(el)).to.deep.equal(['Somali Student Association', 'Black Student Union']);
      expect(count(el)).to.equal('2 partners');
      chip(el, 'Legal support').click();
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Open Door Legal Clinic']);
      expect(count(el)).to.equal('1 partner');
      // Pressing the chosen chip again shows everyone.
      chip(el, 'Legal support').click();
      await el.updateComplete;
      expect(pressed(el)).to.deep.equal(['All']);
      expect(count(el)).to.equal('5 partners');
    });

    it('works from the keyboard', async () => {
      const el = await mount({ feed: coalition() });
      $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
      await sendKeys({ type: 'legal' });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Open Door Legal Clinic']);
      for (let i = 0; i < 6; i++) await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(squash(el.shadowRoot!.activeElement?.textContent)).to.equal('Civil rights');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(pressed(el)).to.deep.equal(['Civil rights']);
      expect(names(el)).to.deep.equal(['Black Student Union']);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(pressed(el)).to.deep.equal(['All']);
    });

    it('searches names, descriptions and categories, ignoring case and accents', async () => {
      const el = await mount({ feed: coalition() });
      await typeSearch(el, 'TUTORING');
      expect(names(el)).to.deep.equal(['Somali Student Association']);
      await typeSearch(el, 'student union');
      expect(names(el)).to.deep.equal(['Black Student Union']);
      await typeSearch(el, 'immigrant');
      expect(names(el)).to.deep.equal(['Open Door Legal Clinic', 'Neighbors Not Strangers']);
      expect(count(el)).to.equal('2 partners');
      const accents = await mount({ feed: makeFeed([partner('Café Solidaridad'), partner('Unión de Inquilinos')]) });
      await typeSearch(accents, 'cafe');
      expect(names(accents)).to.deep.equal(['Café Solidaridad']);
      await typeSearch(accents, 'UNION');
      expect(names(accents)).to.deep.equal(['Unión de Inquilinos']);
    });

    it('says when nothing matches, and clears the filters', async () => {
      const el = await mount({ feed: coalition() });
      chip(el, 'Tenants union').click();
      await el.updateComplete;
      await typeSearch(el, 'lawyers');
      expect($(el, 'ul')).to.equal(null);
      expect(count(el)).to.equal('0 partners');
      expect(squash($(el, '[part="empty"] p')!.textContent)).to.equal('No partners match your search.');
      $<HTMLButtonElement>(el, '[part="empty"] button')!.click();
      await el.updateComplete;
      expect(names(el).length).to.equal(5);
      expect(pressed(el)).to.deep.equal(['All']);
      expect($<HTMLInputElement>(el, 'input[type="search"]')!.value).to.equal('');
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type="search"]'));
    });

    it('shows only one category with the category attribute, without chips', async () => {
      const el = await mount({ feed: coalition() }, { category: 'student GROUP' });
      expect(names(el)).to.deep.equal(['Somali Student Association', 'Black Student Union']);
      expect(chips(el)).to.deep.equal([]);
      expect(count(el)).to.equal('2 partners');
      el.category = 'Legal support';
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Open Door Legal Clinic']);
    });

    it('forgets a chosen chip when the page sets a category', async () => {
      const el = await mount({ feed: coalition() });
      chip(el, 'Student group').click();
      await el.updateComplete;
      el.category = 'Immigrant rights';
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Open Door Legal Clinic', 'Neighbors Not Strangers']);
    });

    it('counts in the page language', async () => {
      const many = makeFeed(Array.from({ length: 1200 }, (_, i) => partner(`Group ${i}`)));
      const en = await mount({ feed: many });
      expect(count(en)).to.equal('1,200 partners');
      const one = await mount({ feed: makeFeed([partner('Solo')]) });
      expect(count(one)).to.equal('1 partner');
      expect(chips(one)).to.deep.equal([]);
    });
  });

  describe('sorting', () => {
    const nordic = () => makeFeed(['Zeta Youth', 'Ödla Workers', 'Alfa Legal', 'Örn Tenants', 'Oak Faith'].map((n) => partner(n)));

    it('keeps the feed order by default', async () => {
      const el = await mount({ feed: nordic() }, { lang: 'sv' });
      expect(names(el)).to.deep.equal(['Zeta Youth', 'Ödla Workers', 'Alfa Legal', 'Örn Tenants', 'Oak Faith']);
    });

    it('sorts by name with the rules of the page language', async () => {
      // Swedish puts Ö after Z; German and English file it with O.
      const sv = await mount({ feed: nordic() }, { sort: 'name', lang: 'sv' });
      expect(names(sv)).to.deep.equal(['Alfa Legal', 'Oak Faith', 'Zeta Youth', 'Ödla Workers', 'Örn Tenants']);
      const de = await mount({ feed: nordic() }, { sort: 'name', lang: 'de' });
      expect(names(de)).to.deep.equal(['Alfa Legal', 'Oak Faith', 'Ödla Workers', 'Örn Tenants', 'Zeta Youth']);
      const en = await mount({ feed: nordic() }, { sort: 'name', lang: 'en' });
      expect(names(en)).to.deep.equal(names(de));
    });

    it('sorts numbers in names by value', async () => {
      const el = await mount({ feed: makeFeed([partner('Local 1122'), partner('Local 87'), partner('Local 9')]) }, { sort: 'name' });
      expect(names(el)).to.deep.equal(['Local 9', 'Local 87', 'Local 1122']);
    });
  });

  describe('logos and monograms', () => {
    it('loads logos lazily, with no referrer and an empty alt: the name is the text next to it', async () => {
      const el = await mount({ feed: coalition() });
      const img = item(el, 'Riverside Tenants Union').querySelector('img')!;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(img.getAttribute('alt')).to.equal('');
      expect(img.src).to.equal(`${location.origin}/demo/logos/riverside-tenants-union.svg`);
      // The link's accessible text is the name (read once), and says it opens a new tab.
      const link = item(el, 'Riverside Tenants Union').querySelector('a')!;
      expect(squash(link.textContent)).to.equal('Riverside Tenants Union (opens in a new tab)');
    });

    it('shows a monogram for a partner without a logo', async () => {
      const el = await mount({ feed: coalition() });
      const mono = item(el, 'Black Student Union').querySelector('[part="monogram"]')!;
      expect(squash(mono.textContent)).to.equal('BS');
      expect(mono.getAttribute('aria-hidden')).to.equal('true');
      expect(item(el, 'Black Student Union').querySelector('img')).to.equal(null);
    });

    it('makes initials from the significant words, in any script', () => {
      expect(initials('Riverside Tenants Union')).to.equal('RT');
      expect(initials('Black Student Union at Lakeshore State')).to.equal('BS');
      expect(initials('the people’s kitchen')).to.equal('TP');
      expect(initials('Warehouse Workers Local 1122')).to.equal('WW');
      expect(initials('ማህበረሰብ ድጋፍ')).to.equal('ማድ');
      expect(initials('جمعية الشباب')).to.equal('جا');
      expect(initials('  Solo  ')).to.equal('S');
    });

    it('gives every monogram colour white text at 4.5:1 or more', async () => {
      const feed = makeFeed(Array.from({ length: 60 }, (_, i) => partner(`Partner ${String.fromCharCode(65 + (i % 26))}${i}`)));
      const el = await mount({ feed });
      const monos = $$(el, '.monogram');
      const hues = new Set(feed.partners.map((p) => hueOf(p.name)));
      expect(hues.size).to.equal(12);
      for (const m of monos) {
        const s = getComputedStyle(m);
        expect(contrast(s.color, s.backgroundColor), m.className).to.be.at.least(4.5);
      }
      // The same name always gets the same colour.
      expect(hueOf('Riverside Tenants Union')).to.equal(hueOf('Riverside Tenants Union'));
    });
  });

  describe('link safety', () => {
    it('never renders javascript:, data: or plain-http links and logos from a feed set by script', async () => {
      const el = await mount({
        feed: makeFeed([
          partner('Trap One', { url: 'javascript:alert(1)', logo: 'javascript:alert(2)' }),
          partner('Trap Two', { url: ' JaVaScRiPt:alert(1)', logo: 'data:image/svg+xml,<svg/>' }),
          partner('Trap Three', { url: 'http://tracker.example/p', logo: 'https://tracker.example/pixel.gif' }),
        ]),
      });
      expect($$(el, 'a')).to.deep.equal([]);
      expect($$(el, 'img')).to.deep.equal([]);
      expect($$(el, '.monogram').length).to.equal(3);
      expect(el.shadowRoot!.innerHTML).not.to.match(/javascript:|data:image|tracker/i);
    });

    it('opens partner sites safely in a new tab', async () => {
      const el = await mount({ feed: coalition() });
      const links = $$<HTMLAnchorElement>(el, 'a.card');
      expect(links.length).to.equal(4);
      for (const a of links) {
        expect(a.target).to.equal('_blank');
        expect(a.rel).to.equal('noopener noreferrer');
        expect(a.getAttribute('referrerpolicy')).to.equal('no-referrer');
      }
      expect(links[0].href).to.equal('https://example.org/rtu');
      // Without a website, the partner is shown but not linked.
      expect(item(el, 'Neighbors Not Strangers').querySelector('a')).to.equal(null);
    });
  });

  describe('join the coalition', () => {
    it('links to join-url, with the source attribution', async () => {
      const el = await mount({ feed: coalition() }, { 'join-url': 'https://coalition.example/join', source: 'ssa' });
      const join = $<HTMLAnchorElement>(el, '[part="join"]')!;
      expect(squash(join.textContent)).to.equal('Join the coalition');
      expect(join.href).to.equal('https://coalition.example/join?source=ssa');
      expect(join.rel).to.equal('noopener noreferrer');
      expect(join.getAttribute('referrerpolicy')).to.equal('no-referrer');
      // Attribution is for the join link only: partner links are left as they are.
      expect($<HTMLAnchorElement>(el, 'a.card')!.href).to.equal('https://example.org/rtu');
    });

    it('refuses an unsafe join-url, and takes the page’s own call to action from the join slot', async () => {
      const bad = await mount({ feed: coalition() }, { 'join-url': 'javascript:alert(1)' });
      expect($(bad, '[part="join"]')).to.equal(null);
      const el = await mount({ feed: coalition() }, { 'join-url': 'https://coalition.example/join' }, html`<a slot="join" href="/sign-up">Sign our letter</a>`);
      const slot = $<HTMLSlotElement>(el, 'slot[name="join"]')!;
      expect(slot.assignedElements().map((e) => squash(e.textContent))).to.deep.equal(['Sign our letter']);
      expect(slot.assignedElements()[0].checkVisibility()).to.equal(true);
    });
  });

  describe('states', () => {
    it('says when there are no partners yet, or shows the empty slot', async () => {
      const el = await mount({ feed: makeFeed([]) });
      expect(squash($(el, '[part="empty"]')!.textContent)).to.equal('No partners yet.');
      expect($(el, '[part="count"]')).to.equal(null);
      expect($(el, '[part="filters"]')).to.equal(null);
      const slotted = await mount({ feed: makeFeed([]) }, {}, html`<p slot="empty">Be the first to <a href="/join">join</a>.</p>`);
      const slot = $<HTMLSlotElement>(slotted, 'slot[name="empty"]')!;
      expect(squash(slot.assignedElements()[0].textContent)).to.equal('Be the first to join.');
    });

    it('counts skipped partners', async () => {
      const el = await mount({ data: 'Name,Website,Category\nRiverside Tenants Union,https://example.org/rtu,Tenants union\n,https://example.org/x,Youth\n' });
      expect(names(el)).to.deep.equal(['Riverside Tenants Union']);
      expect(squash($(el, '[part="feed-skipped"] p')!.textContent)).to.match(/^1 entry could not be shown/);
    });

    it('counts only bad partner records, not a shared feed\'s bad events', async () => {
      const el = await mount({
        data: {
          turnout: '1.0',
          events: [{ id: 'e1', start: '2026-01-31T10:00:00-05:00' }, { id: 'e2', title: 'No date' }],
          partners: [{ id: 'p1', name: 'Riverside Tenants Union' }, { id: 'p2' }],
        },
      });
      expect(names(el)).to.deep.equal(['Riverside Tenants Union']);
      expect(squash($(el, '[part="feed-skipped"] p')!.textContent)).to.match(/^1 entry could not be shown/);
      expect(squash($(el, '[part="feed-skipped"] li')!.textContent)).to.contain('p2');
    });
  });

  describe('right to left', () => {
    it('mirrors the layout: logo at the start (right), categories and description under the name', async () => {
      const el = await mount({ feed: coalition() }, { layout: 'list', dir: 'rtl' });
      expect(getComputedStyle(el).direction).to.equal('rtl');
      const li = item(el, 'Open Door Legal Clinic');
      const [logo, name, cats, desc] = ['.logo', '.name', '.categories', '.description'].map((s) =>
        li.querySelector(s)!.getBoundingClientRect(),
      );
      const box = li.getBoundingClientRect();
      // The logo hugs the right edge (the inline start), the name is to its left.
      expect(box.right - logo.right).to.be.lessThan(box.width / 10);
      expect(name.right).to.be.at.most(logo.left);
      // The categories and the description line up with the name, not under the logo.
      expect(Math.round(cats.right)).to.equal(Math.round(name.right));
      expect(Math.round(desc.right)).to.equal(Math.round(name.right));
    });

    it('puts the sidebar grid’s logos on the right too', async () => {
      const el = await mount({ feed: coalition() }, { width: '250px', dir: 'rtl' });
      expect(columns(el)).to.equal(1);
      const li = item(el, 'Riverside Tenants Union');
      expect(li.querySelector('.name')!.getBoundingClientRect().right).to.be.at.most(li.querySelector('.logo')!.getBoundingClientRect().left);
    });
  });

  describe('accessibility', () => {
    it('has no violations in the grid', async () => {
      await expect(await mount({ feed: coalition() }, { 'join-url': 'https://coalition.example/join' })).to.be.accessible();
    });
    it('has no violations in the list layout', async () => {
      await expect(await mount({ feed: coalition() }, { layout: 'list' })).to.be.accessible();
    });
    it('has no violations when filtered, and when nothing matches', async () => {
      const el = await mount({ feed: coalition() });
      chip(el, 'Student group').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await typeSearch(el, 'nothing at all');
      await expect(el).to.be.accessible();
    });
    it('has no violations when empty', async () => {
      await expect(await mount({ feed: makeFeed([]) })).to.be.accessible();
    });
    it('has no violations with an error', async () => {
      const el = await mount({}, { src: '/__feed/respond?status=404&body=nope&k=partner-a11y' });
      await waitUntil(() => $(el, '.feed-error'), 'no error shown', { timeout: 10000 });
      await expect(el).to.be.accessible();
    });
    it('has no violations with the skipped-partners notice open', async () => {
      const el = await mount({ data: 'Name,Website\nRiverside Tenants Union,https://example.org/rtu\n,https://example.org/x\n' });
      const details = $<HTMLDetailsElement>(el, '[part="feed-skipped"] details')!;
      details.open = true;
      await expect(el).to.be.accessible();
    });
    it('has no violations in the dark colour scheme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const el = await mount({ feed: coalition() }, { layout: 'list' });
        expect(getComputedStyle(el).colorScheme).to.equal('dark');
        await expect(el).to.be.accessible();
        const grid = await mount({ feed: coalition() });
        await expect(grid).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  });
});
