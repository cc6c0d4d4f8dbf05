import { GLOBAL_SCOPE } from '../apps/app-name.js';
import { verifyApp } from '../apps/verify-app.js';
import { parseCommandArgs } from '../commands/parse-command-args.js';
import { ErrorCodes, PierError, UsageError } from '../errors/index.js';
import type { PluginContext } from '../plugin/define-plugin.js';
import type { PropertySet } from './define-properties.js';
import { propertyClient } from './property-client.js';

export interface PropertySetOptions {
  /**
   * Which of Dokku's two `*:set` flows to follow. `go` (CommandPropertySet: scheduler:set, ps:set)
   * checks the app, then whether the property may be set with `--global` (an empty one may not),
   * then that it is given and known, and says "property". `bash` (scheduler-docker-local:set,
   * checks:set) checks the app, then that the key is given and known, and says "key"; a key that
   * cannot be global is refused only after that. Defaults to `bash` when `noun` is `key`.
   */
  dialect?: PropertySetDialect;
  /** The word in messages; defaults to the dialect's ("property" for go, "key" for bash). */
  noun?: 'property' | 'key';
  /** Extra check of a non-empty value, run after the generic checks and before anything is written. */
  validateValue?: (key: string, value: string) => Promise<void> | void;
}

export interface ParsedPropertySetArgs {
  global: boolean;
  app: string;
  key: string;
  value: string;
}

export type PropertySetDialect = 'go' | 'bash';

/**
 * `[<app>|--global] <key> [<value>]`. Go commands read it with pflag: `--global` anywhere, other
 * flags refused (`-l` too), a value starting with `-` only after `--`. Dokku's bash commands read
 * plain positionals, so there `-1` is a value; Pier still takes `--global` anywhere and refuses
 * unknown `--flags` in both.
 */
export function parsePropertySetArgs(args: readonly string[], dialect: PropertySetDialect = 'go'): ParsedPropertySetArgs {
  const { global, positionals } = dialect === 'go' ? goArgs(args) : bashArgs(args);
  if (global) return { global, app: GLOBAL_SCOPE, key: positionals[0] ?? '', value: positionals[1] ?? '' };
  return { global, app: positionals[0] ?? '', key: positionals[1] ?? '', value: positionals[2] ?? '' };
}

function goArgs(args: readonly string[]): { global: boolean; positionals: string[] } {
  const { values, positionals } = parseCommandArgs(args, { global: { type: 'boolean' } });
  return { global: values.global ?? false, positionals };
}

function bashArgs(args: readonly string[]): { global: boolean; positionals: string[] } {
  const end = args.indexOf('--');
  const flagged = end === -1 ? args : args.slice(0, end);
  const positionals = flagged.filter((arg) => !arg.startsWith('--'));
  for (const arg of flagged) if (arg.startsWith('--') && arg !== '--global') throw new UsageError(`unknown flag: ${arg}`);
  return { global: flagged.includes('--global'), positionals: end === -1 ? positionals : [...positionals, ...args.slice(end + 1)] };
}

/**
 * The generic `<plugin>:set` flow, in Dokku's messages and order of checks (see
 * `PropertySetOptions.dialect`), then the write: an empty value unsets.
 */
export async function runPropertySetCommand<K extends string>(
  context: PluginContext,
  properties: PropertySet<K>,
  args: readonly string[],
  options: PropertySetOptions = {},
): Promise<void> {
  const dialect = options.dialect ?? (options.noun === 'key' ? 'bash' : 'go');
  const noun = options.noun ?? (dialect === 'bash' ? 'key' : 'property');
  const { global, app, key, value } = parsePropertySetArgs(args, dialect);
  if (!global) await verifyApp(context.bus, app);
  const invalid = (message: string) => new PierError(ErrorCodes.PROPERTY_INVALID, message);
  const checkGlobal = () => {
    if (global && !properties.globalKeys.includes(key as K)) {
      throw invalid(`${noun === 'key' ? 'Key' : 'Property'} cannot be specified globally`);
    }
  };
  if (dialect === 'go') checkGlobal();
  if (key === '') throw invalid(`No ${noun} specified`);
  if (!properties.keys.includes(key as K)) {
    const plural = noun === 'key' ? 'keys' : 'properties';
    throw invalid(`Invalid ${noun} specified, valid ${plural} include: ${properties.keys.join(', ')}`);
  }
  if (dialect === 'bash') checkGlobal();
  if (value !== '') await options.validateValue?.(key, value);

  const client = propertyClient(context.bus, properties);
  if (value !== '') context.log.info2Quiet(`Setting ${key} to ${value}`);
  else context.log.info2Quiet(`Unsetting ${key}`);
  await client.set(app, key as K, value);
}
