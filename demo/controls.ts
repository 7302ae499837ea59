// The demo page's own controls: which feed file the list reads, and demo time vs the real clock.
// The list renders the feed itself; this file only changes attributes.
import { hasReferenceTime, setReferenceTime } from '../src/shared/clock.js';

const FEEDS: Record<string, string> = {
  native: '/demo/data/feed.json',
  mobilize: '/demo/data/mobilize.json',
  jsonld: '/demo/data/events.jsonld',
  csv: '/demo/data/events.csv',
  errors: '/demo/data/feed-with-errors.json',
};

const DEMO_TIME = document.querySelector('meta[name="turnout-now"]')?.getAttribute('content') ?? null;

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const list = $<HTMLElement>('#events');
const feedLink = $<HTMLAnchorElement>('#feed-link');
const clockButton = $<HTMLButtonElement>('#clock-toggle');
const showPast = $<HTMLInputElement>('#show-past');

function showFeed(key: string): void {
  const url = FEEDS[key] ?? FEEDS.native;
  list.setAttribute('src', url);
  feedLink.href = url;
  feedLink.textContent = url.slice(1);
  const page = new URL(location.href);
  if (key === 'native') page.searchParams.delete('feed');
  else page.searchParams.set('feed', key);
  history.replaceState(null, '', page);
}

function showClock(): void {
  const demo = hasReferenceTime();
  $('#clock-demo').toggleAttribute('hidden', !demo);
  $('#clock-real').toggleAttribute('hidden', demo);
  $('#show-past-label').toggleAttribute('hidden', demo);
  clockButton.textContent = demo ? 'Use the real clock' : 'Back to demo time';
  if (demo) showPast.checked = false;
  list.toggleAttribute('show-past', showPast.checked);
}

// A shared link (?feed=csv) opens on that format.
const initial = new URLSearchParams(location.search).get('feed');
if (initial && initial in FEEDS) {
  $<HTMLInputElement>(`input[name="feed"][value="${initial}"]`).checked = true;
  showFeed(initial);
}

document.querySelector('.formats')!.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  if (input.name === 'feed') showFeed(input.value);
});

clockButton.addEventListener('click', () => {
  setReferenceTime(hasReferenceTime() ? null : DEMO_TIME);
  showClock();
});

showPast.addEventListener('change', () => list.toggleAttribute('show-past', showPast.checked));

if (!DEMO_TIME) clockButton.hidden = true;
showClock();
