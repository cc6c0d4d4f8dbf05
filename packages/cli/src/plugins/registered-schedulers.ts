import { ErrorCodes, PierError, type PluginManifest } from '@pier/plugin-api';

const describe = (schedulers: readonly string[]) =>
  schedulers.length === 0 ? 'no scheduler' : `${schedulers.length === 1 ? 'scheduler' : 'schedulers'} ${schedulers.join(', ')}`;

/**
 * The schedulers a plugin's code registered must be the one its manifest names (`kind:
 * scheduler`) or none (`kind: plugin`). Everything else — plugin:list, the name-clash check at
 * install, the warning when a selected scheduler goes away — reads the manifest, so a package
 * whose code says otherwise would leave apps selecting a scheduler nobody accounts for.
 */
export function checkRegisteredSchedulers(name: string, manifest: PluginManifest, registered: readonly string[]): void {
  const expected = manifest.kind === 'scheduler' && manifest.scheduler !== undefined ? [manifest.scheduler] : [];
  const same = registered.length === expected.length && registered.every((s, i) => s === expected[i]);
  if (same) return;
  const says = expected.length === 0 ? 'it is not a scheduler (kind "plugin")' : `scheduler ${expected[0]}`;
  throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `${name} registers ${describe(registered)}, but its manifest says ${says}`);
}
