import {
  ErrorCodes,
  appPostClone,
  appPostCloneSetup,
  appPostCreate,
  appPostDelete,
  appPostRename,
  appPostRenameSetup,
  appPreDelete,
  dispatchToScheduler,
  isPierError,
  schedulerPostDelete,
  schedulerRetire,
  schedulerStop,
} from '@pier/plugin-api';
import type { TestHost } from './test-host.js';

/**
 * Drives the app lifecycle triggers in the order `@pier/apps` fires them, so a plugin can be
 * tested against create, rename, clone and destroy without the apps plugin. Scheduler steps go to
 * the app's selected scheduler; a capability it lacks is skipped, as `apps:destroy` does.
 * Redeploys after rename/clone (the deploy plugin's job on app:post-rename/-clone) are left to
 * the test.
 */
export interface AppLifecycleDriver {
  create(app: string): Promise<void>;
  destroy(app: string): Promise<void>;
  rename(oldApp: string, newApp: string): Promise<void>;
  clone(oldApp: string, newApp: string): Promise<void>;
}

export function appLifecycle(host: TestHost): AppLifecycleDriver {
  const { bus } = host;

  async function schedulerStep(step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!isPierError(error) || error.code !== ErrorCodes.SCHEDULER_UNSUPPORTED) throw error;
    }
  }

  const driver: AppLifecycleDriver = {
    async create(app) {
      host.registry?.apps.add(app);
      await bus.notify(appPostCreate, { app });
    },
    async destroy(app) {
      await bus.notify(appPreDelete, { app });
      await schedulerStep(() => dispatchToScheduler(bus, schedulerStop, { app, removeContainers: true }, 'apps:destroy'));
      await schedulerStep(() => dispatchToScheduler(bus, schedulerPostDelete, { app }, 'apps:destroy'));
      await bus.notify(appPostDelete, { app });
      await schedulerStep(() => dispatchToScheduler(bus, schedulerRetire, { app }, 'apps:destroy'));
      host.registry?.apps.delete(app);
    },
    async rename(oldApp, newApp) {
      await driver.create(newApp);
      await bus.notify(appPostRenameSetup, { oldApp, newApp });
      await driver.destroy(oldApp);
      await bus.notify(appPostRename, { oldApp, newApp, skipDeploy: true });
    },
    async clone(oldApp, newApp) {
      await driver.create(newApp);
      await bus.notify(appPostCloneSetup, { oldApp, newApp });
      await bus.notify(appPostClone, { oldApp, newApp, skipDeploy: true });
    },
  };
  return driver;
}
