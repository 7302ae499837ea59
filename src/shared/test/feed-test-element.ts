// The smallest element built on TurnoutFeedElement, for the feed tests: the feed status, then one line per event.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { TurnoutFeedElement } from '../feed-element.js';

@customElement('test-feed-element')
export class TestFeedElement extends TurnoutFeedElement {
  static override styles = [TurnoutFeedElement.feedStatusStyles];
  renders = 0;
  get state() {
    return this.feedState;
  }
  get clockNow() {
    return this.clock.now();
  }
  protected override render() {
    this.renders++;
    const { data } = this.feedState;
    return html`${this.renderFeedStatus()}
      <ul>
        ${data?.events.map((e) => html`<li>${e.title}</li>`)}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'test-feed-element': TestFeedElement;
  }
}

/** The text a person sees in the element (collapsed whitespace). */
export const seen = (el: Element): string => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
