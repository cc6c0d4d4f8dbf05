import type { TriggerBus } from '../bus/trigger-bus.js';
import { appLockAcquire, appLockRelease } from '../triggers/app.js';

/**
 * Runs `work` while holding the app's lock, so two commands that change one app (two deploys, a
 * deploy and ps:stop) never interleave. `holder` names the command in the message the other one
 * gets, e.g. `deploy`.
 */
export async function withAppLock<T>(bus: TriggerBus, app: string, holder: string, work: () => Promise<T>): Promise<T> {
  const lock = await bus.first(appLockAcquire, { app, holder });
  if (!lock) throw new Error('app:lock-acquire returned nothing');
  try {
    return await work();
  } finally {
    await bus.first(appLockRelease, { app, token: lock.token });
  }
}
