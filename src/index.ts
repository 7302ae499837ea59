/**
 * turnout-widgets: the element classes and the public helpers, with no side effects (no element is defined).
 * To define elements, import 'turnout-widgets/define-all.js' (every element) or
 * 'turnout-widgets/define/<tag>.js' (one), or call e.g. `EventList.define('my-tag')`.
 */

// Elements (one line per folder in src/elements/; scripts/build.mjs checks that none is missing).
export { EventList } from './elements/event-list/event-list.js';
export { EventCountdown } from './elements/event-countdown/event-countdown.js';
export { ActionBanner } from './elements/action-banner/action-banner.js';
export { PartnerList } from './elements/partner-list/partner-list.js';
export {
  EventMap,
  TurnoutEventSelectEvent,
  TurnoutMapReadyEvent,
  type EventSelectDetail,
  type MapReadyDetail,
} from './elements/event-map/event-map.js';

// The base class and its events, for elements built on the same feed layer.
export {
  TurnoutFeedElement,
  TurnoutFeedErrorEvent,
  TurnoutFeedLoadEvent,
  type FeedErrorDetail,
  type FeedLoadDetail,
  type FeedStatus,
} from './shared/feed-element.js';

// The feed layer.
export { clearFeedCache, loadFeed, parseFeedInput, type LoadOptions } from './feed/load.js';
export { detectFormat, parseFeed } from './feed/parse.js';
export { FeedError, isFeedError, type FeedErrorCode } from './feed/errors.js';
export type * from './feed/types.js';

// The page's clock (reference time for previews and the demo).
export { CLOCK_CHANGE_EVENT, hasReferenceTime, setReferenceTime } from './shared/clock.js';

// Calendar helpers used by "add to calendar".
export { eventToIcs, googleCalendarUrl, type CalendarOptions } from './shared/calendar.js';
