/**
 * Pure: one dyno of a release → the engine's container-create body. The dockerode equivalent of
 * Dokku's `docker container create` argument list (§4.3.1), in one place so it can be tested
 * as a table.
 */
import { LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_DYNO, LABEL_PROCESS_TYPE, LOOPBACK } from '@pier/plugin-api';
import type { CreateContainerSpec, RestartPolicy } from './docker-port.js';
import { GLOBAL_LABELS, LABEL_LISTEN, upcomingName } from './naming.js';

/** Dokku's logs plugin adds `--log-opt max-size=10m` only for drivers that understand it. */
const SIZE_LIMITED_DRIVERS = new Set(['json-file', 'local']);
export const LOG_MAX_SIZE = '10m';
export const takesLogMaxSize = (loggingDriver: string) => SIZE_LIMITED_DRIVERS.has(loggingDriver);

export interface DynoPlan {
  app: string;
  type: string;
  index: number;
  image: string;
  /** argv, or null to run the image's own CMD. */
  command: string[] | null;
  env: Readonly<Record<string, string>>;
  /** The PORT handed to the process (web only), or null. */
  port: number | null;
  init: boolean;
  networkMode: string;
  restartPolicy: string;
  loggingDriver: string;
  /** Dokku's `$RANDOM` in `<name>.upcoming-<random>`. */
  random: number;
}

/** `no`, `always`, `unless-stopped`, `on-failure`, `on-failure:N` (the ps restart-policy values). */
export function parseRestartPolicy(policy: string): RestartPolicy {
  const [name = 'no', count] = policy.split(':');
  if (name === 'on-failure' && count !== undefined && /^[0-9]+$/.test(count)) {
    return { Name: name, MaximumRetryCount: Number(count) };
  }
  return { Name: name === '' ? 'no' : name };
}

/**
 * The release env, then DYNO and PORT, which the scheduler owns. Like Dokku's `--env=PORT=`,
 * a process without a port (every non-web type) gets PORT set to the empty string, which also
 * overrides a PORT from the app's own settings.
 */
export function dynoEnv(env: Readonly<Record<string, string>>, dyno: string, port: number | null): string[] {
  const merged: Record<string, string> = { ...env, DYNO: dyno, PORT: port === null ? '' : String(port) };
  return Object.entries(merged).map(([key, value]) => `${key}=${value}`);
}

export function buildCreateOptions(plan: DynoPlan): CreateContainerSpec {
  const dyno = `${plan.type}.${plan.index}`;
  const spec: CreateContainerSpec = {
    name: upcomingName(plan.app, plan.type, plan.index, plan.random),
    Image: plan.image,
    Env: dynoEnv(plan.env, dyno, plan.port),
    Labels: {
      [LABEL_PROCESS_TYPE]: plan.type,
      [LABEL_DYNO]: dyno,
      [LABEL_APP]: plan.app,
      [LABEL_CONTAINER_TYPE]: 'deploy',
      ...GLOBAL_LABELS,
    },
    HostConfig: {
      NetworkMode: plan.networkMode,
      RestartPolicy: parseRestartPolicy(plan.restartPolicy),
    },
  };
  // In host mode the process listens on 127.0.0.1:$PORT: the app's URL (app-status.ts).
  if (plan.networkMode === 'host' && plan.port !== null) spec.Labels[LABEL_LISTEN] = `${LOOPBACK}:${plan.port}`;
  if (plan.command !== null) spec.Cmd = plan.command;
  if (plan.init) spec.HostConfig.Init = true;
  // Type '' means "the daemon's default driver", exactly what `docker create --log-opt` sends.
  if (takesLogMaxSize(plan.loggingDriver)) {
    spec.HostConfig.LogConfig = { Type: '', Config: { 'max-size': LOG_MAX_SIZE } };
  }
  return spec;
}
