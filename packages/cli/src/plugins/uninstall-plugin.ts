import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCodes, PierError, messageOf } from '@pier/plugin-api';
import type { PluginManagerContext } from './plugin-manager-context.js';
import { withPluginLock } from './plugin-lock.js';
import { pluginsDir, readRegistry, writeRegistry, type InstalledPlugin } from './plugin-registry.js';

/** The registry entry of an installed third-party plugin, or a clear error. */
export function findInstalled(ctx: PluginManagerContext, plugins: InstalledPlugin[], name: string | undefined): InstalledPlugin {
  if (!name) throw new PierError(ErrorCodes.USAGE, 'Please specify a plugin name');
  if (ctx.builtins.some((b) => b.name === name)) {
    throw new PierError(ErrorCodes.USAGE, `${name} is built into pier and cannot be changed with plugin commands`);
  }
  const found = plugins.find((p) => p.name === name);
  if (!found) throw new PierError(ErrorCodes.PLUGIN_INSTALL, `Plugin ${name} is not installed`);
  return found;
}

/**
 * `plugin:uninstall <name>`. The registry is rewritten first (from then on the plugin is no longer
 * loaded); removing its files from the prefix is clean-up, and a failure there is reported
 * without undoing the uninstall.
 */
export async function uninstallPlugin(ctx: PluginManagerContext, name: string | undefined): Promise<InstalledPlugin> {
  return withPluginLock(ctx.root, async () => {
    const installed = await readRegistry(ctx.root);
    const entry = findInstalled(ctx, installed, name);
    ctx.log.info1(`Uninstalling ${entry.name}`);
    await writeRegistry(
      ctx.root,
      installed.filter((p) => p !== entry),
    );
    const dir = pluginsDir(ctx.root);
    try {
      await ctx.npm.uninstall(dir, entry.name);
      await rm(join(dir, entry.tarball), { force: true });
    } catch (error) {
      ctx.log.warn(`${entry.name} is uninstalled, but its files could not be removed: ${messageOf(error)}`);
    }
    return entry;
  });
}
