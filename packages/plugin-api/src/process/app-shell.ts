/**
 * The app's shell for `run` and `enter` without a command, the same in every scheduler (Dokku's
 * GetDokkuAppShell): the scheduler plugin's `shell` property of the app, else of --global, else
 * `/bin/bash`. Pier adds one thing: when nothing is configured and the container has no /bin/bash
 * (Alpine, busybox), `/bin/sh` is used instead of failing with "executable file not found". A
 * configured shell is used as is: the user asked for it.
 */
import type { TriggerBus } from '../bus/trigger-bus.js';
import { defineProperties } from '../properties/define-properties.js';
import { propertyClient } from '../properties/property-client.js';
import { ProcfileCommandSyntaxError, splitProcfileCommand } from '../scheduler/procfile-command.js';

export const DEFAULT_SHELL = '/bin/bash';
/** For an image without bash (Alpine, busybox), when no shell is configured. */
export const FALLBACK_SHELL = '/bin/sh';

/** The `scheduler` plugin's `shell` key, read through the bus like any other plugin's property. */
const schedulerShell = defineProperties('scheduler', { shell: { global: true } });

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

export interface Shell {
  argv: string[];
  /** false: the default, which may fall back to /bin/sh. */
  configured: boolean;
}

/** The configured shell, else the default one (which needsFallback may replace). */
export async function resolveShell(bus: TriggerBus, app: string): Promise<Shell> {
  const argv = await configuredShell(bus, app);
  return argv === null ? { argv: [DEFAULT_SHELL], configured: false } : { argv, configured: true };
}

/** What tells whether a (created or running) container has a path: each scheduler's engine port. */
export interface ContainerPaths {
  pathExists(containerId: string, path: string): Promise<boolean>;
}

/** Whether the default shell must give way to /bin/sh in this container. */
export async function needsFallback(engine: ContainerPaths, containerId: string, shell: Shell): Promise<boolean> {
  return !shell.configured && !(await engine.pathExists(containerId, DEFAULT_SHELL));
}
