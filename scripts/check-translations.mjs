// The translation check run by `npm test`. Fails (exit 1) when, for any message in src/ and any language of
// lit-localize.json:
//   - the message is not in xliff/<locale>.xlf (run `npm run i18n:extract`),
//   - it has no translation, or one marked for review because the English changed,
//   - the translation is the English text itself (unless xliff/same-as-english.json lists it for that language,
//     with the reason: names, words every language borrows),
//   - the translation drops or invents a placeholder (${name}...),
//   - src/generated/locales/<locale>.ts is not what the XLIFF file says, or src/generated/locale-loaders.ts does not
//     list the languages of lit-localize.json (run `npm run i18n:build`).
// Messages made only of placeholders and punctuation ("${start} – ${end}") need a translation too, but may equal
// the English. Prints one line per problem and a summary.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadersPath,
  loadersSource,
  modulePath,
  moduleSource,
  parseContent,
  readXliff,
  sameText,
  scanMessages,
  sourceXml,
  targetLocales,
  xliffDir,
} from './lib/i18n.mjs';

const allowFile = join(xliffDir, 'same-as-english.json');
/** { "<locale>": { "<message id>": "why the English text is right here" } } */
const allowed = existsSync(allowFile) ? JSON.parse(readFileSync(allowFile, 'utf8')) : {};

const problems = [];
let messages;
try {
  messages = scanMessages();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

const flat = (parts) => parts.map((p) => (typeof p === 'string' ? p : `\${${p.ph}}`)).join('');
const short = (m) => {
  const text = m.pieces.map((p, i) => p + (i < m.exprs.length ? `\${${m.exprs[i]}}` : '')).join('');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

for (const locale of targetLocales) {
  const units = readXliff(locale);
  if (!units.size) problems.push(`${locale}: xliff/${locale}.xlf is missing or empty (run npm run i18n:extract)`);
  let done = 0;
  for (const m of messages.values()) {
    const where = `${locale}: "${short(m)}" (${m.id}, ${m.files[0]})`;
    const unit = units.get(m.id);
    if (!unit) {
      if (units.size) problems.push(`${where}: not in xliff/${locale}.xlf (run npm run i18n:extract)`);
      continue;
    }
    if (unit.target === undefined || !unit.target.trim() || unit.state === 'new' || unit.state === 'needs-translation') {
      problems.push(`${where}: no translation`);
      continue;
    }
    if (sameText(unit.source) !== sameText(sourceXml(m))) {
      problems.push(`${where}: the English changed since xliff/${locale}.xlf was written (run npm run i18n:extract)`);
      continue;
    }
    if (unit.state === 'needs-review-translation') {
      problems.push(`${where}: the English changed; review the translation and remove state="needs-review-translation"`);
      continue;
    }
    let target;
    try {
      target = parseContent(unit.target, m.exprs);
    } catch (e) {
      problems.push(`${where}: ${e.message}`);
      continue;
    }
    const used = target.filter((p) => typeof p !== 'string').map((p) => p.ph);
    const bad = used.filter((i) => !(i >= 0 && i < m.exprs.length));
    const missing = m.exprs.map((_, i) => i).filter((i) => !used.includes(i));
    if (bad.length) problems.push(`${where}: a placeholder in the translation is not one of the English text's`);
    if (missing.length) problems.push(`${where}: the translation leaves out ${missing.map((i) => `\${${m.exprs[i]}}`).join(', ')}`);
    const source = flat(parseContent(unit.source, m.exprs));
    const hasWords = /\p{L}/u.test(m.pieces.join(''));
    if (hasWords && flat(target).trim() === source.trim() && !allowed[locale]?.[m.id]) {
      problems.push(`${where}: the translation is the English text (translate it, or list it in xliff/same-as-english.json with why)`);
      continue;
    }
    done++;
  }
  const module = modulePath(locale);
  if (!existsSync(module) || readFileSync(module, 'utf8') !== moduleSource(locale, messages)) {
    problems.push(`${locale}: src/generated/locales/${locale}.ts is out of date (run npm run i18n:build)`);
  }
  console.log(`  ${locale.padEnd(8)} ${done}/${messages.size} translated`);
}

if (!existsSync(loadersPath) || readFileSync(loadersPath, 'utf8') !== loadersSource()) {
  problems.push('src/generated/locale-loaders.ts does not list the languages of lit-localize.json (run npm run i18n:build)');
}

if (problems.length) {
  console.error(`\nTranslation check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`Translations complete: ${messages.size} messages in ${targetLocales.length} languages.`);
