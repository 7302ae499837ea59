/**
 * A small JSON Schema (2020-12) checker for the keywords schema/turnout-feed.schema.json uses: $ref to #/$defs,
 * type, required, properties, items, enum, pattern, maxLength, minimum/maximum, anyOf, oneOf. It adds what the
 * feed parser forgives (a status word outside the list, a value of the wrong type in an optional field) and names
 * fields the schema does not know, with the closest known name ("strat" -> "start").
 */
type Schema = Record<string, unknown>;
type Path = (string | number)[];

export interface SchemaIssue {
  path: Path;
  message: string;
  /** A field the schema does not define (readers ignore it): worth a note, not a warning. */
  unknown?: boolean;
}

export function checkSchema(schema: Schema, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, schema, value, [], issues);
  return issues;
}

function resolve(root: Schema, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    const ref = s.$ref as string;
    if (!ref.startsWith('#/')) break;
    let target: unknown = root;
    for (const key of ref.slice(2).split('/')) target = (target as Schema | undefined)?.[key];
    if (!target || typeof target !== 'object') break;
    // Keywords next to a $ref (a description, a narrower example) apply too.
    const { $ref: _ignored, ...rest } = s;
    s = { ...(target as Schema), ...rest };
  }
  return s;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  return String(value);
}

function typeMatches(wanted: string, value: unknown): boolean {
  const actual = typeOf(value);
  return wanted === actual || (wanted === 'number' && actual === 'integer');
}

function check(root: Schema, schemaIn: Schema, value: unknown, path: Path, issues: SchemaIssue[]): void {
  const schema = resolve(root, schemaIn);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(t, value))) {
      issues.push({ path, message: `should be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, not ${describe(value)}` });
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => v === value)) {
    issues.push({ path, message: `${describe(value)} is not one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}` });
  }
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) {
      issues.push({ path, message: `is longer than ${schema.maxLength} characters` });
    }
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      const example = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
      issues.push({
        path,
        message: `${describe(value)} does not have the expected form${example === undefined ? '' : ` (like ${JSON.stringify(example)})`}`,
      });
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) issues.push({ path, message: `${value} is below ${schema.minimum}` });
    if (typeof schema.maximum === 'number' && value > schema.maximum) issues.push({ path, message: `${value} is above ${schema.maximum}` });
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') {
    value.forEach((item, i) => check(root, schema.items as Schema, item, [...path, i], issues));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in obj)) issues.push({ path: [...path, key], message: 'is required but missing' });
    }
    const props = schema.properties as Record<string, Schema> | undefined;
    if (props) {
      for (const [key, v] of Object.entries(obj)) {
        const sub = props[key];
        if (sub) check(root, sub, v, [...path, key], issues);
        else if (!key.startsWith('$') && !key.startsWith('@')) {
          const near = closest(key, Object.keys(props));
          issues.push({
            path: [...path, key],
            message: `is not a field of this record, so readers ignore it${near ? ` (did you mean "${near}"?)` : ''}`,
            unknown: true,
          });
        }
      }
    }
  }
  for (const [keyword, needed] of [['anyOf', 'some'], ['oneOf', 'one']] as const) {
    const branches = schema[keyword] as Schema[] | undefined;
    if (!Array.isArray(branches)) continue;
    const results = branches.map((b) => {
      const found: SchemaIssue[] = [];
      check(root, b, value, path, found);
      return found.filter((i) => !i.unknown);
    });
    const passing = results.filter((r) => r.length === 0).length;
    if (needed === 'some' ? passing === 0 : passing !== 1) {
      // The branch that came closest says what is wrong (for "start or localDate": the missing one).
      const best = results.slice().sort((a, b) => a.length - b.length)[0];
      if (best?.length) issues.push(...best);
      else issues.push({ path, message: 'matches none of the allowed shapes' });
    }
  }
}

/** The known name within two edits of `name` (case-insensitive), if there is exactly one best. */
function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance (Damerau: a swap of neighbours counts as one). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
