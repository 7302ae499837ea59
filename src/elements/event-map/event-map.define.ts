import { EventMap } from './event-map.js';

export { EventMap };

EventMap.define();

declare global {
  interface HTMLElementTagNameMap {
    'event-map': EventMap;
  }
}
