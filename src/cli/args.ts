/**
 * Command-line arguments of `turnout-feed`: a command, positional inputs and `--options`. Small on purpose: the
 * tool has two commands and a dozen options, and a dependency would be bigger than this file.
 */
import { CliError, EXIT } from './errors.js';

export interface OptionSpec {
  /** Takes a value (`--out dir`, `--out=dir`); otherwise a flag. */
  value?: boolean;
  /** May be given several times (values collected in order). */
  repeat?: boolean;
}

export interface Parsed {
  command?: string;
  positionals: string[];
  options: Map<string, string[]>;
}

/** Reads argv (without `node` and the script). Unknown options are a usage error naming the option. */
export function parseArgs(argv: readonly string[], specs: Record<string, OptionSpec>): Parsed {
  const parsed: Parsed = { positionals: [], options: new Map() };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      if (parsed.command === undefined) parsed.command = arg;
      else parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^-{1,2}/, '');
    const key = name === 'h' ? 'help' : name === 'V' ? 'version' : name;
    const spec = specs[key];
    if (!spec) throw new CliError(EXIT.usage, `Unknown option ${arg.slice(0, eq > 0 ? eq : undefined)}.`, 'Run turnout-feed --help for the list.');
    let value = 'true';
    if (spec.value) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !(argv[i + 1].startsWith('--') && argv[i + 1].length > 2)) value = argv[++i];
      else throw new CliError(EXIT.usage, `Option --${key} needs a value.`, 'Run turnout-feed --help for the list.');
    } else if (eq > 0) {
      throw new CliError(EXIT.usage, `Option --${key} takes no value.`);
    }
    const values = parsed.options.get(key) ?? [];
    if (values.length && !spec.repeat) throw new CliError(EXIT.usage, `Option --${key} is given twice.`);
    values.push(value);
    parsed.options.set(key, values);
  }
  return parsed;
}

export function flag(parsed: Parsed, name: string): boolean {
  return parsed.options.has(name);
}

export function option(parsed: Parsed, name: string): string | undefined {
  return parsed.options.get(name)?.[0];
}

/** A whole number option within bounds, or the default. */
export function intOption(parsed: Parsed, name: string, fallback: number, min: number, max: number): number {
  const raw = option(parsed, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(EXIT.usage, `--${name} should be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return n;
}
