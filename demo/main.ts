// Defines <event-list>. Kept apart from controls.ts so the page's own controls keep working even if the
// element fails to load.
import '../src/elements/event-list/event-list.define.js';
