/**
 * Defines every Turnout element (the all-in-one: dist/cdn/turnout.js, 'turnout-widgets/define-all.js').
 * Loading it next to a per-element bundle is fine: a tag that is already defined is left as it is.
 * One line per folder in src/elements/; scripts/build.mjs checks that none is missing.
 */
import './elements/event-list/event-list.define.js';
import './elements/event-countdown/event-countdown.define.js';
import './elements/action-banner/action-banner.define.js';
import './elements/partner-list/partner-list.define.js';
import './elements/event-map/event-map.define.js';
