import { createOutput, createTriggerBus, type Output, type PluginIO, type TriggerBus } from '@pier/plugin-api';
import { builtinPluginPackages } from './builtin-plugins.js';
import { loadBuiltinPlugin, type LoadedPlugin } from './plugin-loader.js';
import { loadInstalledPlugins, type InstalledPlugins } from './plugins/installed-plugins.js';
import { execaNpm, type NpmRunner } from './plugins/npm-runner.js';
import { pluginCommands } from './plugins/plugin-commands.js';

export interface HostOptions {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  io: PluginIO;
  quiet: boolean;
  trace: boolean;
  /** Where relative paths given to plugin:install are resolved (the process's working directory). */
  cwd?: string;
  /** npm for plugin:install/uninstall (tests pass a stand-in). */
  npm?: NpmRunner;
}

export interface Host {
  bus: TriggerBus;
  log: Output;
  plugins: LoadedPlugin[];
  /** Third-party plugins from `<root>/plugins`, loaded, disabled or broken. */
  installed: InstalledPlugins;
}

/**
 * Builds the bus for one invocation: the built-in plugins (trusted), then every enabled
 * third-party plugin (untrusted, skipped with a one-line warning when it fails), then the
 * plugin:* commands.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  const bus = createTriggerBus({ validate: options.env.PIER_VALIDATE === 'all' ? 'all' : 'boundary' });
  const log = createOutput(options.io, { quiet: options.quiet, trace: options.trace });
  if (options.trace) {
    bus.events.on('dispatch', (e) =>
      log.debug(`${e.caller} → ${e.trigger}${e.key === undefined ? '' : ` [${e.key}]`} → ${e.handlers.join(', ') || 'no handler'}`),
    );
  }
  const pluginContext = { log, io: options.io, root: options.root, env: options.env };
  const plugins = await Promise.all(builtinPluginPackages.map((name) => loadBuiltinPlugin(name)));
  for (const loaded of plugins) {
    const scoped = bus.scoped({ plugin: loaded.plugin.name, trusted: loaded.trusted });
    await loaded.plugin.register({ ...pluginContext, bus: scoped });
  }
  const installed = await loadInstalledPlugins(bus, pluginContext);

  const management = pluginCommands({
    root: options.root,
    bus,
    pluginContext,
    log,
    builtins: plugins.map(({ packageName: name, version, kind, scheduler, apiVersion, description }) => ({
      name,
      version,
      kind,
      apiVersion,
      ...(scheduler === undefined ? {} : { scheduler }),
      ...(description === undefined ? {} : { description }),
    })),
    installed,
    npm: options.npm ?? execaNpm(options.env),
    cwd: options.cwd ?? process.cwd(),
  });
  await management.register({ ...pluginContext, bus: bus.scoped({ plugin: management.name, trusted: true }) });
  return { bus, log, plugins, installed };
}
