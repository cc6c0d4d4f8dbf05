import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCodes, PierError, messageOf, writeFileAtomic } from '@pier/plugin-api';

/**
 * Third-party plugins live under `<root>/plugins`: an npm prefix of their own (package.json,
 * node_modules, the installed tarballs) plus `registry.json`, the list of installed plugins.
 * The registry is the source of truth: only plugins it lists are loaded, and every state change
 * (install, uninstall, enable, disable) commits by rewriting it atomically.
 */
export interface InstalledPlugin {
  /** The npm package name. */
  name: string;
  version: string;
  kind: 'scheduler' | 'plugin';
  /** For schedulers: the name `scheduler:set <app> selected` takes. */
  scheduler?: string;
  apiVersion: number;
  /** The manifest's factory export (recorded so loading can skip re-validating an unchanged manifest). */
  factory?: string;
  description?: string;
  enabled: boolean;
  /** What the user installed from: an npm spec, or the absolute path of a tarball or folder. */
  source: string;
  /** The tarball npm installed from, relative to the plugins directory. */
  tarball: string;
  installedAt: string;
}

interface RegistryFile {
  version: 1;
  plugins: InstalledPlugin[];
}

export const pluginsDir = (root: string) => join(root, 'plugins');
export const registryPath = (root: string) => join(pluginsDir(root), 'registry.json');

function corrupt(root: string, detail: string): PierError {
  return new PierError(ErrorCodes.PLUGIN_INSTALL, `The plugin registry ${registryPath(root)} is corrupt (${detail}); fix or remove it`);
}

function isInstalledPlugin(value: unknown): value is InstalledPlugin {
  const p = value as Partial<InstalledPlugin> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.name === 'string' &&
    typeof p.version === 'string' &&
    (p.kind === 'scheduler' || p.kind === 'plugin') &&
    typeof p.apiVersion === 'number' &&
    typeof p.enabled === 'boolean' &&
    typeof p.tarball === 'string'
  );
}

/** The installed plugins, sorted by name; none when nothing was ever installed. Checked by hand: no zod at start-up. */
export async function readRegistry(root: string): Promise<InstalledPlugin[]> {
  let text: string;
  try {
    text = await readFile(registryPath(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw corrupt(root, messageOf(error));
  }
  let data: Partial<RegistryFile>;
  try {
    data = JSON.parse(text) as Partial<RegistryFile>;
  } catch (error) {
    throw corrupt(root, messageOf(error));
  }
  if (data.version !== 1 || !Array.isArray(data.plugins) || !data.plugins.every(isInstalledPlugin)) {
    throw corrupt(root, 'unexpected content');
  }
  return data.plugins;
}

export async function writeRegistry(root: string, plugins: readonly InstalledPlugin[]): Promise<void> {
  const sorted = [...plugins].sort((a, b) => a.name.localeCompare(b.name));
  const file: RegistryFile = { version: 1, plugins: sorted };
  await writeFileAtomic(registryPath(root), `${JSON.stringify(file, null, 2)}\n`);
}
