/**
 * The app's shell for `enter` and `run` without a command in a swarm container: plugin-api's
 * configuredShell (Dokku's GetDokkuAppShell), else `/bin/bash`, or `/bin/sh` when the container
 * has no /bin/bash.
 */
import { configuredShell, DEFAULT_SHELL, FALLBACK_SHELL, type TriggerBus } from '@pier/plugin-api';
import type { SwarmPort } from './swarm-port.js';

/** Without a configured shell: /bin/bash where the container (running, or only created) has it, else /bin/sh. */
export async function defaultShell(engine: SwarmPort, containerId: string): Promise<string[]> {
  return (await engine.pathExists(containerId, DEFAULT_SHELL)) ? [DEFAULT_SHELL] : [FALLBACK_SHELL];
}

export async function appShell(bus: TriggerBus, engine: SwarmPort, app: string, containerId: string): Promise<string[]> {
  return (await configuredShell(bus, app)) ?? defaultShell(engine, containerId);
}
