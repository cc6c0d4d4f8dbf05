/**
 * What the scheduler's operations share: the engine, output, streams, state root, time, probes and
 * interrupts, plus the per-deploy session that collects what a deploy created so a failure can
 * undo exactly that.
 */
import type { Output, PluginIO, Release, TriggerBus, InterruptSource } from '@pier/plugin-api';
import type { Clock } from '@pier/plugin-api';
import type { DeployGuard } from './deploy-interrupts.js';
import type { DockerPort, RestartPolicy } from './docker-port.js';
import type { DeployContainer } from './naming.js';
import type { Probes } from './probes.js';
import type { RetireLauncher } from './retire-launch.js';

export interface Runtime {
  /** The engine as this state root sees it: only its own containers (root-scope.ts). */
  docker: DockerPort;
  /** The whole engine, for the one question that concerns other roots: is a name of ours taken? */
  engine: DockerPort;
  log: Output;
  /** Raw streams for run, enter and logs. */
  io: PluginIO;
  /** Properties (network-mode, init-process, the scheduler's shell). */
  bus: TriggerBus;
  root: string;
  clock: Clock;
  probes: Probes;
  interrupts: InterruptSource;
  /** Starts the background job that stops a deploy's old containers after wait-to-retire. */
  retireLauncher: RetireLauncher;
}

/** A container this deploy created. */
export interface NewContainer {
  id: string;
  /** Its `*.upcoming-*` name. */
  name: string;
  type: string;
  index: number;
  dyno: string;
}

export interface DeploySession {
  app: string;
  release: Release;
  imageId: string;
  networkMode: string;
  init: boolean;
  parallelScheduleCount: number;
  loggingDriver: string;
  /** The live container of each dyno when the deploy began (of the deployed type only, when one was given). */
  live: Map<string, DeployContainer>;
  /** Loopback ports handed out in host mode during this deploy. */
  takenPorts: Set<number>;
  /** Every container created so far, passed or not. */
  created: NewContainer[];
  /** Created containers whose checks passed: they replace `live` at the end. */
  passed: NewContainer[];
  /** Ids of created containers that failed (kept stopped for logs:failed). */
  failed: Set<string>;
  /** Live containers of scaled-down dynos. */
  orphans: DeployContainer[];
  /** Old containers stopped up front because checks are disabled, with their restart policy. */
  stoppedEarly: { container: DeployContainer; restartPolicy: RestartPolicy }[];
  /** Ctrl-C and SIGTERM: checked between steps, ends pending waits (deploy-interrupts.ts). */
  guard: DeployGuard;
}
