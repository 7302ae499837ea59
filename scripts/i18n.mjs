// Translations workflow (see docs/i18n.md).
//   node scripts/i18n.mjs extract   finds every msg() in src/, updates xliff/<locale>.xlf (new messages come without a
//                                   <target>; translations are kept), then writes the locale modules
//   node scripts/i18n.mjs build     writes src/generated/locales/<locale>.ts from the XLIFF files
// Re-run either at will: both only rewrite what the source and the XLIFF files say. The check in `npm test` is
// scripts/check-translations.mjs.
import { scanMessages, targetLocales, writeModules, writeXliff } from './lib/i18n.mjs';

const command = process.argv[2];
if (command !== 'extract' && command !== 'build') {
  console.error('Usage: node scripts/i18n.mjs extract|build');
  process.exit(2);
}
try {
  const messages = scanMessages();
  if (command === 'extract') {
    console.log(`${messages.size} messages in src/`);
    for (const locale of targetLocales) {
      const { added, review, removed } = writeXliff(locale, messages);
      const notes = [added && `${added} to translate`, review && `${review} to review (English changed)`, removed && `${removed} removed`];
      console.log(`  xliff/${locale}.xlf${notes.some(Boolean) ? `: ${notes.filter(Boolean).join(', ')}` : ''}`);
    }
  }
  writeModules(messages);
  console.log(`Locale modules written for ${targetLocales.join(', ')}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
