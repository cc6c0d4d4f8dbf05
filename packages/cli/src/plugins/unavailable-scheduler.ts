import { ErrorCodes, PierError, isPierError } from '@pier/plugin-api';
import type { InstalledPlugins } from './installed-plugins.js';

/**
 * The bus only knows the schedulers that were loaded, so a scheduler whose plugin is disabled
 * or failed to load is "not installed" there. The CLI knows better: it says which plugin
 * provides it and what to do, instead of sending the user looking for something that is there.
 */
export function explainUnavailableScheduler(error: unknown, installed: InstalledPlugins | undefined): unknown {
  if (!isPierError(error) || error.code !== ErrorCodes.SCHEDULER_NOT_INSTALLED) return error;
  const scheduler = (error as { scheduler?: unknown }).scheduler;
  const plugin = installed?.plugins.find((p) => p.scheduler === scheduler && p.state !== 'loaded');
  if (!plugin) return error;
  const message =
    plugin.state === 'disabled'
      ? `Scheduler ${plugin.scheduler} is installed but disabled; enable it with plugin:enable ${plugin.name}`
      : `Scheduler ${plugin.scheduler} could not be loaded (${plugin.name}: ${plugin.error ?? 'unknown error'}); reinstall it with plugin:install`;
  return new PierError(ErrorCodes.SCHEDULER_NOT_INSTALLED, message, { cause: error });
}
