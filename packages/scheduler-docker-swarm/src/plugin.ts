/**
 * The `schedulerDockerSwarm()` factory: wiring only. Registration is cheap (no engine
 * connection, no dockerode import); the engine is contacted when a scheduler method runs.
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
import { appStatus, isDeployed } from './app-status.js';
import { registerSettingsCommands } from './commands.js';
import { deploy } from './deploy.js';
import { createDockerodeSwarmPort } from './dockerode-swarm-port.js';
import { enter } from './enter.js';
import { logsFailed } from './failed-logs.js';
import { imageInfo } from './image-info.js';
import { inspectApp } from './inspect.js';
import { appLogs } from './logs.js';
import { STALE_PROBE_SECONDS, sweepProbeContainers } from './probe-container.js';
import type { Runtime } from './runtime.js';
import { runOneOff } from './run.js';
import { runList } from './run-list.js';
import { runLogs } from './run-logs.js';
import { runRetire, runStop } from './run-stop.js';
import { postDelete, stopApp } from './stop.js';
import type { SwarmPort } from './swarm-port.js';

export const PACKAGE_NAME = '@pier/scheduler-docker-swarm';
export const SCHEDULER_NAME = 'docker-swarm';

export interface SchedulerDockerSwarmOptions {
  /** The swarm manager to use; defaults to dockerode with its defaults (DOCKER_HOST or the local socket). */
  engine?: SwarmPort;
  /** For tests: time and sleeping (rollout polling). */
  clock?: Clock;
  /**
   * What ends `logs --tail`, rolls a deploy back and is passed on to an attached `run`; defaults to
   * the process's SIGINT, SIGTERM, SIGHUP and SIGQUIT while such a command runs.
   */
  interrupts?: InterruptSource;
  /** How often a converging rollout is looked at, in milliseconds (default 500). */
  pollMs?: number;
}

export function schedulerDockerSwarm(options: SchedulerDockerSwarmOptions = {}): PierPlugin {
  return defineScheduler(
    { name: PACKAGE_NAME, scheduler: SCHEDULER_NAME, description: 'Runs apps as Docker Swarm services' },
    (context): SchedulerImplementation => {
      registerSettingsCommands(context);
      const rt: Runtime = {
        engine: options.engine ?? createDockerodeSwarmPort(),
        log: context.log,
        io: context.io,
        bus: context.bus,
        root: context.root,
        clock: options.clock ?? systemClock,
        interrupts: options.interrupts ?? processInterrupts,
        pollMs: options.pollMs ?? 500,
      };
      return {
        deploy: (input) => deploy(rt, input),
        stop: (input) => stopApp(rt, input),
        appStatus: ({ app }) => appStatus(rt, app),
        isDeployed: ({ app }) => isDeployed(rt, app),
        imageInfo: ({ app, image }) => imageInfo(rt, app, image),
        postDelete: ({ app }) => postDelete(rt, app),
        logsFailed: ({ app }) => logsFailed(rt, app),
        // Swarm stops and forgets replaced tasks itself; what is left to retire are probe
        // containers a killed pier left behind (a younger one may be another command's).
        retire: ({ app }) => sweepProbeContainers(rt, app, Math.floor(rt.clock.now() / 1000) - STALE_PROBE_SECONDS),
        inspect: ({ app }) => inspectApp(rt, app),
        logs: (input) => appLogs(rt, input),
        enter: (input) => enter(rt, input),
        run: (input) => runOneOff(rt, input),
        runList: ({ app }) => runList(rt, app),
        runLogs: (input) => runLogs(rt, input),
        runStop: ({ app, container }) => runStop(rt, app, container),
        runRetire: ({ app }) => runRetire(rt, app),
      };
    },
  );
}
