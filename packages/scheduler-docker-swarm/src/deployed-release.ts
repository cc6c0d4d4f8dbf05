/**
 * What a one-off runs: the app's current release, read back from its services (the swarm is
 * the source of truth; Pier keeps no release file for it). Every service of a release carries
 * the same image, env, init and stop grace period; each type's service its Procfile command.
 */
import { ErrorCodes, notDeployed } from '@pier/plugin-api';
import { appServices } from './app-services.js';
import { LABEL_NETWORK_MODE, LABEL_PROCFILE_COMMAND } from './naming.js';
import { procfileArgv } from './procfile-argv.js';
import type { Runtime } from './runtime.js';
import type { TaskTemplate } from './service-spec-types.js';
import { fromSwarmLiteral } from './swarm-template.js';

export interface DeployedRelease {
  /** What the app's tasks run: an image id, or the name every node pulls (image-reference name). */
  image: string;
  /** The release env, values as given (not Swarm-escaped), without the per-task DYNO and web's PORT. */
  env: Record<string, string>;
  init: boolean;
  /** Nanoseconds: the release's stop-timeout-seconds. */
  stopGracePeriod: number;
  /** As the engine keeps them (a network's id as Target): what a one-off service attaches to. */
  networks: TaskTemplate['Networks'];
  /** The deploy's network-mode (`bridge`, `host` or a network): what an attached run's container joins. */
  networkMode: string;
  placementConstraints: string[];
  /** The Procfile command of `type` split for `port`; null when the release has no such command. */
  procfileCommand(type: string, port: string): string[] | null;
}

/** `KEY=VALUE` entries of a service's env, with the ones Pier sets per task left out. */
function releaseEnv(entries: string[], web: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries.map(fromSwarmLiteral)) {
    const at = entry.indexOf('=');
    const key = at < 0 ? entry : entry.slice(0, at);
    if (key === 'DYNO' || (web && key === 'PORT')) continue;
    env[key] = at < 0 ? '' : entry.slice(at + 1);
  }
  return env;
}

export async function deployedRelease(rt: Runtime, app: string): Promise<DeployedRelease> {
  const services = await appServices(rt, app);
  if (services.length === 0) throw notDeployed(app);
  // Web's env has Pier's PORT in place of the release's, so another type's tells more.
  const base = services.find((entry) => entry.type !== 'web') ?? services[0]!;
  const template = base.service.spec.TaskTemplate;
  const container = template.ContainerSpec;
  return {
    image: container.Image,
    env: releaseEnv(container.Env ?? [], base.type === 'web'),
    init: container.Init === true,
    stopGracePeriod: container.StopGracePeriod ?? 10e9,
    networks: template.Networks,
    // A service deployed before the label: the network's id, which a container can join too
    // (an attachable network); Swarm's host network it cannot.
    networkMode: base.service.labels[LABEL_NETWORK_MODE] ?? template.Networks?.[0]?.Target ?? 'bridge',
    placementConstraints: template.Placement?.Constraints ?? [],
    procfileCommand(type, port) {
      const service = services.find((entry) => entry.type === type)?.service;
      if (!service) return null;
      const command = service.labels[LABEL_PROCFILE_COMMAND];
      // A service deployed before the label existed: its argv as that deploy split it.
      if (command === undefined) return service.spec.TaskTemplate.ContainerSpec.Args ?? null;
      return procfileArgv(type, command, port, ErrorCodes.COMMAND_FAILED);
    },
  };
}
