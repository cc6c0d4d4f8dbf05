import { GLOBAL_SCOPE } from '../apps/app-name.js';
import { verifyApp } from '../apps/verify-app.js';
import { ErrorCodes, PierError, UsageError } from '../errors/index.js';
import type { PluginContext } from '../plugin/define-plugin.js';
import type { PropertySet } from './define-properties.js';
import { propertyClient } from './property-client.js';

export interface PropertySetOptions {
  /** Dokku's Go commands say "property", its bash ones (scheduler-docker-local:set) say "key". */
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

/** `[<app>|--global] <key> [<value>]`, with `--global` accepted anywhere (Dokku uses pflag). */
export function parsePropertySetArgs(args: readonly string[]): ParsedPropertySetArgs {
  const positional: string[] = [];
  let global = false;
  for (const arg of args) {
    if (arg === '--global') global = true;
    else if (arg.startsWith('--') && arg.length > 2) throw new UsageError(`unknown flag: ${arg}`);
    else positional.push(arg);
  }
  if (global) return { global, app: GLOBAL_SCOPE, key: positional[0] ?? '', value: positional[1] ?? '' };
  return { global, app: positional[0] ?? '', key: positional[1] ?? '', value: positional[2] ?? '' };
}

/**
 * The generic `<plugin>:set` flow of Dokku's `CommandPropertySet`, with its messages and order of
 * checks: app, global permission, empty key, unknown key, then write (an empty value unsets).
 */
export async function runPropertySetCommand<K extends string>(
  context: PluginContext,
  properties: PropertySet<K>,
  args: readonly string[],
  options: PropertySetOptions = {},
): Promise<void> {
  const noun = options.noun ?? 'property';
  const { global, app, key, value } = parsePropertySetArgs(args);
  if (!global) await verifyApp(context.bus, app);
  const invalid = (message: string) => new PierError(ErrorCodes.PROPERTY_INVALID, message);
  if (global && !properties.globalKeys.includes(key as K)) {
    throw invalid(`${noun === 'key' ? 'Key' : 'Property'} cannot be specified globally`);
  }
  if (key === '') throw invalid(`No ${noun} specified`);
  if (!properties.keys.includes(key as K)) {
    const plural = noun === 'key' ? 'keys' : 'properties';
    throw invalid(`Invalid ${noun} specified, valid ${plural} include: ${properties.keys.join(', ')}`);
  }
  if (value !== '') await options.validateValue?.(key, value);

  const client = propertyClient(context.bus, properties);
  if (value !== '') context.log.info2Quiet(`Setting ${key} to ${value}`);
  else context.log.info2Quiet(`Unsetting ${key}`);
  await client.set(app, key as K, value);
}
