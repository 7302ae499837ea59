/**
 * What the hardening tests share: serving a feed from the test server, mounting elements in batches, waiting
 * until they settle, walking their shadow DOM, the script-injection sentinel, page error capture.
 */
import { SENTINEL } from './payloads.js';
import { squash } from '../helpers.js';

export { squash };

/** Puts `body` on the test server and returns its URL (same origin). */
export async function serve(
  body: string,
  opts: { type?: string; status?: number; encoding?: 'utf16le' | 'utf16be' | 'bom' } = {},
): Promise<string> {
  const q = new URLSearchParams();
  if (opts.type) q.set('type', opts.type);
  if (opts.status) q.set('status', String(opts.status));
  if (opts.encoding) q.set('encoding', opts.encoding);
  const r = await fetch(`/__hardening/put?${q}`, { method: 'POST', body });
  return ((await r.json()) as { url: string }).url;
}

/** Polls `check` until it returns something truthy; fails with `what` after `timeout` ms. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeout = 10000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An animation frame, or 100 ms when frames do not come (a page the runner keeps in the background). */
const frame = () =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(t);
      resolve();
    });
  });

/** Every element in `root` and in the shadow roots under it (nested elements included). */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** The shadow-DOM contents of `hosts`, nested shadow roots included. */
export function shadowElements(hosts: Iterable<Element>): Element[] {
  return [...hosts].flatMap((h) => (h.shadowRoot ? deepElements(h.shadowRoot) : []));
}

/**
 * Lets whatever a payload could trigger happen: the page's load event, two animation frames, images decoded or
 * failed (an onerror handler fires then), and a short settle for timers.
 */
export async function settle(hosts: Iterable<Element> = []): Promise<void> {
  if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
  await frame();
  await frame();
  const images = shadowElements(hosts).filter((e): e is HTMLImageElement => e instanceof HTMLImageElement);
  const deadline = performance.now() + 3000;
  while (images.some((img) => !img.complete) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 150));
}

/** Installs the sentinel the payloads call; returns the payload numbers that reached it. */
export function installSentinel(): number[] {
  const calls: number[] = [];
  const g = window as unknown as Record<string, unknown>;
  g[SENTINEL] = (n: number) => calls.push(n);
  return calls;
}

/** Schemes a rendered link or image may use. */
export function linkProblems(hosts: Iterable<Element>): string[] {
  const problems: string[] = [];
  for (const el of shadowElements(hosts)) {
    const check = (attr: string, allowed: (u: URL) => boolean) => {
      const raw = el.getAttribute(attr);
      if (raw === null) return;
      let url: URL;
      try {
        url = new URL(raw, el.baseURI);
      } catch {
        problems.push(`<${el.localName} ${attr}="${raw}">: not a URL`);
        return;
      }
      if (!allowed(url)) problems.push(`<${el.localName} ${attr}="${raw}">`);
    };
    // https and mailto anywhere; http only to the page's own origin (the test feeds' origin; links.ts allows a
    // feed served over http to link to its own pages).
    const ok = (u: URL) => u.protocol === 'https:' || u.protocol === 'mailto:' || (u.protocol === 'http:' && u.origin === location.origin);
    if (el.localName === 'a' || el.localName === 'area') check('href', ok);
    if (el.localName === 'img') check('src', (u) => u.protocol === 'https:' || (u.protocol === 'http:' && u.origin === location.origin) || u.protocol === 'data:');
    for (const attr of ['srcset', 'srcdoc', 'formaction', 'action', 'xlink:href', 'data', 'background', 'poster', 'ping']) {
      if (el.hasAttribute(attr)) problems.push(`<${el.localName}> has ${attr}`);
    }
    if (el.localName !== 'a' && el.localName !== 'area' && el.hasAttribute('href')) problems.push(`<${el.localName}> has href`);
    for (const a of el.getAttributeNames()) if (/^on/i.test(a)) problems.push(`<${el.localName}> has ${a}`);
    if (/^(script|iframe|object|embed|frame|frameset|base|meta|link|style|template|noscript|math|foreignobject)$/i.test(el.localName)) {
      problems.push(`a <${el.localName}> element is in the shadow DOM`);
    }
  }
  return problems;
}

/** Collects uncaught errors and unhandled rejections on the page while `run` runs (and until `stop`). */
export function captureErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** A new element with these attributes (not on the page yet). */
export function create(tag: string, attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

const placed: Element[] = [];

/** Puts `nodes` in a new <div lang=…> on the page; `unplace()` removes every such div. */
export function place(nodes: Node[], attrs: Record<string, string> = { lang: 'en-US' }): HTMLDivElement {
  const div = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) div.setAttribute(k, v);
  div.append(...nodes);
  document.body.append(div);
  placed.push(div);
  return div;
}

export function unplace(): void {
  for (const el of placed.splice(0)) el.remove();
}

interface FeedHostLike extends HTMLElement {
  updateComplete: Promise<boolean>;
  feedState?: { status: string };
  state?: string;
  problem?: string;
  feed?: unknown;
  data?: unknown;
  /** The countdown's and the banner's time window, once known (protected in TypeScript, readable here). */
  window?: unknown;
}

/**
 * True once the element shows a final state: a feed element is ready or in error (its message rendered); the
 * countdown and the banner know their time window or have a problem to show. (Not their state alone: a banner
 * with `preview` has its state at once, before its feed has loaded.)
 */
export function isSettled(el: Element): boolean {
  const h = el as FeedHostLike;
  if (h.feedState) {
    const s = h.feedState.status;
    if (s === 'error') return !!h.shadowRoot?.querySelector('.feed-error');
    return s === 'ready' || (s === 'idle' && !h.getAttribute('src'));
  }
  const source = h.getAttribute('src') || h.getAttribute('target') || h.feed != null || h.data != null;
  return !!h.window || !!h.problem || !source;
}

/** Waits until every element settled and rendered it. */
export async function settled(els: Element[], timeout = 15000): Promise<void> {
  await until(() => els.every(isSettled), `${els.length} elements to settle`, timeout);
  await Promise.all(els.map((e) => (e as FeedHostLike).updateComplete));
  // The window elements load their feed code lazily and then update again.
  await until(() => els.every(isSettled), `${els.length} elements to settle`, timeout);
  await Promise.all(els.map((e) => (e as FeedHostLike).updateComplete));
}

/** The text a person sees in `el` (its shadow DOM included; hidden parts and visually-hidden text left out). */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const visible = (e: Element) =>
    !e.closest('.visually-hidden') && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const walk = (node: Node) => {
    if (node instanceof Element && node.shadowRoot) {
      walk(node.shadowRoot);
      return;
    }
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...node.childNodes]).forEach(walk);
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      // A slot's own (fallback) text is judged by the box around the slot: a slot has no box of its own.
      let parent: Element | null = node.parentElement;
      while (parent instanceof HTMLSlotElement) {
        const root = parent.getRootNode();
        parent = parent.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
      }
      if (parent && visible(parent)) parts.push(node.textContent ?? '');
      return;
    }
    node.childNodes.forEach(walk);
  };
  walk(el);
  return squash(parts.join(' '));
}

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Prints a figure line the docs take their numbers from (`[hardening] name: value`). */
export function figure(name: string, value: number | string): void {
  console.log(`[hardening] ${name}: ${value}`);
}
