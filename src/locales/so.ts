/**
 * Somali dates and numbers: browsers' Intl has no Somali data (it would write English). English patterns fit
 * Somali's ("Jimco, Jannaayo 30, 2026"), with Somali words. Names as in CLDR's Somali data; to be reviewed by a
 * native speaker like the translations.
 */
import { makeIntlShim } from '../shared/intl-fallback.js';

export const intl = makeIntlShim({
  donor: 'en',
  months: ['Jannaayo', 'Febraayo', 'Maarso', 'Abriil', 'May', 'Juun', 'Luuliyo', 'Ogost', 'Sebtembar', 'Oktoobar', 'Nofembar', 'Desembar'],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Luul', 'Ogs', 'Seb', 'Okt', 'Nof', 'Dis'],
  days: ['Axad', 'Isniin', 'Talaado', 'Arbaco', 'Khamiis', 'Jimco', 'Sabti'],
  daysShort: ['Axd', 'Isn', 'Tldo', 'Arbc', 'Khms', 'Jmc', 'Sbti'],
  periods: ['GH', 'GD'],
  literals: { ' at ': ', ' },
  offsetZones: true,
  units: {
    day: ['maalin', 'maalmood', 'm'],
    hour: ['saac', 'saacadood', 's'],
    minute: ['daqiiqad', 'daqiiqadood', 'daq'],
    second: ['ilbiriqsi', 'ilbiriqsi', 'ilb'],
    kilometer: ['kiilomitir', 'kiilomitir'],
    mile: ['mayl', 'mayl'],
  },
});
