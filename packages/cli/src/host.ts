import { createOutput, createTriggerBus, type Output, type PluginIO, type TriggerBus } from '@pier/plugin-api';
import { builtinPluginPackages } from './builtin-plugins.js';
import { loadBuiltinPlugin, type LoadedPlugin } from './plugin-loader.js';

export interface HostOptions {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  io: PluginIO;
  quiet: boolean;
  trace: boolean;
}

export interface Host {
  bus: TriggerBus;
  log: Output;
  plugins: LoadedPlugin[];
}

/** Builds the bus for one invocation and registers every enabled plugin on it. */
export async function createHost(options: HostOptions): Promise<Host> {
  const bus = createTriggerBus({ validate: options.env.PIER_VALIDATE === 'all' ? 'all' : 'boundary' });
  const log = createOutput(options.io, { quiet: options.quiet, trace: options.trace });
  if (options.trace) {
    bus.events.on('dispatch', (e) =>
      log.debug(`${e.caller} → ${e.trigger}${e.key === undefined ? '' : ` [${e.key}]`} → ${e.handlers.join(', ') || 'no handler'}`),
    );
  }
  const plugins = await Promise.all(builtinPluginPackages.map((name) => loadBuiltinPlugin(name)));
  for (const loaded of plugins) {
    const scoped = bus.scoped({ plugin: loaded.plugin.name, trusted: loaded.trusted });
    await loaded.plugin.register({ bus: scoped, log, io: options.io, root: options.root, env: options.env });
  }
  return { bus, log, plugins };
}
