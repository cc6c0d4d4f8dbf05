import { ErrorCodes, PierError, isPierError } from '@pier/plugin-api';
import type { InstalledPlugins } from './installed-plugins.js';

/**
 * The bus only knows the schedulers that were loaded, so a scheduler whose plugin is disabled
 * or failed to load is "not installed" there. The CLI knows better: it says which plugin
 * provides it and what to do, instead of sending the user looking for something that is there.
 * The CLI answers `scheduler:unavailable` with this line, so plugin-api's schedulerNotInstalled
 * (dispatchToScheduler) builds the error with it wherever it happens, `--all` warnings included.
 */
export function unavailableSchedulerReason(installed: InstalledPlugins | undefined, scheduler: string): string | undefined {
  const plugin = installed?.plugins.find((p) => p.scheduler === scheduler && p.state !== 'loaded');
  if (!plugin) return undefined;
  return plugin.state === 'disabled'
    ? `Scheduler ${scheduler} is installed but disabled; enable it with plugin:enable ${plugin.name}`
    : `Scheduler ${scheduler} could not be loaded (${plugin.name}: ${plugin.error ?? 'unknown error'}); reinstall it with plugin:install`;
}

/**
 * For an error built without asking the host (`new SchedulerNotInstalledError(...)` in a plugin,
 * e.g. `scheduler:set … selected`) that reaches the CLI: the same line.
 */
export function explainUnavailableScheduler(error: unknown, installed: InstalledPlugins | undefined): unknown {
  if (!isPierError(error) || error.code !== ErrorCodes.SCHEDULER_NOT_INSTALLED) return error;
  const scheduler = (error as { scheduler?: unknown }).scheduler;
  const reason = typeof scheduler === 'string' ? unavailableSchedulerReason(installed, scheduler) : undefined;
  if (reason === undefined || reason === error.message) return error;
  return new PierError(ErrorCodes.SCHEDULER_NOT_INSTALLED, reason, { cause: error });
}
