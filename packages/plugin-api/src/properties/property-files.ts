import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCodes, PierError } from '../errors/index.js';
import { PROPERTY_KEY_PATTERN, PROPERTY_PLUGIN_PATTERN, PROPERTY_SCOPE_PATTERN } from '../triggers/property.js';

/**
 * Dokku's on-disk layout of properties, `<root>/config/<plugin>/<scope>/<key>`: one file per
 * value, no trailing newline, absent or empty = unset. The CLI's property store keeps them so
 * (core-properties); it is part of the contract because a process that runs without a bus — a
 * scheduler's detached background job — can only read a setting from there.
 *
 * Every segment is checked here, not only by the trigger schemas: trusted callers skip schema
 * validation, and a name like `../x` must never reach the file system.
 */
export function propertyDir(root: string, plugin: string, scope: string): string {
  check('plugin', plugin, PROPERTY_PLUGIN_PATTERN);
  check('app', scope, PROPERTY_SCOPE_PATTERN);
  return join(root, 'config', plugin, scope);
}

export function propertyFile(root: string, plugin: string, scope: string, key: string): string {
  check('property', key, PROPERTY_KEY_PATTERN);
  return join(propertyDir(root, plugin, scope), key);
}

export function configRoot(root: string): string {
  return join(root, 'config');
}

function check(what: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value) || value.includes('..')) {
    throw new PierError(ErrorCodes.PROPERTY_INVALID, `Invalid ${what} name for a property: "${value}"`);
  }
}

/**
 * A property as the CLI's store keeps it, for code that runs without a bus (a detached job).
 * undefined when unset, or when the properties are not kept in files (an embedded host's are
 * in memory): callers fall back to the value they were given.
 */
export async function readPropertyFile(root: string, plugin: string, scope: string, key: string): Promise<string | undefined> {
  try {
    const value = await readFile(propertyFile(root, plugin, scope, key), 'utf8');
    return value === '' ? undefined : value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
