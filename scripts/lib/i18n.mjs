// Translations: finding the messages in the source, reading and writing XLIFF, writing the locale modules.
// Used by scripts/i18n.mjs (extract, build) and scripts/check-translations.mjs (the check in `npm test`).
//
// The XLIFF files are those @lit/localize's own tool (lit-localize extract) writes: same ids (an explicit
// `{ id }`, else @lit/localize's hash of the text), same placeholders (<x id="N" equiv-text="${expr}"/>), so
// translators' tools and lit-localize can both be used on them. The locale modules are our own, smaller format
// (src/shared/locale.ts reads them): no import at all, so each is one lazy file whatever bundle loads it.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { root } from './elements.mjs';

export const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
export const targetLocales = config.targetLocales;
export const xliffDir = join(root, config.interchange.xliffDir);
export const modulesDir = join(root, config.output.outputDir);
/** Hand-written Intl stand-ins for languages the browsers' Intl lacks: src/locales/<code>.ts exports `intl`. */
const supplementsDir = join(root, 'src/locales');

/** Source files with messages: src/**.ts but tests, stories and the generated modules. */
function sourceFiles() {
  return readdirSync(join(root, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/(^|\/)(test|stories)\//.test(f) && !f.startsWith('generated/'))
    .map((f) => join(root, 'src', f))
    .sort();
}

/**
 * @typedef {{ id: string, auto: boolean, pieces: string[], exprs: string[], desc?: string, files: string[] }} Message
 *   pieces: the text around the placeholders (one more than exprs); exprs: the placeholders' source text.
 */

/** Every msg() call in the source, by id. Throws when one id carries two different texts. */
export function scanMessages() {
  /** @type {Map<string, Message>} */
  const messages = new Map();
  const problems = [];
  for (const file of sourceFiles()) {
    const code = readFileSync(file, 'utf8');
    if (!code.includes('msg(')) continue;
    const rel = relative(root, file);
    const visit = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      if (node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'msg') {
        const m = messageOf(node, code);
        if (typeof m === 'string') problems.push(`${rel}: ${m}`);
        else {
          const seen = messages.get(m.id);
          if (seen && seen.pieces.join('\x1e') !== m.pieces.join('\x1e')) {
            problems.push(`${rel}: id "${m.id}" is used for two texts ("${seen.pieces.join('${…}')}" in ${seen.files[0]})`);
          } else if (seen) {
            if (!seen.files.includes(rel)) seen.files.push(rel);
          } else messages.set(m.id, { ...m, files: [rel] });
        }
      }
      for (const key in node) if (key !== 'type') visit(node[key]);
    };
    visit(parseAst(code, { lang: 'ts' }));
  }
  if (problems.length) throw new Error(`Messages that cannot be extracted:\n  ${problems.join('\n  ')}`);
  return messages;
}

function messageOf(call, code) {
  const [text, options] = call.arguments;
  let pieces;
  let exprs = [];
  if (text?.type === 'Literal' && typeof text.value === 'string') pieces = [text.value];
  else if (text?.type === 'TemplateLiteral' && !text.expressions.length) pieces = [text.quasis[0].value.cooked];
  else if (text?.type === 'TaggedTemplateExpression' && text.tag.type === 'Identifier' && text.tag.name === 'str') {
    pieces = text.quasi.quasis.map((q) => q.value.cooked);
    exprs = text.quasi.expressions.map((e) => code.slice(e.start, e.end));
  } else if (text?.type === 'TemplateLiteral' || text?.type === 'TaggedTemplateExpression') {
    return 'msg() with placeholders needs the str tag: msg(str`Hello ${name}`)';
  } else return 'msg() takes a string literal or a str`` template';
  let id;
  let desc;
  for (const p of options?.type === 'ObjectExpression' ? options.properties : []) {
    const key = p.key?.name ?? p.key?.value;
    if (key === 'id' && p.value.type === 'Literal') id = p.value.value;
    if (key === 'desc' && p.value.type === 'Literal') desc = p.value.value;
  }
  const auto = !id;
  return { id: id ?? generateMsgId(pieces.length === 1 ? pieces[0] : pieces, false), auto, pieces, exprs, desc };
}

/** The key a locale module uses: the explicit id, else the text (what locale.ts can compute without hashing). */
export const moduleKey = (m) => (m.auto ? m.pieces.join('\x1e') : m.id);

// ---- XLIFF -------------------------------------------------------------------------------------------------

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s) => esc(s).replace(/"/g, '&quot;');
const unesc = (s) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name, dec, hex) =>
    dec ? String.fromCodePoint(+dec) : hex ? String.fromCodePoint(parseInt(hex, 16)) : { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name.toLowerCase()],
  );

/** A message's source as XLIFF content. */
export function sourceXml(m) {
  return m.pieces.map((p, i) => esc(p) + (i < m.exprs.length ? `<x id="${i}" equiv-text="${escAttr('${' + m.exprs[i] + '}')}"/>` : '')).join('');
}

/**
 * XLIFF content as parts: text, and placeholders `{ ph: index }` (the source's placeholder it stands for: by its id,
 * or, as lit-localize does, by its equiv-text).
 */
export function parseContent(xml, exprs = []) {
  const parts = [];
  const re = /<x\b([^>]*?)\/>|<(ph|g|bx|ex)\b[^>]*>|<\/(ph|g)>/g;
  let last = 0;
  for (let m; (m = re.exec(xml)); ) {
    parts.push(unesc(xml.slice(last, m.index)));
    last = re.lastIndex;
    if (!m[1] && m[1] !== '') throw new Error(`unsupported XLIFF markup ${m[0]}`);
    const attrs = Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, unesc(v)]));
    const byText = exprs.findIndex((e) => attrs['equiv-text'] === '${' + e + '}');
    parts.push({ ph: /^\d+$/.test(attrs.id ?? '') ? Number(attrs.id) : byText });
  }
  parts.push(unesc(xml.slice(last)));
  return parts;
}

/** @returns {Map<string, { source: string, target?: string, state?: string, note?: string }>} raw XML per id */
export function readXliff(locale) {
  const file = join(xliffDir, `${locale}.xlf`);
  const units = new Map();
  if (!existsSync(file)) return units;
  const xml = readFileSync(file, 'utf8');
  for (const [, attrs, body] of xml.matchAll(/<trans-unit\b([^>]*)>([\s\S]*?)<\/trans-unit>/g)) {
    const id = unesc(/\bid="([^"]*)"/.exec(attrs)[1]);
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const t = /<target\b([^>]*)>([\s\S]*?)<\/target>/.exec(body);
    const note = /<note\b[^>]*>([\s\S]*?)<\/note>/.exec(body)?.[1];
    units.set(id, { source, target: t?.[2], state: t && /\bstate="([^"]*)"/.exec(t[1])?.[1], note: note && unesc(note) });
  }
  return units;
}

/** XLIFF content without the placeholders' expressions: what a translator reads. */
export const sameText = (xml) => xml.replace(/<x id="(\d+)"[^>]*\/>/g, '<x id="$1"/>');

/** A translation's placeholders with the source's current expressions (by placeholder id). */
function withExprs(xml, m) {
  return xml.replace(/<x id="(\d+)"[^>]*\/>/g, (x, i) =>
    +i < m.exprs.length ? `<x id="${i}" equiv-text="${escAttr('${' + m.exprs[+i] + '}')}"/>` : x,
  );
}

/**
 * Writes xliff/<locale>.xlf for `messages`: existing translations are kept; a unit whose English changed keeps its
 * translation marked state="needs-review-translation" (the check fails until someone reviews it); units no longer in
 * the source are dropped. Returns counts.
 */
export function writeXliff(locale, messages) {
  const old = readXliff(locale);
  let added = 0;
  let review = 0;
  const units = [...messages.values()].map((m) => {
    const source = sourceXml(m);
    const prev = old.get(m.id);
    let target = '';
    if (prev?.target !== undefined) {
      // A renamed placeholder expression (${q} -> ${query}) is not a change of the English.
      const changed = sameText(prev.source) !== sameText(source);
      if (changed) review++;
      const state = changed ? 'needs-review-translation' : prev.state;
      target = `\n  <target${state ? ` state="${state}"` : ''}>${withExprs(prev.target, m)}</target>`;
    } else added++;
    const note = m.desc ? `\n  <note from="lit-localize">${esc(m.desc)}</note>` : '';
    return `<trans-unit id="${escAttr(m.id)}">\n  <source>${source}</source>${target}${note}\n</trans-unit>`;
  });
  const removed = [...old.keys()].filter((id) => !messages.has(id)).length;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file target-language="${locale}" source-language="${config.sourceLocale}" original="lit-localize-inputs" datatype="plaintext">
<body>
${units.join('\n')}
</body>
</file>
</xliff>
`;
  mkdirSync(xliffDir, { recursive: true });
  writeFileSync(join(xliffDir, `${locale}.xlf`), xml);
  return { added, review, removed };
}

// ---- Locale modules ---------------------------------------------------------------------------------------

/**
 * The translation of `m` in the module's format: a string, or text pieces with placeholder indexes between them.
 * Undefined when there is no usable translation.
 */
export function translationOf(m, unit) {
  if (!unit?.target || unit.state === 'needs-review-translation' || unit.state === 'new' || unit.state === 'needs-translation') return undefined;
  const parts = parseContent(unit.target, m.exprs);
  if (!m.exprs.length) return parts.filter((p) => typeof p === 'string').join('');
  const out = [''];
  for (const p of parts) {
    if (typeof p === 'string') out[out.length - 1] += p;
    else out.push(p.ph, '');
  }
  return out;
}

/** The text of locale `locale`'s module. */
export function moduleSource(locale, messages) {
  const units = readXliff(locale);
  const lines = [];
  for (const m of messages.values()) {
    const t = translationOf(m, units.get(m.id));
    if (t !== undefined) lines.push(`  ${JSON.stringify(moduleKey(m))}: ${JSON.stringify(t)},`);
  }
  const supplement = existsSync(join(supplementsDir, `${locale}.ts`))
    ? `export { intl } from '../../locales/${locale}.js';\n`
    : '';
  return `// Generated from xliff/${locale}.xlf by \`npm run i18n:build\`: edit the XLIFF file, not this one.
import type { Templates } from '../../shared/locale.js';
${supplement}
export const templates: Templates = {
${lines.join('\n')}
};
`;
}

export function modulePath(locale) {
  return join(modulesDir, `${locale}.ts`);
}

/** src/generated/locale-loaders.ts: one lazy import per language of lit-localize.json (what locale-runtime.ts loads). */
export const loadersPath = join(modulesDir, '..', 'locale-loaders.ts');

export function loadersSource() {
  const lines = targetLocales.map((l) => `  ${JSON.stringify(l)}: () => import('./locales/${l}.js'),`);
  return `// Generated from lit-localize.json's targetLocales by \`npm run i18n:build\`: add a language there, not here.
import type { LocaleModule } from '../shared/locale.js';

/** The translated languages (English is the source), each a lazily loaded module. */
export const LOCALES: Record<string, () => Promise<LocaleModule>> = {
${lines.join('\n')}
};
`;
}

export function writeModules(messages) {
  mkdirSync(modulesDir, { recursive: true });
  for (const locale of targetLocales) writeFileSync(modulePath(locale), moduleSource(locale, messages));
  writeFileSync(loadersPath, loadersSource());
}
