// Hand-made data and helpers for the <partner-list> tests.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { FeedData, TurnoutPartner } from '../../../feed/types.js';
import '../partner-list.define.js';
import type { PartnerList } from '../partner-list.js';

import { squash } from '../../../../test/helpers.js';

export { squash };

export function makeFeed(partners: TurnoutPartner[], over: Partial<FeedData> = {}): FeedData {
  return { format: 'turnout', events: [], partners, skipped: [], loadedAt: Date.now(), ...over };
}

let seq = 0;
export function partner(name: string, over: Partial<TurnoutPartner> = {}): TurnoutPartner {
  seq += 1;
  return { id: `p${seq}`, name, categories: [], ...over };
}

/** A small coalition: two student groups, a tenants union, legal support; one with no logo and no website. */
export function coalition(): FeedData {
  const logo = (n: string) => `${location.origin}/demo/logos/${n}.svg`;
  return makeFeed([
    partner('Riverside Tenants Union', {
      url: 'https://example.org/rtu',
      logo: logo('riverside-tenants-union'),
      categories: ['Tenants union'],
      description: 'Renters organizing building by building.',
    }),
    partner('Somali Student Association', {
      url: 'https://example.org/ssa',
      logo: logo('somali-sa-lakeshore'),
      categories: ['Student group'],
      description: 'Culture nights and tutoring.',
    }),
    partner('Open Door Legal Clinic', {
      url: 'https://example.org/odlc',
      logo: logo('open-door-legal-clinic'),
      categories: ['Legal support', 'Immigrant rights'],
      description: 'Free consultations; know-your-rights sessions.',
    }),
    partner('Black Student Union', {
      url: 'https://example.org/bsu',
      categories: ['Student group', 'Civil rights'],
      description: 'Organizing for justice on campus.',
    }),
    partner('Neighbors Not Strangers', { categories: ['Immigrant rights'] }),
  ]);
}

/** Mounts a <partner-list> with `feed` (normalized) or `data` (raw), attributes and optional light-DOM children. */
export async function mount(
  input: { feed?: FeedData; data?: unknown } = {},
  attrs: Record<string, string> = {},
  children?: TemplateResult,
): Promise<PartnerList> {
  const el = document.createElement('partner-list');
  el.setAttribute('lang', 'en-US');
  for (const [k, v] of Object.entries(attrs)) if (k !== 'width') el.setAttribute(k, v);
  if (input.feed) el.feed = input.feed;
  if (input.data !== undefined) el.data = input.data;
  if (children) render(children, el);
  el.style.inlineSize = attrs.width ?? '40rem';
  await fixture(html`${el}`);
  if (input.data !== undefined) {
    // Raw data is parsed asynchronously (as a feed from src would be).
    await waitUntil(() => el.shadowRoot!.querySelector('[part="count"], [part="empty"], .feed-error'), 'data never shown');
  }
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: PartnerList, sel: string) => el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: PartnerList, sel: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(sel),
];
export const names = (el: PartnerList) => $$(el, '.name').map((n) => squash(n.textContent));
export const count = (el: PartnerList) => squash($(el, '[part="count"]')?.textContent);
export const item = (el: PartnerList, name: string) =>
  $$(el, 'li.partner').find((li) => squash(li.querySelector('.name')?.textContent) === name)!;
