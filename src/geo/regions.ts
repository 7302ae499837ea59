/**
 * Name matching for place search: normalization (case, accents, punctuation, "St." = "Saint"), US state codes and
 * names, and the country names a visitor may type after a place ("Manchester, UK"). Small on purpose: it sits in
 * the map's entry so that places from the feed itself are found without loading anything.
 */

const US_STATE_NAMES =
  'AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|' +
  'DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|' +
  'KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|' +
  'MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|' +
  'NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|' +
  'SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|' +
  'WV West Virginia|WI Wisconsin|WY Wyoming|PR Puerto Rico|GU Guam|VI Virgin Islands|AS American Samoa|' +
  'MP Northern Mariana Islands';

// Words with a common short form in place names.
const SHORT: Record<string, string> = { st: 'saint', ste: 'sainte', ft: 'fort', mt: 'mount', pt: 'point' };

/** Lower case, no accents or punctuation, single spaces, "st"/"ft"/"mt" spelled out. */
export function normalizeName(text: string): string {
  return (typeof text === 'string' ? text : '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((w) => SHORT[w] ?? w)
    .join(' ');
}

let states: Map<string, string> | undefined;
function stateTable(): Map<string, string> {
  if (!states) {
    states = new Map();
    for (const entry of US_STATE_NAMES.split('|')) {
      const code = entry.slice(0, 2);
      states.set(code.toLowerCase(), code);
      states.set(normalizeName(entry.slice(3)), code);
    }
    states.set('washington dc', 'DC');
    states.set('dc', 'DC');
    states.set('us virgin islands', 'VI');
  }
  return states;
}

/** The two-letter code of a US state or territory given by code or name, else undefined. */
export function usStateCode(text: string | undefined): string | undefined {
  return text ? stateTable().get(normalizeName(text)) : undefined;
}

const COUNTRIES: Record<string, 'US' | 'GB'> = {
  us: 'US', usa: 'US', 'united states': 'US', 'united states of america': 'US', america: 'US',
  gb: 'GB', uk: 'GB', 'united kingdom': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB',
  scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
};

/**
 * 'US' or 'GB' for the names and codes of those countries, the upper-cased code for any other two-letter code,
 * the normalized text for other names, undefined for nothing.
 */
export function countryCode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const n = normalizeName(text);
  return COUNTRIES[n] ?? (/^[a-z]{2}$/.test(n) ? n.toUpperCase() : n || undefined);
}

/** True when `qualifier` (what followed a comma) fits a place in `region` of `country`. */
export function qualifierMatches(qualifier: string, region: string | undefined, country: string | undefined): boolean {
  const q = normalizeName(qualifier);
  if (!q) return true;
  const c = countryCode(country);
  const qc = COUNTRIES[q];
  if (qc) return !c || c === qc || (qc === 'US' && !!usStateCode(region));
  const state = usStateCode(q);
  if (state && (c === undefined || c === 'US')) return usStateCode(region) === state;
  return (!!region && normalizeName(region) === q) || (!!country && normalizeName(country) === q);
}

/** True when the text is a US state, a US territory or a country name Turnout knows. */
export function isRegionName(text: string): boolean {
  const n = normalizeName(text);
  return !!COUNTRIES[n] || !!usStateCode(n);
}

/**
 * Ways to read a place query, most literal first: "Chicago, IL" -> name "Chicago" + qualifiers ["IL"];
 * "Chicago IL" -> the whole text, then name "Chicago" + ["IL"] (a trailing state or country name).
 */
export function readPlaceQuery(query: string): { name: string; qualifiers: string[] }[] {
  const parts = query
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return [];
  const out = [{ name: parts[0], qualifiers: parts.slice(1) }];
  if (parts.length === 1) {
    const words = parts[0].split(/\s+/);
    for (let k = 1; k <= 3 && k < words.length; k++) {
      const tail = words.slice(-k).join(' ');
      if (isRegionName(tail)) out.push({ name: words.slice(0, -k).join(' '), qualifiers: [tail] });
    }
  }
  return out;
}
