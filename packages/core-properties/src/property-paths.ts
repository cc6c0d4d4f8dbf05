import { join } from 'node:path';
import {
  ErrorCodes,
  PierError,
  PROPERTY_KEY_PATTERN,
  PROPERTY_PLUGIN_PATTERN,
  PROPERTY_SCOPE_PATTERN,
} from '@pier/plugin-api';

/**
 * Maps (plugin, scope, key) to Dokku's layout `<root>/config/<plugin>/<scope>/<key>`. Every segment
 * is checked here, not only by the trigger schemas: trusted callers skip schema validation, and a
 * name like `../x` must never reach the file system.
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
