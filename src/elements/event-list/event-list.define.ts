import { EventList } from './event-list.js';

export { EventList };

EventList.define();

declare global {
  interface HTMLElementTagNameMap {
    'event-list': EventList;
  }
}
