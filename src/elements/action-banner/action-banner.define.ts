import { ActionBanner } from './action-banner.js';

export { ActionBanner };

ActionBanner.define();

declare global {
  interface HTMLElementTagNameMap {
    'action-banner': ActionBanner;
  }
}
