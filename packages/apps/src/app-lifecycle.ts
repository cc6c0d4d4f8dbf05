import {
  ErrorCodes,
  PierError,
  appPostCreate,
  appPostDelete,
  appPreDelete,
  assertNewAppName,
  dispatchToScheduler,
  isPierError,
  propertyClient,
  schedulerPostDelete,
  schedulerRetire,
  schedulerStop,
  type PluginContext,
} from '@pier/plugin-api';
import type { AppRegistry } from './app-registry.js';
import { appProperties } from './app-properties.js';

export interface AppLifecycle {
  /** Dokku's createApp: name rules, "Name is already taken", `-----> Creating <app>...`, post-create. */
  create(app: string | undefined): Promise<void>;
  /** Dokku's destroyApp, minus the confirmation and the lock (callers own both). */
  destroy(app: string): Promise<void>;
}

export function createAppLifecycle(context: PluginContext, registry: AppRegistry): AppLifecycle {
  const { bus, log } = context;
  const props = propertyClient(bus, appProperties);

  /** Scheduler cleanup must not make an app undeletable: a missing scheduler or capability is skipped. */
  async function schedulerStep(step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!isPierError(error)) throw error;
      if (error.code === ErrorCodes.SCHEDULER_UNSUPPORTED) return;
      if (error.code === ErrorCodes.SCHEDULER_NOT_INSTALLED) log.warn(`${error.message}; skipping its cleanup`);
      else throw error;
    }
  }

  return {
    async create(app) {
      assertNewAppName(app);
      if (await registry.exists(app)) throw new PierError(ErrorCodes.APP_EXISTS, 'Name is already taken');
      log.info1Quiet(`Creating ${app}...`);
      await registry.create(app);
      await props.set(app, 'created-at', String(Math.floor(Date.now() / 1000)));
      await bus.notify(appPostCreate, { app });
    },

    async destroy(app) {
      log.info1(`Destroying ${app} (including all add-ons)`);
      await bus.notify(appPreDelete, { app });
      await schedulerStep(() => dispatchToScheduler(bus, schedulerStop, { app, removeContainers: true }, 'apps:destroy'));
      await schedulerStep(() => dispatchToScheduler(bus, schedulerPostDelete, { app }, 'apps:destroy'));
      await bus.notify(appPostDelete, { app });
      log.info1('Retiring old containers and images');
      await schedulerStep(() => dispatchToScheduler(bus, schedulerRetire, { app }, 'apps:destroy'));
      await registry.remove(app);
    },
  };
}
