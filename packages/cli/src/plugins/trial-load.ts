import { ErrorCodes, PierError, isPierError, messageOf } from '@pier/plugin-api';
import { loadInstalledPlugin } from './load-installed-plugin.js';
import type { PluginManagerContext } from './plugin-manager-context.js';
import { registerInstalled } from './register-installed.js';

/**
 * Loads an installed plugin the way the next invocation will (manifest and API version check,
 * import, factory, an untrusted registration next to everything already loaded, the schedulers it
 * registered against its manifest) and takes it off the bus again. A version of it loaded by this invocation is taken off first, so a reinstall is
 * not refused as a duplicate of itself.
 */
export async function trialLoad(ctx: PluginManagerContext, name: string, cacheKey?: string): Promise<void> {
  ctx.installed.plugins.find((p) => p.name === name)?.unregister?.();
  const code = await loadInstalledPlugin(ctx.root, name, cacheKey === undefined ? {} : { cacheKey });
  let unregister: () => void;
  try {
    unregister = await registerInstalled(name, code, ctx.bus, ctx.pluginContext);
  } catch (error) {
    if (isPierError(error)) throw error;
    throw new PierError(ErrorCodes.PLUGIN, `${name} failed to register: ${messageOf(error)}`, { cause: error });
  }
  unregister();
}
