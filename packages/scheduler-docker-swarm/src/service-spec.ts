/**
 * Pure: one process type of a release → the spec of its Swarm service. The dockerode
 * equivalent of `docker service create` for a Pier dyno type, in one place so it can be tested
 * as a table. See health-plan.ts for the checks and rollout-config.ts for the rollout settings.
 */
import { ErrorCodes, type ProcessSpec, type Release, LABEL_APP, LABEL_PROCESS_TYPE, LABEL_ROOT, rootLabelValue } from '@pier/plugin-api';
import { planHealth, type HealthPlan } from './health-plan.js';
import { LABEL_DEPLOY, LABEL_NETWORK_MODE, LABEL_PROCFILE_COMMAND, serviceName } from './naming.js';
import { procfileArgv } from './procfile-argv.js';
import type { SwarmSettings } from './properties.js';
import { swarmRestartPolicy } from './restart-policy.js';
import { rolloutConfigs } from './rollout-config.js';
import { seconds, type ServiceSpec } from './service-spec-types.js';
import { swarmLiteral } from './swarm-template.js';

/** Every web task listens on the same port inside its own network namespace, Dokku's default. */
export const WEB_PORT = 5000;

export interface ServicePlanInput {
  app: string;
  root: string;
  release: Release;
  process: ProcessSpec;
  settings: SwarmSettings;
  /** What the tasks run: the image id, or the name every node pulls (image-reference). */
  image: string;
  init: boolean;
  deployId: string;
}

export interface ServicePlan {
  spec: ServiceSpec;
  health: HealthPlan;
}

/** The release env, then DYNO (one per task, from Swarm's slot template) and PORT for web. */
function envOf(release: Release, type: string, port: number | null): string[] {
  const env = Object.entries(release.env)
    .filter(([key]) => key !== 'DYNO' && (port === null || key !== 'PORT'))
    .map(([key, value]) => swarmLiteral(`${key}=${value}`));
  env.push(`DYNO=${type}.{{.Task.Slot}}`);
  if (port !== null) env.push(`PORT=${port}`);
  return env;
}

/** `bridge` is Swarm's default (no attachment), `host` the node's network, anything else a network by name. */
const networksOf = (mode: string) => (mode === 'bridge' ? undefined : [{ Target: mode }]);

export function planService(input: ServicePlanInput): ServicePlan {
  const { app, release, process, settings } = input;
  const port = process.type === 'web' ? WEB_PORT : null;
  const health = planHealth(process, port, release.defaultUptimeSeconds);
  const monitorSeconds = settings.updateMonitorSeconds ?? health.monitorSeconds;
  const labels = { [LABEL_APP]: app, [LABEL_PROCESS_TYPE]: process.type, [LABEL_ROOT]: rootLabelValue(input.root) };
  const portText = String(port ?? release.env.PORT ?? WEB_PORT);
  const args = process.command === null ? undefined : procfileArgv(process.type, process.command, portText, ErrorCodes.DEPLOY_FAILED);
  const networks = networksOf(settings.networkMode);

  const spec: ServiceSpec = {
    Name: serviceName(app, process.type),
    // On the service only (tasks need not roll for them): the network mode, which an attached
    // run joins, and the Procfile command as written, what `run <app> <type>` runs, split for
    // its own $PORT.
    Labels: {
      ...labels,
      [LABEL_NETWORK_MODE]: settings.networkMode,
      ...(process.command === null ? {} : { [LABEL_PROCFILE_COMMAND]: process.command }),
    },
    TaskTemplate: {
      ContainerSpec: {
        Image: input.image,
        ...(args === undefined ? {} : { Args: args }),
        Env: envOf(release, process.type, port),
        Labels: { ...labels, [LABEL_DEPLOY]: input.deployId },
        ...(input.init ? { Init: true } : {}),
        StopGracePeriod: seconds(release.stopTimeoutSeconds),
        ...(health.health === undefined ? {} : { Healthcheck: health.health }),
      },
      RestartPolicy: swarmRestartPolicy(release.restartPolicy),
      Placement: {
        ...(settings.placementConstraints.length > 0 ? { Constraints: settings.placementConstraints } : {}),
        ...(settings.maxReplicasPerNode > 0 ? { MaxReplicas: settings.maxReplicasPerNode } : {}),
      },
      ...(networks === undefined ? {} : { Networks: networks }),
    },
    Mode: { Replicated: { Replicas: process.quantity } },
    ...rolloutConfigs(process, settings.networkMode, monitorSeconds),
    // No virtual IP: nothing routes to it (no proxy yet), and kernels without IPVS cannot run one.
    EndpointSpec: { Mode: 'dnsrr' },
  };
  return { spec, health };
}
