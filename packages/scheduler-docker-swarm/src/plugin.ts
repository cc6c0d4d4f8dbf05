import { defineScheduler, propertyClient, type PierPlugin, type ProcessSpec } from '@pier/plugin-api';
import { appStateStore, statusOf, type AppRecord } from './app-state.js';
import { registerSettingsCommands } from './commands.js';
import { dockerSwarmProperties } from './properties.js';

export const PACKAGE_NAME = '@pier/scheduler-docker-swarm';
export const SCHEDULER_NAME = 'docker-swarm';

/** The process counts of a release; with `processType`, only that type changes. */
function processesAfter(previous: AppRecord | null, processes: ProcessSpec[], processType: string | undefined) {
  const next = processes.map(({ type, quantity }) => ({ type, quantity }));
  if (processType === undefined || !previous) return next;
  return previous.processes.map((p) => (p.type === processType ? (next.find((n) => n.type === processType) ?? p) : p));
}

/**
 * The docker-swarm scheduler. `setup` runs on every pier invocation, so it only wires things up;
 * load heavy clients inside the methods. Capabilities left out here (logs, run, enter, inspect,
 * ...) fail with "Scheduler docker-swarm does not support <command>": add them as the platform
 * allows.
 */
export function schedulerDockerSwarm(): PierPlugin {
  return defineScheduler(
    { name: PACKAGE_NAME, scheduler: SCHEDULER_NAME, description: "Runs Pier apps with the docker-swarm scheduler" },
    (context) => {
      registerSettingsCommands(context);
      const state = appStateStore(context.root);
      const settings = propertyClient(context.bus, dockerSwarmProperties);

      return {
        async deploy({ app, release, processType }) {
          const previous = await state.read(app);
          context.log.verbose(`Running ${release.image} on ${await settings.computed(app, 'endpoint')}`);
          await state.write(app, { image: release.image, processes: processesAfter(previous, release.processes, processType), running: true });
        },
        async stop({ app, removeContainers }) {
          const record = await state.read(app);
          if (record) await state.write(app, { ...record, running: false, processes: removeContainers ? [] : record.processes });
        },
        appStatus: async ({ app }) => statusOf(app, await state.read(app)),
        isDeployed: async ({ app }) => (await state.read(app)) !== null,
        // apps:destroy (and the old name after apps:rename): forget everything about the app.
        postDelete: ({ app }) => state.remove(app),
      };
    },
  );
}
