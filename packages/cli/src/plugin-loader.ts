import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, PierError, PLUGIN_API_VERSION, isPierPlugin, type PierPlugin } from '@pier/plugin-api';

export interface LoadedPlugin {
  plugin: PierPlugin;
  packageName: string;
  version: string;
  trusted: boolean;
  /** The manifest fields plugin:list shows. */
  kind: 'scheduler' | 'plugin';
  scheduler?: string;
  apiVersion: number;
  description?: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  pier?: { apiVersion?: unknown; factory?: unknown; kind?: unknown; scheduler?: unknown; description?: unknown };
}

const require = createRequire(import.meta.url);

/**
 * Loads a built-in plugin by its manifest. Built-ins ship with this CLI, so the manifest is
 * checked by hand here (a zod check would cost start-up time on every command); third-party
 * manifests get the full schema check (see plugin-api parsePluginManifest).
 */
export async function loadBuiltinPlugin(packageName: string): Promise<LoadedPlugin> {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const pkg = JSON.parse(await readFile(manifestPath, 'utf8')) as PackageJson;
  const manifest = pkg.pier;
  if (manifest?.apiVersion !== PLUGIN_API_VERSION || typeof manifest.factory !== 'string') {
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `built-in plugin ${packageName} has an invalid "pier" manifest`);
  }
  const entry = (await import(pathToFileURL(require.resolve(packageName)).href)) as Record<string, unknown>;
  return {
    plugin: instantiate(packageName, entry, manifest.factory),
    packageName,
    version: pkg.version ?? '0.0.0',
    trusted: true,
    kind: manifest.kind === 'scheduler' ? 'scheduler' : 'plugin',
    ...(typeof manifest.scheduler === 'string' ? { scheduler: manifest.scheduler } : {}),
    apiVersion: PLUGIN_API_VERSION,
    ...(typeof manifest.description === 'string' ? { description: manifest.description } : {}),
  };
}

/** Calls the manifest's factory export and checks that it built a Pier plugin. */
export function instantiate(packageName: string, entry: Record<string, unknown>, factoryName: string): PierPlugin {
  const factory = entry[factoryName];
  if (typeof factory !== 'function') {
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${packageName} does not export the factory "${factoryName}" its manifest names`);
  }
  const plugin: unknown = factory();
  if (!isPierPlugin(plugin)) {
    throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${packageName}: ${factoryName}() did not return a Pier plugin (use definePlugin or defineScheduler)`);
  }
  return plugin;
}
