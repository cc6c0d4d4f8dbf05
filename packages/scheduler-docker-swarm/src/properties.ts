/**
 * The scheduler-docker-swarm properties, per app and `--global`, kept by @pier/core-properties
 * under `config/scheduler-docker-swarm/<app|--global>/<key>`. Values are checked when set (and
 * again when a deploy reads them, so a file edited by hand gets the same clear error).
 */
import { defineProperties, ErrorCodes, PierError, propertyClient, type TriggerBus } from '@pier/plugin-api';

export const PROPERTY_PLUGIN = 'scheduler-docker-swarm';

export const dockerSwarmProperties = defineProperties(PROPERTY_PLUGIN, {
  // How long each process type may take to converge before the deploy is rolled back.
  'deploy-timeout-seconds': { default: '300', global: true },
  // `id`: the local image by id (one node, or every node has it); `name`: as given, pulled by each node.
  'image-reference': { default: 'id', global: true },
  // As docker-local: only the exact value `true` runs an init process as PID 1.
  'init-process': { default: 'true', global: true },
  // Placement.MaxReplicas; empty or 0: no limit.
  'max-replicas-per-node': { default: '', global: true },
  // `bridge` leaves tasks unattached (Swarm's default: the node's default network), `host`, or a network.
  'network-mode': { default: 'bridge', global: true },
  // Placement.Constraints, comma-separated: `node.role==worker,node.labels.zone==eu`.
  'placement-constraints': { default: '', global: true },
  // UpdateConfig.Monitor; empty: the uptime the process type's checks ask for.
  'update-monitor-seconds': { default: '', global: true },
});

export type DockerSwarmProperty = (typeof dockerSwarmProperties.keys)[number];

const invalid = (key: string, value: string, rule: string) =>
  new PierError(ErrorCodes.PROPERTY_INVALID, `Invalid ${key} "${value}": ${rule}`);

/** Docker's rule for network names; `bridge` and `host` are the two modes Swarm has built in. */
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** `node.role==manager`, `node.labels.zone != eu`, `engine.labels.os==linux`. */
const CONSTRAINT = /^[a-zA-Z0-9_.-]+\s*(==|!=)\s*\S+$/;
const WHOLE = /^(0|[1-9][0-9]*)$/;

/** Why a value is refused, or undefined when it is fine. Empty values (unset) are always fine. */
export function propertyValueError(key: string, value: string): PierError | undefined {
  if (value === '') return undefined;
  switch (key) {
    case 'network-mode':
      if (value === 'none') {
        return invalid(key, value, 'Swarm cannot run a task without a network; leave bridge (only loopback on an engine started with --bridge=none) or use host');
      }
      return NETWORK_NAME.test(value) ? undefined : invalid(key, value, `use bridge, host or a network name matching ${NETWORK_NAME.source}`);
    case 'deploy-timeout-seconds':
      return WHOLE.test(value) && value !== '0' ? undefined : invalid(key, value, 'use a whole number of seconds, at least 1');
    case 'update-monitor-seconds':
    case 'max-replicas-per-node':
      return WHOLE.test(value) ? undefined : invalid(key, value, 'use a whole number, 0 or more');
    case 'image-reference':
      return value === 'id' || value === 'name' ? undefined : invalid(key, value, 'use id or name');
    case 'placement-constraints': {
      const bad = splitConstraints(value).find((constraint) => !CONSTRAINT.test(constraint));
      return bad === undefined ? undefined : invalid(key, value, `"${bad}" is not a constraint like node.role==worker`);
    }
    default:
      return undefined;
  }
}

/** `validateValue` hook of runPropertySetCommand. */
export function validatePropertyValue(key: string, value: string): void {
  const error = propertyValueError(key, value);
  if (error) throw error;
}

export const splitConstraints = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** What a deploy needs, computed app → global → default. */
export interface SwarmSettings {
  networkMode: string;
  /** null: neither the app nor --global sets init-process, the image decides (see deploy). */
  init: boolean | null;
  deployTimeoutSeconds: number;
  /** null: derived from the process type's checks. */
  updateMonitorSeconds: number | null;
  placementConstraints: string[];
  /** 0: no limit. */
  maxReplicasPerNode: number;
  imageReference: 'id' | 'name';
}

/** deploy-timeout-seconds alone (a detached run waits that long for its task), checked as a deploy checks it. */
export async function readDeployTimeoutSeconds(bus: TriggerBus, app: string): Promise<number> {
  const value = await propertyClient(bus, dockerSwarmProperties).computed(app, 'deploy-timeout-seconds');
  validatePropertyValue('deploy-timeout-seconds', value);
  return Number(value);
}

export async function readSwarmSettings(bus: TriggerBus, app: string): Promise<SwarmSettings> {
  const client = propertyClient(bus, dockerSwarmProperties);
  const keys = dockerSwarmProperties.keys;
  const values = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await client.computed(app, key)] as const))) as Record<
    DockerSwarmProperty,
    string
  >;
  for (const key of keys) validatePropertyValue(key, values[key]);
  const [initApp, initGlobal] = await Promise.all([client.get(app, 'init-process'), client.getGlobal('init-process')]);
  const initSet = initApp !== '' ? initApp : initGlobal;
  return {
    networkMode: values['network-mode'],
    init: initSet === '' ? null : initSet === 'true',
    deployTimeoutSeconds: Number(values['deploy-timeout-seconds']),
    updateMonitorSeconds: values['update-monitor-seconds'] === '' ? null : Number(values['update-monitor-seconds']),
    placementConstraints: splitConstraints(values['placement-constraints']),
    maxReplicasPerNode: values['max-replicas-per-node'] === '' ? 0 : Number(values['max-replicas-per-node']),
    imageReference: values['image-reference'] === 'name' ? 'name' : 'id',
  };
}
