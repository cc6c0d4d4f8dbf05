import { GLOBAL_SCOPE, appList, verifyApp, type TriggerBus } from '@pier/plugin-api';
import type { ParsedReportArgs } from './parse-report-args.js';

/** Dokku's `NoAppsExist` text; a report over no apps is a warning, not a failure (exit 0). */
export const NO_APPS_MESSAGE = "You haven't deployed any applications yet";

/**
 * The app names a report covers, in order: `--global`, the named app (checked like Dokku's
 * `VerifyAppName`: exit 1 for a missing or bad name, 20 for an unknown app), or every app.
 * Apps that come from the registry's own list are not checked again.
 */
export async function reportTargets(bus: TriggerBus, parsed: Pick<ParsedReportArgs, 'app' | 'global'>): Promise<string[]> {
  if (parsed.global) return [GLOBAL_SCOPE];
  if (parsed.app !== undefined) return [await verifyApp(bus, parsed.app)];
  return (await bus.first(appList, {})) ?? [];
}
