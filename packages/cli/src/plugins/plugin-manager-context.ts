import type { Output, PluginContext, TriggerBus } from '@pier/plugin-api';
import type { HostPluginApi } from './host-plugin-api.js';
import type { InstalledPlugins } from './installed-plugins.js';
import type { NpmRunner } from './npm-runner.js';

/** A plugin that ships with the CLI, as plugin:list and the install checks see it. */
export interface BuiltinPluginInfo {
  name: string;
  version: string;
  kind: 'scheduler' | 'plugin';
  scheduler?: string;
  apiVersion: number;
  description?: string;
}

/** What the plugin:* commands work with. */
export interface PluginManagerContext {
  root: string;
  /** The host's bus: the trial registration of a new plugin runs against everything loaded. */
  bus: TriggerBus;
  /** The context plugins are registered with. */
  pluginContext: Omit<PluginContext, 'bus'>;
  log: Output;
  builtins: readonly BuiltinPluginInfo[];
  /** The third-party plugins as this invocation loaded them. */
  installed: InstalledPlugins;
  npm: NpmRunner;
  /** Relative tarball and folder paths are resolved against this. */
  cwd: string;
  now?: () => Date;
  /** The @pier/plugin-api plugins get (default: the one this CLI resolves, see hostPluginApi). */
  pluginApi?: HostPluginApi;
}
