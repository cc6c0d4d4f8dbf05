import type { InputOf, Release, SchedulerImplementation, schedulerTriggers } from '@pier/plugin-api';

export type SchedulerMethod = keyof SchedulerImplementation;
export type SchedulerMethodInput<M extends SchedulerMethod> = InputOf<(typeof schedulerTriggers)[M]>;
export type ContractInputs = { [M in SchedulerMethod]: SchedulerMethodInput<M> };

/**
 * A valid input for every scheduler method, for one app and the release it was deployed with.
 * Non-interactive on purpose: no TTY, no following, `true` as the command.
 */
export function contractInputs(app: string, release: Release): ContractInputs {
  return {
    deploy: { app, release },
    stop: { app, removeContainers: false },
    appStatus: { app },
    isDeployed: { app },
    imageInfo: { app, image: release.image },
    postDelete: { app },
    retire: { app },
    registerRetired: { app, containerId: 'contract-retired-container', waitSeconds: 0 },
    run: { app, command: ['true'], env: {}, detach: false, tty: false, ttlSeconds: 60 },
    runList: { app },
    runLogs: { app, follow: false, num: 10, quiet: false },
    runStop: { app },
    runRetire: { app },
    logs: { app, follow: false, num: 10, quiet: false },
    logsFailed: { app },
    enter: { app, command: ['true'], tty: false },
    inspect: { app },
    preRestore: { app },
  };
}

/**
 * The order the capability check calls methods in: deploy first (the others need a deployed
 * app), stop and post-delete last (they take it down).
 */
export const contractCallOrder: readonly SchedulerMethod[] = [
  'deploy',
  'isDeployed',
  'appStatus',
  'imageInfo',
  'inspect',
  'logs',
  'logsFailed',
  'run',
  'runList',
  'runLogs',
  'runStop',
  'runRetire',
  'enter',
  'registerRetired',
  'retire',
  'preRestore',
  'stop',
  'postDelete',
];
