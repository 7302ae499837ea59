/**
 * The optional host-page script for the iframe embed (dist/cdn/embed-resize.js):
 *
 *   <iframe data-turnout-embed src="https://coalition.example/turnout/cdn/v0.1.0/embed.html?widget=event-list&…"
 *           title="Events near you" style="width:100%;height:640px;border:0"></iframe>
 *   <script type="module" src="https://coalition.example/turnout/cdn/v0.1.0/embed-resize.js"></script>
 *
 * Each framed embed page posts `{ type: 'turnout-embed:height', height }`. A message changes an iframe's height only
 * if it comes from that iframe's own window, from the origin of its `src`, and has exactly that shape. Without this
 * script the iframe keeps its height and its page scrolls inside.
 */
import { HEIGHT_MESSAGE, MAX_HEIGHT } from './options.js';

const KEY = Symbol.for('turnout.embed-resize.v1');
const g = globalThis as { [KEY]?: true };

function onMessage(event: MessageEvent): void {
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (!data || typeof data !== 'object' || data.type !== HEIGHT_MESSAGE) return;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-turnout-embed]')) {
    if (!event.source || frame.contentWindow !== event.source) continue;
    let origin: string;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch {
      return;
    }
    if (event.origin !== origin) return;
    frame.style.height = `${Math.min(Math.ceil(height), MAX_HEIGHT)}px`;
    return;
  }
}

// Once per page, however many copies of the script it loads.
if (!g[KEY]) {
  g[KEY] = true;
  addEventListener('message', onMessage);
}
