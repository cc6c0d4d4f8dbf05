/**
 * The `schedulerDockerLocal()` factory: wiring only. Registration is cheap (no Docker connection,
 * no dockerode import); the engine is contacted when a scheduler method runs.
 */
import {
  type Clock,
  defineScheduler,
  type InterruptSource,
  type PierPlugin,
  processInterrupts,
  type SchedulerImplementation,
  systemClock,
} from '@pier/plugin-api';
import { appStatus, inspectApp, isDeployed } from './app-status.js';
import { unixSeconds } from './clock.js';
import { registerDockerLocalCommands } from './commands.js';
import { deploy } from './deploy.js';
import type { DockerPort } from './docker-port.js';
import { createDockerodePort } from './dockerode-port.js';
import { enter } from './enter.js';
import { imageInfo } from './image-info.js';
import { STALE_IMAGE_INFO_SECONDS, sweepImageInfoContainers } from './image-info-sweep.js';
import { logsFailed, postDelete, preRestore, stopApp } from './lifecycle.js';
import { appLogs, runLogs } from './logs.js';
import { netProbes, type Probes } from './probes.js';
import { registerRetired, retire } from './retire.js';
import { defaultRetireLauncher, type RetireLauncher } from './retire-launch.js';
import { scopeToRoot } from './root-scope.js';
import { runOneOff } from './run.js';
import { runList, runRetire, runStop } from './run-containers.js';
import type { Runtime } from './runtime.js';
import { resumeSwaps } from './swap-journal.js';

export const PACKAGE_NAME = '@pier/scheduler-docker-local';
export const SCHEDULER_NAME = 'docker-local';

export interface SchedulerDockerLocalOptions {
  /** The engine to use; defaults to dockerode with its defaults (DOCKER_HOST or the local socket). */
  docker?: DockerPort;
  /** For tests: time and sleeping (checks, retirement). */
  clock?: Clock;
  /** For tests: the HTTP and TCP probes of host-mode checks. */
  probes?: Probes;
  /**
   * What ends `logs --tail` and is forwarded to an attached `run`; defaults to the process's
   * SIGINT and SIGTERM, listened to only while such a command runs.
   */
  interrupts?: InterruptSource;
  /**
   * Runs the job that stops a deploy's old containers once wait-to-retire has passed; defaults
   * to a detached Node process that outlives the command (see retire-launch.ts), connected to
   * the engine of `docker` (when that is not a createDockerodePort port, to none: ps:retire
   * then does the hard stops).
   */
  retireLauncher?: RetireLauncher;
}

export function schedulerDockerLocal(options: SchedulerDockerLocalOptions = {}): PierPlugin {
  return defineScheduler(
    {
      name: PACKAGE_NAME,
      scheduler: SCHEDULER_NAME,
      description: 'Runs app containers on the local Docker engine',
    },
    (context): SchedulerImplementation => {
      registerDockerLocalCommands(context);
      const engine = options.docker ?? createDockerodePort();
      const rt: Runtime = {
        docker: scopeToRoot(engine, context.root),
        engine,
        log: context.log,
        io: context.io,
        bus: context.bus,
        root: context.root,
        clock: options.clock ?? systemClock,
        probes: options.probes ?? netProbes,
        interrupts: options.interrupts ?? processInterrupts,
        retireLauncher: options.retireLauncher ?? defaultRetireLauncher(engine, context.env),
      };
      const retireContext = { ...rt, now: () => unixSeconds(rt.clock) };
      return {
        deploy: (input) => deploy(rt, context.bus, input),
        stop: (input) => stopApp(rt, input),
        appStatus: ({ app }) => appStatus(rt, app),
        isDeployed: ({ app }) => isDeployed(rt, app),
        imageInfo: ({ app, image }) => imageInfo(rt, app, image),
        postDelete: ({ app }) => postDelete(rt, app),
        retire: async ({ app }) => {
          // ps:retire also finishes what deploys killed outright left behind.
          await resumeSwaps(rt, app);
          await sweepImageInfoContainers(rt, app, retireContext.now() - STALE_IMAGE_INFO_SECONDS);
          await retire(retireContext, app);
        },
        registerRetired: ({ app, containerId, waitSeconds }) =>
          registerRetired(rt.root, [{ app, id: containerId, at: unixSeconds(rt.clock) + waitSeconds }]),
        inspect: ({ app }) => inspectApp(rt, app),
        logsFailed: ({ app }) => logsFailed(rt, app),
        preRestore: () => preRestore(rt),
        run: (input) => runOneOff(rt, input),
        runList: ({ app }) => runList(rt, app),
        runLogs: (input) => runLogs(rt, input),
        runStop: ({ app, container }) => runStop(rt, app, container),
        runRetire: ({ app }) => runRetire(rt, app),
        logs: (input) => appLogs(rt, input),
        enter: (input) => enter(rt, input),
      };
    },
  );
}
