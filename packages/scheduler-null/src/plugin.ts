import { defineScheduler, registerCommands, type PierPlugin } from '@pier/plugin-api';

/**
 * Dokku's null scheduler: for apps whose processes Pier does not manage (e.g. routing to an
 * outside service). Every capability is implemented as an explicit, successful no-op; it reports
 * `1 true` and always counts as deployed. It is never selected automatically.
 */
export function schedulerNull(): PierPlugin {
  return defineScheduler(
    { name: '@pier/scheduler-null', scheduler: 'null', description: 'No-op scheduler plugin' },
    (context) => {
      registerCommands(context, { topic: 'scheduler-null', description: 'No-op scheduler plugin', commands: {} });
      const nothing = () => undefined;
      return {
        deploy: nothing,
        stop: nothing,
        appStatus: () => ({ processes: 1, running: 'true' as const, containers: [] }),
        isDeployed: () => true,
        imageInfo: ({ image }) => ({ id: image, procfile: null, appJson: null }),
        postDelete: nothing,
        retire: nothing,
        registerRetired: nothing,
        run: () => ({ exitCode: 0 }),
        // Keeps no one-off processes: run:list prints nothing, as Dokku's null scheduler.
        runList: () => null,
        runLogs: nothing,
        runStop: nothing,
        runRetire: nothing,
        logs: nothing,
        logsFailed: nothing,
        enter: () => ({ exitCode: 0 }),
        inspect: () => [],
        preRestore: nothing,
      };
    },
  );
}
