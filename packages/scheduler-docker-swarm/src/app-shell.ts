/**
 * The app's shell for `enter` without a command, as docker-local picks it (Dokku's
 * GetDokkuAppShell): the scheduler plugin's `shell` property (app, then --global), else
 * `/bin/bash`, or `/bin/sh` when nothing is configured and the container has no /bin/bash.
 */
import { defineProperties, ProcfileCommandSyntaxError, propertyClient, splitProcfileCommand, type TriggerBus } from '@pier/plugin-api';
import type { SwarmPort } from './swarm-port.js';

const schedulerShell = defineProperties('scheduler', { shell: { global: true } });

export async function appShell(bus: TriggerBus, engine: SwarmPort, app: string, containerId: string): Promise<string[]> {
  const configured = (await propertyClient(bus, schedulerShell).computed(app, 'shell')).trim();
  if (configured !== '') {
    try {
      const argv = splitProcfileCommand(configured, '$PORT');
      if (argv.length > 0) return argv;
    } catch (error) {
      if (!(error instanceof ProcfileCommandSyntaxError)) throw error;
      return [configured];
    }
  }
  return (await engine.pathExists(containerId, '/bin/bash')) ? ['/bin/bash'] : ['/bin/sh'];
}
