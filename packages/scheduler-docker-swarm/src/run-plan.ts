/**
 * Pure: a one-off process as the engine is asked for it, kept apart from the engine calls so it
 * can be tested as a table. Attached (`run`), a container on the manager's engine, created as
 * `docker run -i --rm` would (stdin held for the caller, removed by the engine when it exits);
 * detached (`run:detached`), a one-off service: one task, never restarted, placed by Swarm on
 * any node the app's placement constraints allow.
 */
import { LABEL_APP, LABEL_PROCESS_TYPE, LABEL_ROOT, rootLabelValue, LABEL_CONTAINER_TYPE, LABEL_DEADLINE, RUN_TYPE, runName } from '@pier/plugin-api';
import type { ContainerCreateSpec } from './container-port.js';
import type { DeployedRelease } from './deployed-release.js';
import { runEnv } from './run-command.js';
import { LABEL_RUN_NAME, runServiceName } from './run-naming.js';
import type { OneOffServiceSpec } from './service-spec-types.js';
import { swarmLiteral } from './swarm-template.js';

export interface RunPlan {
  app: string;
  root: string;
  /** The `<n>` of `<app>.run.<n>`. */
  number: number;
  /** What the app's services run: image, env, init, stop grace period, networks (and network mode), placement. */
  release: Omit<DeployedRelease, 'procfileCommand'>;
  /** The Procfile type whose command runs (its process-type label), if any. */
  procfileType: string | null;
  argv: string[];
  /**
   * argv is the default shell (no command, none configured): an attached run's container gives
   * way to one running /bin/sh when the image has no /bin/bash.
   */
  defaultShell?: boolean;
  /** `-e` pairs. */
  env: Readonly<Record<string, string>>;
  /** A port of its own ($PORT), for an attached run on the host network. */
  port: number | null;
  tty: boolean;
  ttlSeconds: number;
  /** With a TTY on the caller's terminal: its size (rows, columns), set from the start. */
  consoleSize?: [number, number] | undefined;
}

/** Dokku's labels (a process type only when a Procfile command runs), the run name and the state root. */
function labelsOf(plan: RunPlan): Record<string, string> {
  return {
    [LABEL_APP]: plan.app,
    [LABEL_CONTAINER_TYPE]: RUN_TYPE,
    ...(plan.procfileType === null ? {} : { [LABEL_PROCESS_TYPE]: plan.procfileType }),
    [LABEL_DEADLINE]: String(plan.ttlSeconds),
    [LABEL_RUN_NAME]: runName(plan.app, plan.number),
    [LABEL_ROOT]: rootLabelValue(plan.root),
  };
}

const envEntries = (plan: RunPlan) =>
  Object.entries(runEnv(plan.release, plan.env, `${RUN_TYPE}.${plan.number}`, plan.port)).map(([key, value]) => `${key}=${value}`);

export function runContainerSpec(plan: RunPlan): ContainerCreateSpec {
  const { release } = plan;
  return {
    name: runName(plan.app, plan.number),
    Image: release.image,
    Cmd: plan.argv,
    Env: envEntries(plan),
    Labels: labelsOf(plan),
    Tty: plan.tty,
    attached: true,
    StopTimeout: Math.round(release.stopGracePeriod / 1e9),
    HostConfig: {
      // The app's tasks unattached (`bridge`) run on the node's default network: so does the container.
      NetworkMode: release.networkMode,
      // Dokku's `--rm`: gone when it exits, even when Pier is not there to see it (kill -9, a closed terminal).
      AutoRemove: true,
      ...(release.init ? { Init: true } : {}),
      ...(plan.tty && plan.consoleSize ? { ConsoleSize: plan.consoleSize } : {}),
    },
  };
}

export function runServiceSpec(plan: RunPlan): OneOffServiceSpec {
  const { release } = plan;
  const labels = labelsOf(plan);
  return {
    Name: runServiceName(plan.app, plan.number),
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: release.image,
        Args: plan.argv,
        // Swarm evaluates templates in env values; a one-off's are literal.
        Env: envEntries(plan).map(swarmLiteral),
        Labels: labels,
        ...(release.init ? { Init: true } : {}),
        StopGracePeriod: release.stopGracePeriod,
        ...(plan.tty ? { TTY: true } : {}),
      },
      RestartPolicy: { Condition: 'none' },
      Placement: release.placementConstraints.length > 0 ? { Constraints: release.placementConstraints } : {},
      ...(release.networks === undefined ? {} : { Networks: release.networks }),
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: 'dnsrr' },
  };
}
