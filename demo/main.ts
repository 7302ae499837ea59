// Defines <event-list> and <event-map>. Kept apart from controls.ts so the page's own controls keep working even if the
// element fails to load.
import '../src/elements/event-list/event-list.define.js';
import '../src/elements/event-map/event-map.define.js';

// The language picker: sets `lang` on every Turnout element (the page's own text stays English, so <html lang> stays
// "en"); the elements re-render in that language, right to left for Arabic. `?lang=es` in the address picks one too.
const TAGS = 'event-list, event-map, event-countdown, action-banner, partner-list';
const picker = document.querySelector<HTMLSelectElement>('#language');
function setLanguage(lang: string): void {
  for (const el of document.querySelectorAll(TAGS)) el.setAttribute('lang', lang);
}
if (picker) {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && [...picker.options].some((o) => o.value === asked)) {
    picker.value = asked;
    setLanguage(asked);
  }
  picker.addEventListener('change', () => setLanguage(picker.value));
}
