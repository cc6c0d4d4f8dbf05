import type { TriggerBus } from '../bus/trigger-bus.js';
import type { Output, PluginIO } from '../output/index.js';
import { PLUGIN_API_VERSION, type PluginApiVersion } from './plugin-api-version.js';

/** What the host hands a plugin when it registers. */
export interface PluginContext {
  /** The bus, scoped to this plugin: taps and dispatches are attributed to it. */
  readonly bus: TriggerBus;
  /** Dokku-style output helpers bound to the invocation's streams and `--quiet`. */
  readonly log: Output;
  /** Raw streams, for commands that stream or attach (logs, run, enter). */
  readonly io: PluginIO;
  /** The state directory (`PIER_ROOT`). Plugins keep their data under `<root>/data/<plugin>`. */
  readonly root: string;
  /** The environment of the invocation (`DOCKER_HOST` and friends). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A plugin is a value built by a factory: a name, the API version, and a `register` that only taps the bus. */
export interface PierPlugin {
  readonly $$type: '@pier/plugin';
  /** The npm package name, e.g. `@pier/scheduler-docker-local`. */
  readonly name: string;
  readonly apiVersion: PluginApiVersion;
  register(context: PluginContext): void | Promise<void>;
}

export interface PluginDefinition {
  name: string;
  register(context: PluginContext): void | Promise<void>;
}

export function definePlugin(definition: PluginDefinition): PierPlugin {
  if (!definition.name) throw new TypeError('a plugin needs a name');
  return Object.freeze({ $$type: '@pier/plugin' as const, apiVersion: PLUGIN_API_VERSION, ...definition });
}

/** Brand check that also works for plugins built against another copy of this package. */
export function isPierPlugin(value: unknown): value is PierPlugin {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $$type?: unknown }).$$type === '@pier/plugin' &&
    typeof (value as { register?: unknown }).register === 'function'
  );
}
