import { parseArgs } from 'node:util';
import { UsageError } from '../errors/index.js';

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
 * `node:util` parseArgs with flags accepted anywhere (like Dokku's pflag) and its errors turned
 * into one-line usage errors, e.g. `unknown flag: --colour`. A literal `--` ends the flags.
 */
export function parseCommandArgs<const O extends Record<string, FlagSpec>>(
  args: readonly string[],
  options: O,
): ParsedCommandArgs<O> {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedCommandArgs<O>['values'], positionals: parsed.positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`unknown flag: ${/'([^']+)'/.exec(message)?.[1] ?? message}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`flag ${/--[\w-]+/.exec(message)?.[0] ?? message} needs a value`);
    }
    throw error;
  }
}
