import { cp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { configRoot, propertyDir, propertyFile, readPropertyFile, writeFileAtomic } from '@pier/plugin-api';

/** Dokku's property semantics on disk: raw values, no trailing newline, empty = absent. */
export interface PropertyStore {
  /** The raw value, or undefined when the property is unset. */
  get(plugin: string, scope: string, key: string): Promise<string | undefined>;
  /** Writes a value; an empty value deletes the property. */
  set(plugin: string, scope: string, key: string, value: string): Promise<void>;
  getAll(plugin: string, scope: string): Promise<Record<string, string>>;
  /** Copies every plugin's properties of one app to another (apps:clone, apps:rename). */
  cloneScope(from: string, to: string): Promise<void>;
  /** Removes every plugin's properties of one app (apps:destroy). */
  destroyScope(scope: string): Promise<void>;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function listOptional(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

export function createPropertyStore(root: string): PropertyStore {
  async function pluginsWithScope(scope: string): Promise<string[]> {
    const plugins = await listOptional(configRoot(root));
    const found: string[] = [];
    for (const plugin of plugins) {
      const dir = join(configRoot(root), plugin, scope);
      if (await stat(dir).then((s) => s.isDirectory(), () => false)) found.push(plugin);
    }
    return found;
  }

  return {
    get: (plugin, scope, key) => readPropertyFile(root, plugin, scope, key),

    async set(plugin, scope, key, value) {
      const path = propertyFile(root, plugin, scope, key);
      if (value === '') await rm(path, { force: true });
      else await writeFileAtomic(path, value);
    },

    async getAll(plugin, scope) {
      const dir = propertyDir(root, plugin, scope);
      const entries: Record<string, string> = {};
      for (const key of (await listOptional(dir)).sort()) {
        if (key.startsWith('.')) continue; // temporary files of in-flight writes
        const value = await readOptional(join(dir, key));
        if (value) entries[key] = value;
      }
      return entries;
    },

    async cloneScope(from, to) {
      for (const plugin of await pluginsWithScope(from)) {
        await cp(propertyDir(root, plugin, from), propertyDir(root, plugin, to), {
          recursive: true,
          filter: (source) => !source.split('/').pop()?.startsWith('.'),
        });
      }
    },

    async destroyScope(scope) {
      for (const plugin of await pluginsWithScope(scope)) {
        await rm(propertyDir(root, plugin, scope), { recursive: true, force: true });
      }
    },
  };
}
