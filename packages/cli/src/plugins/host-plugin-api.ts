import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** This pier's own @pier/plugin-api: what every third-party plugin gets as its peer. */
export interface HostPluginApi {
  /** The package folder (symlinks resolved), linked into the plugins prefix. */
  dir: string;
  version: string;
  /** Its own dependencies (zod, eventemitter3): names a plugin package must not take. */
  dependencies: string[];
}

/**
 * The @pier/plugin-api the CLI itself resolves. Plugins must import this copy: one from the npm
 * registry could be another version than the host's (or, offline, not be there at all), and
 * only the same copy shares the host's error classes and trigger tokens.
 */
export function hostPluginApi(): HostPluginApi {
  const manifest = createRequire(import.meta.url).resolve('@pier/plugin-api/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; dependencies?: Record<string, string> };
  return { dir: realpathSync(dirname(manifest)), version: pkg.version, dependencies: Object.keys(pkg.dependencies ?? {}) };
}
