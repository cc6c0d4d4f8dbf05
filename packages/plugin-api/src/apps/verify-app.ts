import type { TriggerBus } from '../bus/trigger-bus.js';
import { appExists } from '../triggers/app.js';
import { AppNotFoundError, assertExistingAppName } from './app-name.js';

/**
 * Dokku's `VerifyAppName`: empty name (exit 1), bad name (exit 1), missing app (exit 20).
 * Unlike Dokku's bash commands, every Pier command uses these same rules (Dokku quirk §7.5 fixed).
 */
export async function verifyApp(bus: TriggerBus, app: string | undefined): Promise<string> {
  assertExistingAppName(app);
  if (!(await bus.first(appExists, { app }))) throw new AppNotFoundError(app);
  return app;
}
