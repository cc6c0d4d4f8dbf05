import type { InstalledPlugins } from './installed-plugins.js';

/**
 * The bus only knows the schedulers that were loaded, so a scheduler whose plugin is disabled
 * or failed to load is "not installed" there. The CLI knows better: it says which plugin
 * provides it and what to do, instead of sending the user looking for something that is there.
 * The CLI answers `scheduler:unavailable` with this line, so plugin-api's schedulerNotInstalled
 * builds the error with it wherever it happens (dispatch, `scheduler:set … selected`, the
 * apps:destroy clean-up, `--all` warnings).
 */
export function unavailableSchedulerReason(installed: InstalledPlugins | undefined, scheduler: string): string | undefined {
  const plugin = installed?.plugins.find((p) => p.scheduler === scheduler && p.state !== 'loaded');
  if (!plugin) return undefined;
  return plugin.state === 'disabled'
    ? `Scheduler ${scheduler} is installed but disabled; enable it with plugin:enable ${plugin.name}`
    : `Scheduler ${scheduler} could not be loaded (${plugin.name}: ${plugin.error ?? 'unknown error'}); reinstall it with plugin:install`;
}
