import type { PluginManagerContext } from './plugin-manager-context.js';
import { withPluginLock } from './plugin-lock.js';
import { readRegistry, writeRegistry, type InstalledPlugin } from './plugin-registry.js';
import { trialLoad } from './trial-load.js';
import { findInstalled } from './uninstall-plugin.js';

/**
 * `plugin:enable` / `plugin:disable`: one atomic registry write; a disabled plugin stays installed
 * but is not loaded. A plugin is enabled only if it loads (same check as install).
 */
export async function setPluginEnabled(
  ctx: PluginManagerContext,
  name: string | undefined,
  enabled: boolean,
): Promise<{ entry: InstalledPlugin; changed: boolean }> {
  return withPluginLock(ctx.root, async () => {
    const installed = await readRegistry(ctx.root);
    const entry = findInstalled(ctx, installed, name);
    if (entry.enabled === enabled) return { entry, changed: false };
    if (enabled) await trialLoad(ctx, entry.name);
    const updated = { ...entry, enabled };
    await writeRegistry(
      ctx.root,
      installed.map((p) => (p === entry ? updated : p)),
    );
    return { entry: updated, changed: true };
  });
}
