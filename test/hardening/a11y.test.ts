/**
 * Accessibility. axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) reports no violation for any element in any
 * state (loading, ready, empty, error, stale, skipped details open, filtered, before / live / after, takeover
 * open), in the light and the dark appearance (prefers-color-scheme, emulated) and in a right-to-left page
 * (dir="rtl" lang="ar"). The default theme tokens meet WCAG AA contrast in both appearances, and colours an
 * embedder sets win over the dark defaults. Keyboard-only walks (Tab, then Shift+Tab) reach every control.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { ELEMENTS, EVE, defineAll } from './elements.js';
import { goodFeed } from './feeds.js';
import { create, deepActive, figure, place, serve, settled, shadowElements, unplace, until } from './harness.js';

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}
const axe = () => (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<AxeResult> } }).axe;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let runs = 0;
let statesChecked = 0;
async function violations(root: Element): Promise<string[]> {
  runs++;
  const result = await axe().run(root, { runOnly: { type: 'tag', values: TAGS } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`);
}

/** A feed with good and bad records (a skipped-records notice) and a campaign day. */
function mixedFeed(): string {
  const feed = goodFeed(4) as { events: unknown[] };
  feed.events.push({ id: 'bad', title: 'Broken date', start: '31/31/2026' });
  return JSON.stringify(feed);
}

const holdKeys: string[] = [];

/** Every state of every element, each as a host element ready to be placed (states that need time are awaited). */
async function states(): Promise<{ name: string; host: HTMLElement; after?: (h: HTMLElement) => Promise<void> }[]> {
  const src = await serve(mixedFeed());
  const empty = await serve(JSON.stringify({ turnout: '1.0', events: [], partners: [] }));
  const missing = '/__feed/respond?status=404&body=gone';
  const hold = () => {
    const key = `a11y-${Math.random()}`;
    holdKeys.push(key);
    return `/__hardening/hold?key=${key}`;
  };
  const stale = () => `/__feed/respond?fail-after=1&t=${Math.random()}&body=${encodeURIComponent(mixedFeed())}`;
  const openDetails = async (h: HTMLElement) => {
    h.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
  };
  const waitStale = async (h: HTMLElement) => {
    // Read from the element, not its words: the notice is in the page's language.
    await until(() => (h as HTMLElement & { feedState: { stale: boolean } }).feedState.stale, 'stale data', 8000);
    await (h as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  };
  const out: { name: string; host: HTMLElement; after?: (h: HTMLElement) => Promise<void> }[] = [];
  for (const el of ELEMENTS) {
    const full = { ...el.full };
    if (el.feedElement) {
      out.push({ name: `${el.tag} loading`, host: create(el.tag, { ...full, src: hold() }) });
      out.push({ name: `${el.tag} ready, skipped details open`, host: create(el.tag, { ...full, src }), after: openDetails });
      out.push({ name: `${el.tag} empty`, host: create(el.tag, { ...full, src: empty }) });
      out.push({ name: `${el.tag} error`, host: create(el.tag, { ...full, src: missing }) });
      out.push({ name: `${el.tag} stale`, host: create(el.tag, { ...full, refresh: '1', src: stale() }), after: waitStale });
      out.push({
        name: `${el.tag} filtered to nothing`,
        host: create(el.tag, { ...full, src, search: 'nothing at all' }),
        after: async (h) => {
          const input = h.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
          input.value = 'nothing at all';
          input.dispatchEvent(new Event('input'));
          await (h as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        },
      });
    } else {
      for (const [state, now] of [['before', EVE], ['live', '2026-01-31T12:00:00-05:00'], ['after', '2026-02-02T12:00:00-05:00']]) {
        out.push({ name: `${el.tag} ${state}`, host: create(el.tag, { ...full, preview: '', now, src, campaign: 'day' }) });
      }
      out.push({ name: `${el.tag} feed error`, host: create(el.tag, { ...full, src: missing }) });
    }
  }
  out.push({
    name: 'event-list calendar choices open',
    host: create('event-list', { ...ELEMENTS[0].full, src, 'page-size': '2' }),
    after: async (h) => {
      h.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
      await until(() => h.shadowRoot!.querySelector('a.google'), 'calendar choices');
    },
  });
  out.push({ name: 'partner-list grid, chip chosen', host: create('partner-list', { src }), after: async (h) => h.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="chip"]')[1]?.click() });
  out.push({ name: 'event-countdown from a target only', host: create('event-countdown', { target: '2026-01-30T00:00:00-05:00', now: EVE, layout: 'banner' }) });
  out.push({ name: 'event-countdown with a bad date', host: create('event-countdown', { target: 'soon' }) });
  return out;
}

async function checkAll(pageAttrs: Record<string, string>): Promise<string[]> {
  const all = await states();
  const found: string[] = [];
  place(
    all.map((s) => s.host),
    pageAttrs,
  );
  statesChecked += all.length;
  const loading = all.filter((s) => s.name.endsWith('loading')).map((s) => s.host);
  await settled(all.map((s) => s.host).filter((h) => !loading.includes(h)), 15000);
  for (const s of all) await s.after?.(s.host);
  // One axe run over every state at once; only when it finds something, one run per state names the culprits.
  if ((await violations(all[0].host.parentElement!)).length) {
    for (const s of all) {
      for (const v of await violations(s.host)) found.push(`${s.name}: ${v}`);
    }
  }
  return found;
}

describe('hardening: accessibility', function () {
  this.timeout(90000);
  before(defineAll);
  afterEach(async () => {
    unplace();
    await emulateMedia({ colorScheme: 'light' });
  });
  after(() => {
    figure('axe: element states checked (x appearance and direction)', statesChecked);
    figure('axe runs', runs);
  });

  it('the check can fail: a control without a name is reported', async () => {
    const host = create('event-list', { ...ELEMENTS[0].full });
    (host as HTMLElement & { data: unknown }).data = mixedFeed();
    place([host]);
    await settled([host]);
    const select = host.shadowRoot!.querySelector('select')!;
    select.closest('label')!.replaceWith(select);
    expect((await violations(host)).join('\n')).to.include('select-name');
  });

  for (const [name, scheme, attrs] of [
    ['light', 'light', { lang: 'en-US' }],
    ['dark', 'dark', { lang: 'en-US' }],
    ['right-to-left (Arabic), light', 'light', { lang: 'ar', dir: 'rtl' }],
    ['right-to-left (Arabic), dark', 'dark', { lang: 'ar', dir: 'rtl' }],
  ] as const) {
    it(`every state of every element has no axe violation: ${name}`, async () => {
      await emulateMedia({ colorScheme: scheme });
      expect(matchMedia(`(prefers-color-scheme: ${scheme})`).matches).to.equal(true);
      const found = await checkAll(attrs);
      expect(found).to.deep.equal([]);
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`the takeover, open, has no axe violation: ${scheme}`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const host = create('action-banner', { mode: 'takeover', preview: 'live', href: 'https://coalition.example/why' });
      (host as HTMLElement & { data: unknown }).data = mixedFeed();
      place([host]);
      await settled([host]);
      await until(() => host.shadowRoot!.querySelector('dialog[open]'), 'the open dialog');
      expect(await violations(document.body)).to.deep.equal([]);
    });
  }

  it('the default theme meets WCAG AA contrast in light and dark', async () => {
    const ratio = (a: number[], b: number[]) => {
      const lum = ([r, g, bl]: number[]) => {
        const c = [r, g, bl].map((v) => {
          const s = v / 255;
          return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
      };
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const probe = document.createElement('span');
    document.body.append(probe);
    const rgb = (color: string) => {
      probe.style.color = color;
      return (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    };
    const report: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme: scheme });
      const host = create('partner-list');
      place([host]);
      await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const css = getComputedStyle(host);
      const token = (n: string) => rgb(css.getPropertyValue(`--_${n}`).trim());
      const pairs: [string, string, string, number][] = [
        ['text', 'surface', 'text on surface', 4.5],
        ['muted', 'surface', 'muted text on surface', 4.5],
        ['accent', 'surface', 'links on surface', 4.5],
        ['on-accent', 'accent', 'button text on accent', 4.5],
        ['border', 'surface', 'control borders', 3],
      ];
      for (const [fg, bg, what, min] of pairs) {
        const r = ratio(token(fg), token(bg));
        report.push(`${scheme} ${what}: ${r.toFixed(2)}`);
        expect(r, `${scheme}: ${what}`).to.be.at.least(min);
      }
      unplace();
    }
    probe.remove();
    figure('theme contrast', report.join('; '));
  });

  it('colours the embedder sets win over the dark defaults, and stay accessible', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const src = await serve(mixedFeed());
    const hosts = ELEMENTS.filter((e) => e.feedElement).map((el) => create(el.tag, { ...el.full, src }));
    place(hosts, {
      lang: 'en-US',
      style: '--turnout-surface: #fffdf5; --turnout-text: #201a10; --turnout-muted: #5a5040; --turnout-accent: #8a1538; --turnout-on-accent: #ffffff; --turnout-border: #7a6f60',
    });
    await settled(hosts);
    for (const h of hosts) {
      expect(getComputedStyle(h).backgroundColor).to.equal('rgb(255, 253, 245)');
      expect(getComputedStyle(h).color).to.equal('rgb(32, 26, 16)');
      expect(await violations(h)).to.deep.equal([]);
    }
  });

  describe('keyboard only', () => {
    afterEach(unplace);

    /** Tabs from a button before the element to a button after it (then back with Shift+Tab). */
    async function walk(host: HTMLElement, back = false): Promise<Set<Element>> {
      const [first, last] = [...host.parentElement!.querySelectorAll(':scope > button')] as HTMLButtonElement[];
      (back ? last : first).focus();
      const reached = new Set<Element>();
      for (let i = 0; i < 80; i++) {
        if (back) {
          await sendKeys({ down: 'Shift' });
          await sendKeys({ press: 'Tab' });
          await sendKeys({ up: 'Shift' });
        } else await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (active === (back ? first : last)) return reached;
        if (active) reached.add(active);
      }
      throw new Error(`Tab never left <${host.localName}>`);
    }

    const CONTROLS = 'a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

    for (const el of ELEMENTS) {
      it(`<${el.tag}>: Tab and Shift+Tab reach every control`, async () => {
        const src = await serve(mixedFeed());
        const host = create(el.tag, { ...el.full, src, 'page-size': '3', href: 'https://coalition.example/why' });
        place([create('button'), host, create('button')]);
        await settled([host]);
        if (el.tag === 'event-list') {
          host.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
          await until(() => host.shadowRoot!.querySelector('a.google'), 'calendar choices');
        }
        const controls = shadowElements([host]).filter((e) => e.matches(CONTROLS) && (e as HTMLElement).checkVisibility());
        expect(controls.length, 'controls to reach').to.be.greaterThan(0);
        const forward = await walk(host);
        const backward = await walk(host, true);
        const name = (e: Element) => `<${e.localName}> ${e.textContent?.trim().slice(0, 40) ?? ''}`;
        expect(controls.filter((c) => !forward.has(c)).map(name), 'not reached with Tab').to.deep.equal([]);
        expect(controls.filter((c) => !backward.has(c)).map(name), 'not reached with Shift+Tab').to.deep.equal([]);
        figure(`keyboard: <${el.tag}> controls reached`, controls.length);
      });
    }

    it('<action-banner> takeover: Tab goes round its controls and never leaves it', async () => {
      const host = create('action-banner', { mode: 'takeover', preview: 'live', href: 'https://coalition.example/why' });
      (host as HTMLElement & { data: unknown }).data = mixedFeed();
      place([create('button'), host, create('button')]);
      await settled([host]);
      await until(() => host.shadowRoot!.querySelector('dialog[open]'), 'the open dialog');
      const controls = shadowElements([host]).filter((e) => e.matches(CONTROLS));
      const reached = new Set<Element>();
      for (let i = 0; i < controls.length * 2; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        expect(host.shadowRoot!.contains(active), 'focus stays in the dialog').to.equal(true);
        reached.add(active!);
      }
      expect(controls.filter((c) => !reached.has(c)).map((c) => c.localName)).to.deep.equal([]);
    });
  });
});
