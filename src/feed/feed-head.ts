/**
 * The first events of a native Turnout feed whose body is still downloading, so that a widget can list them at once
 * instead of waiting for a large feed to arrive and be parsed whole.
 *
 * `feedHead(text, max)` reads the beginning of the body (any prefix of the JSON text) and returns a complete JSON
 * document: the feed's fields that come before its `events` array, then the first `max` whole records of that array
 * (fewer if the prefix holds fewer), with the array and the object closed. It returns null when the prefix is not
 * shaped so (not an object, no `events` array begun, no complete record yet), and the caller simply waits for the
 * whole body. The result goes through the same parser as the whole feed, so every record is checked as usual.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

export function feedHead(text: string, max: number): string | null {
  let start = 0;
  // A byte order mark and white space before the document.
  while (start < text.length && (text.charCodeAt(start) === 0xfeff || text.charCodeAt(start) <= 0x20)) start++;
  if (text.charCodeAt(start) !== OPEN_OBJECT || max < 1) return null;
  let depth = 0;
  /** Where the last string at depth 1 began and ended: the key of the value that follows it. */
  let keyFrom = -1;
  let keyTo = -1;
  let stringFrom = -1;
  /** Index of the `[` of the events array, and the end of its last complete record. */
  let array = -1;
  let lastEnd = -1;
  let records = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (stringFrom >= 0) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        if (depth === 1) {
          keyFrom = stringFrom + 1;
          keyTo = i;
        }
        stringFrom = -1;
      }
      continue;
    }
    if (c === QUOTE) stringFrom = i;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === 1 && c === OPEN_ARRAY && array < 0 && text.slice(keyFrom, keyTo) === 'events') array = i;
      depth++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (array < 0) {
        if (depth === 0) return null;
      } else if (depth === 2 && c === CLOSE_OBJECT) {
        lastEnd = i + 1;
        if (++records >= max) break;
      } else if (depth < 2) break;
    }
  }
  return lastEnd < 0 ? null : `${text.slice(start, lastEnd)}]}`;
}
