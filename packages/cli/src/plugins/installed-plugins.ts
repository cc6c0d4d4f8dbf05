import { messageOf, type Output, type PluginContext, type TriggerBus } from '@pier/plugin-api';
import { loadInstalledPlugin } from './load-installed-plugin.js';
import { readRegistry, type InstalledPlugin } from './plugin-registry.js';
import { registerInstalled } from './register-installed.js';

/** An installed plugin as this invocation found it. */
export interface InstalledPluginState extends InstalledPlugin {
  state: 'loaded' | 'disabled' | 'broken';
  /** Why a broken plugin was skipped (one line). */
  error?: string;
  /** Takes a loaded plugin's taps off the bus (a reinstall checks the new version in its place). */
  unregister?: () => void;
}

export interface InstalledPlugins {
  plugins: InstalledPluginState[];
  /** Set when the registry could not be read; no third-party plugin was loaded then. */
  registryError?: string;
}

const firstLine = (text: string) => text.split('\n', 1)[0] ?? '';

/**
 * Loads every enabled third-party plugin, untrusted: its traffic is validated against the trigger
 * schemas. A plugin that fails (bad manifest, wrong API version, import error, a factory or a
 * register that throws, a name another plugin already handles, a scheduler its manifest does not
 * name) is reported on one line, naming
 * it, and skipped with none of its taps left behind; the command goes on without it.
 */
export async function loadInstalledPlugins(
  bus: TriggerBus,
  context: Omit<PluginContext, 'bus'>,
  log: Output = context.log,
): Promise<InstalledPlugins> {
  let registry: InstalledPlugin[];
  try {
    registry = await readRegistry(context.root);
  } catch (error) {
    const message = messageOf(error);
    log.warn(`${message}; continuing without third-party plugins`);
    return { plugins: [], registryError: message };
  }

  const plugins: InstalledPluginState[] = [];
  for (const entry of registry) {
    if (!entry.enabled) {
      plugins.push({ ...entry, state: 'disabled' });
      continue;
    }
    try {
      const code = await loadInstalledPlugin(context.root, entry.name, { entry });
      const unregister = await registerInstalled(entry.name, code, bus, context);
      plugins.push({ ...entry, state: 'loaded', unregister });
    } catch (error) {
      const reason = firstLine(messageOf(error));
      log.warn(`Plugin ${entry.name} could not be loaded and is skipped: ${reason}`);
      plugins.push({ ...entry, state: 'broken', error: reason });
    }
  }
  return { plugins };
}
