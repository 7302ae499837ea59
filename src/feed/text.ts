/**
 * Feed text -> plain text. Pure string work (no DOM, so it runs in a Worker and in Node).
 *
 * Feeds put HTML in descriptions (Mobilize always does) and sometimes in titles. Everything becomes plain text:
 * tags are stripped, <br> / <p> / <li> / headings become line breaks, entities are decoded (named and numeric),
 * control characters are removed and whitespace is tidied. The result is only ever rendered as text.
 */

/** Caps on text length, in UTF-16 code units. */
export const TITLE_MAX = 300;
export const SHORT_MAX = 300;
export const LONG_MAX = 5000;

/**
 * Whether text needs the slow path: markup or entities, control or unusual space characters, leading/trailing
 * or doubled spaces, spaces around line breaks, three line breaks in a row, or (for one-line text) any line break.
 * Text already plain and tidy (the common case) is returned as it is; a plain loop decides it faster than a regex.
 */
function needsWork(s: string, oneLine: boolean): boolean {
  const n = s.length;
  let prev = 32; // as if a space came before: leading whitespace needs work
  let breaks = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127) {
      if (c === 60 || c === 38) return true; // < &
      prev = c;
      breaks = 0;
    } else if (c === 32) {
      if (prev === 32 || prev === 10) return true;
      prev = c;
    } else if (c === 10) {
      if (oneLine || prev === 32 || ++breaks === 3) return true;
      prev = c;
    } else if (c <= 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
      c === 0x202f || c === 0x205f || c === 0x3000) {
      return true;
    } else {
      prev = c;
      breaks = 0;
    }
  }
  return prev === 32 || prev === 10; // trailing whitespace
}

const DROP_BLOCKS = /<(script|style|template|head|noscript|iframe|object|svg)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?(?:-->|$)/gi;
const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]{1,31});?/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// One pass over whitespace: a run holding line breaks becomes one or two of them (a paragraph break), any other
// run of two or more spaces, or any unusual space, becomes one space; single plain spaces are not even matched.
const WHITESPACE =
  /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*\n[\s\u00a0]*|[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

function tidySpace(run: string): string {
  const first = run.indexOf('\n');
  if (first < 0) return ' ';
  return run.indexOf('\n', first + 1) < 0 ? '\n' : '\n\n';
}
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const ODD_CHARS = /[\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const ANY_SPACE = /\s+/g;

const PARAGRAPH_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'blockquote', 'pre', 'table',
  'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'figure', 'address', 'form', 'fieldset',
]);
const LINE_TAGS = new Set(['br', 'li', 'tr', 'dt', 'dd', 'figcaption', 'caption']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©',
  reg: '®', trade: '™', deg: '°', times: '×', divide: '÷', euro: '€', pound: '£', cent: '¢', yen: '¥',
  sect: '§', para: '¶', iexcl: '¡', iquest: '¿', shy: '', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009',
  ensp: '\u2002', emsp: '\u2003', aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', ntilde: 'ñ', Ntilde: 'Ñ', uuml: 'ü',
  Uuml: 'Ü', ouml: 'ö', Ouml: 'Ö', auml: 'ä', Auml: 'Ä', ccedil: 'ç', Ccedil: 'Ç', egrave: 'è', agrave: 'à',
  ecirc: 'ê', acirc: 'â', ocirc: 'ô', szlig: 'ß', rarr: '→', larr: '←', check: '✓',
};

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(code > 0) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 45;
}

/**
 * Where the tag starting at `lt` ends (the index after its ">"), or -1 when this "<" does not open a tag
 * ("3 < 5"). Quoted attribute values may hold ">". A linear scan: no regex backtracking on hostile input.
 */
function tagEnd(s: string, lt: number): number {
  let j = lt + 1;
  if (s.charCodeAt(j) === 47) j++; // "/"
  if (!isLetter(s.charCodeAt(j))) return -1;
  for (j++; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 62) return j + 1; // ">"
    if (c === 34 || c === 39) {
      const close = s.indexOf(c === 34 ? '"' : "'", j + 1);
      if (close < 0) return -1;
      j = close;
    }
  }
  return -1;
}

/** What a tag becomes: a paragraph break, a line break, or nothing. */
function tagText(s: string, lt: number): string {
  const closing = s.charCodeAt(lt + 1) === 47;
  let j = closing ? lt + 2 : lt + 1;
  const from = j;
  while (isNameChar(s.charCodeAt(j))) j++;
  const name = s.slice(from, j).toLowerCase();
  if (PARAGRAPH_TAGS.has(name)) return '\n\n';
  // A list item or row starts a new line; its closing tag adds nothing (so items are not a blank line apart).
  if (LINE_TAGS.has(name)) return closing ? '' : '\n';
  return '';
}

function stripTags(s: string): string {
  let out = '';
  let last = 0;
  let lt = s.indexOf('<');
  while (lt >= 0) {
    const end = tagEnd(s, lt);
    if (end < 0) {
      lt = s.indexOf('<', lt + 1);
      continue;
    }
    out += s.slice(last, lt) + tagText(s, lt);
    last = end;
    lt = s.indexOf('<', end);
  }
  return out + s.slice(last);
}

/** Cuts text to `max` code units without splitting a surrogate pair, ending with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).trimEnd() + '…';
}

/**
 * Plain text from feed text that may hold HTML: paragraphs separated by a blank line, lines kept, capped at
 * `max`. Non-strings give "".
 */
export function htmlToText(raw: unknown, max = LONG_MAX): string {
  if (typeof raw !== 'string') return typeof raw === 'number' ? String(raw) : '';
  if (!needsWork(raw, false)) return clip(raw, max);
  // Markup only shrinks, so four times the cap is plenty; bounding the input also bounds the work a hostile
  // feed can cause (an unclosed <script> is scanned to the end of what is left).
  let text = raw.length > max * 4 ? raw.slice(0, max * 4) : raw;
  if (text.includes('<')) text = stripTags(text.replace(DROP_BLOCKS, ''));
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  if (ODD_CHARS.test(text)) text = text.replace(LINE_BREAKS, '\n').replace(CONTROL, '');
  text = text.replace(WHITESPACE, tidySpace).trim();
  return clip(text, max);
}

/** One line of plain text (titles, names, places): HTML stripped, all whitespace collapsed, capped. */
export function lineText(raw: unknown, max = SHORT_MAX): string {
  if (typeof raw !== 'string') return typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
  if (!needsWork(raw, true)) return clip(raw, max);
  return clip(htmlToText(raw, max * 4).replace(ANY_SPACE, ' '), max);
}

/** `lineText`, or undefined when it comes out empty. */
export function optionalLine(raw: unknown, max = SHORT_MAX): string | undefined {
  return lineText(raw, max) || undefined;
}

/** `htmlToText`, or undefined when it comes out empty. */
export function optionalText(raw: unknown, max = LONG_MAX): string | undefined {
  return htmlToText(raw, max) || undefined;
}
