import { parseArgs } from 'node:util';
import { normalizeFlags } from './pflag-args.js';

/** A flag declaration: `{ type: 'boolean' }`, `{ type: 'string', short: 'n', multiple: true }`. */
export interface FlagSpec {
  type: 'boolean' | 'string';
  short?: string;
  multiple?: boolean;
}

type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean'
  ? S['multiple'] extends true
    ? boolean[]
    : boolean
  : S['multiple'] extends true
    ? string[]
    : string;

export interface ParsedCommandArgs<O extends Record<string, FlagSpec>> {
  values: { [K in keyof O]?: FlagValue<O[K]> };
  positionals: string[];
}

/**
 * Flags accepted anywhere among the arguments, read and reported like Dokku's pflag (see
 * normalizeFlags: `unknown flag: --colour`, `unknown shorthand flag: 'l' in -l`, `flag needs an
 * argument: --format`), then parsed with `node:util` parseArgs. A literal `--` ends the flags.
 */
export function parseCommandArgs<const O extends Record<string, FlagSpec>>(
  args: readonly string[],
  options: O,
): ParsedCommandArgs<O> {
  const parsed = parseArgs({ args: normalizeFlags(args, options), options, allowPositionals: true, strict: true });
  return { values: parsed.values as ParsedCommandArgs<O>['values'], positionals: parsed.positionals };
}
