import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, PierError, checkPluginName, isPierError, messageOf, parsePluginManifest, type PierPlugin, type PluginManifest } from '@pier/plugin-api';
import { instantiate } from '../plugin-loader.js';
import { knownManifest } from './known-manifest.js';
import { packageEntry } from './package-entry.js';
import { pluginsDir, type InstalledPlugin } from './plugin-registry.js';

export const installedPackageDir = (root: string, name: string) => join(pluginsDir(root), 'node_modules', ...name.split('/'));

export interface InstalledCode {
  plugin: PierPlugin;
  manifest: PluginManifest;
  version: string;
}

export interface LoadOptions {
  /** The registry entry: an unchanged manifest it recorded is not validated again. */
  entry?: InstalledPlugin;
  /** Forces a fresh import of the entry module (a reinstall checked in the same process). */
  cacheKey?: string;
}

/**
 * Loads an installed third-party plugin: its package.json manifest is checked (schema and API
 * version) before any of its code is imported, then its factory builds the plugin. Every failure
 * is a PierError whose message names the package.
 */
export async function loadInstalledPlugin(root: string, name: string, { entry: recorded, cacheKey }: LoadOptions = {}): Promise<InstalledCode> {
  const dir = installedPackageDir(root, name);
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${name} is missing from ${pluginsDir(root)} (${messageOf(error)}); reinstall it with plugin:install`);
  }
  if (pkg.name !== name) {
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${dir} holds ${String(pkg.name)}, not ${name}; reinstall it with plugin:install`);
  }
  const manifest = (recorded && knownManifest(pkg.pier, recorded)) ?? (await parsePluginManifest(name, pkg.pier));
  const entry = packageEntry(dir, pkg);
  if (entry === undefined) throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${name} has no entry point an import can load (check "exports")`);

  let code: Record<string, unknown>;
  try {
    const url = pathToFileURL(entry);
    if (cacheKey !== undefined) url.search = `pier-check=${encodeURIComponent(cacheKey)}`;
    code = (await import(url.href)) as Record<string, unknown>;
  } catch (error) {
    throw new PierError(ErrorCodes.PLUGIN, `${name} failed while loading: ${messageOf(error)}`, { cause: error });
  }
  let plugin: PierPlugin;
  try {
    plugin = instantiate(name, code, manifest.factory);
  } catch (error) {
    if (isPierError(error)) throw error;
    throw new PierError(ErrorCodes.PLUGIN, `${name}: ${manifest.factory}() threw: ${messageOf(error)}`, { cause: error });
  }
  checkPluginName(name, manifest, plugin.name);
  return { plugin, manifest, version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
}
