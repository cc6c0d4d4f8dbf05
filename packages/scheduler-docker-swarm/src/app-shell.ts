/**
 * The app's shell for `enter` and `run` without a command, as docker-local picks it (Dokku's
 * GetDokkuAppShell): the scheduler plugin's `shell` property (app, then --global), else
 * `/bin/bash`, or `/bin/sh` when nothing is configured and the container has no /bin/bash.
 */
import { defineProperties, ProcfileCommandSyntaxError, propertyClient, splitProcfileCommand, type TriggerBus } from '@pier/plugin-api';
import type { SwarmPort } from './swarm-port.js';

const schedulerShell = defineProperties('scheduler', { shell: { global: true } });

export const DEFAULT_SHELL = '/bin/bash';
/** For an image without bash (Alpine, busybox), when no shell is configured. */
export const FALLBACK_SHELL = '/bin/sh';

/** The configured shell as argv (Dokku expands it unquoted: `/bin/bash -l` has an argument), or null. */
export async function configuredShell(bus: TriggerBus, app: string): Promise<string[] | null> {
  const configured = (await propertyClient(bus, schedulerShell).computed(app, 'shell')).trim();
  if (configured === '') return null;
  try {
    const argv = splitProcfileCommand(configured, '$PORT');
    return argv.length > 0 ? argv : null;
  } catch (error) {
    if (!(error instanceof ProcfileCommandSyntaxError)) throw error;
    return [configured];
  }
}

/** Without a configured shell: /bin/bash where the container (running, or only created) has it, else /bin/sh. */
export async function defaultShell(engine: SwarmPort, containerId: string): Promise<string[]> {
  return (await engine.pathExists(containerId, DEFAULT_SHELL)) ? [DEFAULT_SHELL] : [FALLBACK_SHELL];
}

export async function appShell(bus: TriggerBus, engine: SwarmPort, app: string, containerId: string): Promise<string[]> {
  return (await configuredShell(bus, app)) ?? defaultShell(engine, containerId);
}
