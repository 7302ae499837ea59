/**
 * Haitian Creole dates and numbers: browsers' Intl has no Haitian Creole data (it would write English). French
 * patterns fit ("vandredi 30 janvye 2026", 24-hour clock, "1 234,5"), with Creole words. To be reviewed by a native
 * speaker like the translations.
 */
import { makeIntlShim } from '../shared/intl-fallback.js';

export const intl = makeIntlShim({
  donor: 'fr',
  months: ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'],
  monthsShort: ['jan', 'fev', 'mas', 'avr', 'me', 'jen', 'jiy', 'out', 'sept', 'okt', 'nov', 'des'],
  days: ['dimanch', 'lendi', 'madi', 'mèkredi', 'jedi', 'vandredi', 'samdi'],
  daysShort: ['dim', 'len', 'mad', 'mèk', 'jed', 'van', 'sam'],
  literals: { ' à ': ' a ' },
  units: {
    day: ['jou', 'jou'],
    hour: ['èdtan', 'èdtan'],
    minute: ['minit', 'minit'],
    second: ['segonn', 'segonn'],
    kilometer: ['kilomèt', 'kilomèt'],
    mile: ['mil', 'mil'],
  },
});
