import { ErrorCodes, PierError } from '../errors/index.js';
import type { PluginManifest } from './manifest.js';

/*
 * What `pier plugin:install` checks of a plugin's code against its manifest once it has loaded it
 * (after parsePluginManifest). The scheduler contract suite runs the same checks, so a scheduler
 * author sees, in their own tests, the very line plugin:install would print.
 */

/** The plugin a package's factory built must be named after the package (errors and `--trace` name it). */
export function checkPluginName(name: string, manifest: Pick<PluginManifest, 'factory'>, pluginName: string): void {
  if (pluginName === name) return;
  throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${name}: ${manifest.factory}() built a plugin named "${pluginName}"; it must be named after its package`);
}

const describeSchedulers = (schedulers: readonly string[]) =>
  schedulers.length === 0 ? 'no scheduler' : `${schedulers.length === 1 ? 'scheduler' : 'schedulers'} ${schedulers.join(', ')}`;

/**
 * The schedulers a plugin's code registered (the keys it tapped `scheduler:info` under) must be
 * the one its manifest names (`kind: scheduler`) or none (`kind: plugin`). Everything else in the
 * host — plugin:list, the name-clash check at install, the warning when a selected scheduler goes
 * away — reads the manifest, so a package whose code says otherwise would leave apps selecting a
 * scheduler nobody accounts for. Throws PIER_ERR_PLUGIN_MANIFEST naming both.
 */
export function checkRegisteredSchedulers(name: string, manifest: Pick<PluginManifest, 'kind' | 'scheduler'>, registered: readonly string[]): void {
  const expected = manifest.kind === 'scheduler' && manifest.scheduler !== undefined ? [manifest.scheduler] : [];
  const same = registered.length === expected.length && registered.every((s, i) => s === expected[i]);
  if (same) return;
  const says = expected.length === 0 ? 'it is not a scheduler (kind "plugin")' : `scheduler ${expected[0]}`;
  throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${name} registers ${describeSchedulers(registered)}, but its manifest says ${says}`);
}
