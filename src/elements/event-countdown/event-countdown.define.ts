import { EventCountdown } from './event-countdown.js';

export { EventCountdown };

EventCountdown.define();

declare global {
  interface HTMLElementTagNameMap {
    'event-countdown': EventCountdown;
  }
}
