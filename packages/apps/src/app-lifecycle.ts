import {
  ErrorCodes,
  PierError,
  schedulerNotInstalled,
  appPostCreate,
  appPostDelete,
  appPreDelete,
  assertNewAppName,
  installedSchedulers,
  messageOf,
  propertyClient,
  schedulerPostDelete,
  schedulerRetire,
  schedulerStop,
  selectedScheduler,
  type InputOf,
  type PluginContext,
  type TriggerOfKind,
} from '@pier/plugin-api';
import type { AppRegistry } from './app-registry.js';
import { appProperties } from './app-properties.js';

export interface AppLifecycle {
  /** Dokku's createApp: name rules, "Name is already taken", `-----> Creating <app>...`, post-create. */
  create(app: string | undefined): Promise<void>;
  /**
   * Dokku's destroyApp, minus the confirmation and the lock (callers own both). When the
   * scheduler fails to stop the app (an unreachable engine), nothing of the app has been removed
   * yet: `onStopFailed` runs then, before the error is passed on (apps:rename rolls back with it).
   * With `onStopFailed`, `-----> Destroying …` is printed only once the scheduler has stopped the
   * app, so that a rename that is undone never announces a destroy it did not do.
   */
  destroy(app: string, onStopFailed?: () => Promise<void>): Promise<void>;
  /** Removes an app that was created but never ran (apps:rename undoing its new app): no scheduler step, no output. */
  discard(app: string): Promise<void>;
  /**
   * Removes an app a command created when a later step of it failed (apps:clone whose redeploy
   * failed): quietly, with the scheduler's clean-up first (best effort: whatever the failed step
   * left of it, e.g. the stopped containers of a failed deploy), then every plugin's data.
   */
  undoCreate(app: string): Promise<void>;
}

type SchedulerStep = <T extends TriggerOfKind<'keyed'>>(trigger: T, input: InputOf<T>) => Promise<void>;

export function createAppLifecycle(context: PluginContext, registry: AppRegistry): AppLifecycle {
  const { bus, log } = context;
  const props = propertyClient(bus, appProperties);

  /**
   * Scheduler cleanup must not make an app undeletable: a scheduler that is not installed (k3s
   * carried over from Dokku) is named once and skipped, a capability it lacks is skipped.
   */
  async function schedulerSteps(app: string): Promise<SchedulerStep> {
    const scheduler = await selectedScheduler(bus, app);
    const installed = installedSchedulers(bus);
    if (!installed.includes(scheduler)) {
      log.warn(`${(await schedulerNotInstalled(bus, scheduler)).message}; skipping its cleanup`);
      return async () => {};
    }
    return async (trigger, input) => {
      if (bus.keys(trigger).includes(scheduler)) await bus.keyed(trigger, scheduler, input);
    };
  }

  async function discard(app: string): Promise<void> {
    try {
      await bus.notify(appPostDelete, { app });
    } finally {
      // Even when a plugin fails to drop its data: no half-created app is left registered.
      await registry.remove(app);
    }
  }

  return {
    async create(app) {
      assertNewAppName(app);
      if (await registry.exists(app)) throw new PierError(ErrorCodes.APP_EXISTS, 'Name is already taken');
      log.info1Quiet(`Creating ${app}...`);
      await registry.create(app);
      try {
        await props.set(app, 'created-at', String(Math.floor(Date.now() / 1000)));
        await bus.notify(appPostCreate, { app });
      } catch (error) {
        // The plugin's failure is the one to report; a failed clean-up is only added to it.
        await discard(app).catch((undo: unknown) => log.warn(`Could not remove ${app} again: ${messageOf(undo)}`));
        throw error;
      }
    },

    async destroy(app, onStopFailed) {
      const announce = () => log.info1(`Destroying ${app} (including all add-ons)`);
      if (onStopFailed === undefined) announce();
      const step = await schedulerSteps(app);
      try {
        await bus.notify(appPreDelete, { app });
        await step(schedulerStop, { app, removeContainers: true });
      } catch (error) {
        // The scheduler's failure is the one to report; a failed undo is only added to it.
        await onStopFailed?.().catch((undo: unknown) => log.warn(`Could not undo the changes: ${messageOf(undo)}`));
        throw error;
      }
      // The containers are gone from here on: nothing is undone any more (a rename would bring
      // back an app without them), a failure is reported as it is.
      if (onStopFailed !== undefined) announce();
      await step(schedulerPostDelete, { app });
      await bus.notify(appPostDelete, { app });
      // Dokku's DockerCleanup; the scheduler's post-delete has removed the app's containers.
      log.info1('Cleaning up...');
      log.info1('Retiring old containers and images');
      await step(schedulerRetire, { app });
      await registry.remove(app);
    },

    discard,

    async undoCreate(app) {
      const step = await schedulerSteps(app);
      await step(schedulerStop, { app, removeContainers: true }).catch(() => {});
      await step(schedulerPostDelete, { app }).catch(() => {});
      await discard(app);
    },
  };
}
