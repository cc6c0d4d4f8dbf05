import { UsageError } from '../errors/index.js';
import type { FlagSpec } from './parse-command-args.js';

const TRUE = ['1', 't', 'T', 'true', 'TRUE', 'True'];
const FALSE = ['0', 'f', 'F', 'false', 'FALSE', 'False'];

/**
 * Reads flags the way Dokku's Go commands do (spf13/pflag), with its error messages, and rewrites
 * them into a form `node:util` parseArgs cannot misread: `--name value` and `-n value` become
 * `--name=value`, short groups (`-tq`) are split, `--flag=true|false` is resolved. A literal `--`
 * ends the flags.
 *
 * One deliberate departure: pflag takes the next argument as a flag's value even when it is
 * another flag (`--parallel --all`); here a value may start with `-` (`-1`) but not with `--`.
 */
export function normalizeFlags(args: readonly string[], options: Readonly<Record<string, FlagSpec>>): string[] {
  const byShort = new Map(Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
  const out: string[] = [];
  const valueAfter = (i: number) => {
    const next = args[i + 1];
    return next === undefined || next.startsWith('--') ? undefined : next;
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = options[name];
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      if (spec.type === 'boolean') {
        if (eq === -1 || parseBool(name, arg.slice(eq + 1))) out.push(`--${name}`);
      } else if (eq !== -1) {
        out.push(arg);
      } else {
        const value = valueAfter(i);
        if (value === undefined) throw new UsageError(`flag needs an argument: --${name}`);
        out.push(`--${name}=${value}`);
        i++;
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      i += shortGroup(arg, options, byShort, out, valueAfter(i));
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** `-tq`, `-n5`, `-n 5`: pushes the long forms; returns 1 when the next argument was the value. */
function shortGroup(
  arg: string,
  options: Readonly<Record<string, FlagSpec>>,
  byShort: ReadonlyMap<string, string>,
  out: string[],
  next: string | undefined,
): number {
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j]!;
    const name = byShort.get(letter);
    if (name === undefined) throw new UsageError(`unknown shorthand flag: '${letter}' in ${arg}`);
    if (options[name]!.type === 'boolean') {
      out.push(`--${name}`);
      continue;
    }
    const inline = arg.slice(j + 1).replace(/^=/, '');
    if (inline !== '') {
      out.push(`--${name}=${inline}`);
      return 0;
    }
    if (next === undefined) throw new UsageError(`flag needs an argument: '${letter}' in -${letter}`);
    out.push(`--${name}=${next}`);
    return 1;
  }
  return 0;
}

/** pflag's boolean values (Go's strconv.ParseBool). */
function parseBool(name: string, value: string): boolean {
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new UsageError(`invalid argument "${value}" for "--${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
}
