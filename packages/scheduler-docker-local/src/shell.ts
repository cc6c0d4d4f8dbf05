/**
 * The app's shell for `run` and `enter` without a command (Dokku's GetDokkuAppShell): the
 * scheduler plugin's `shell` property of the app, else of --global, else `/bin/bash`. Pier adds
 * one thing: when nothing is configured and the image has no /bin/bash (Alpine, busybox,
 * distroless-with-shell), `/bin/sh` is used instead of failing with "executable file not found".
 * A configured shell is used as is: the user asked for it.
 */
import { defineProperties, ProcfileCommandSyntaxError, propertyClient, splitProcfileCommand, type TriggerBus } from '@pier/plugin-api';
import type { DockerPort } from './docker-port.js';

export const DEFAULT_SHELL = '/bin/bash';
export const FALLBACK_SHELL = '/bin/sh';

/** The `scheduler` plugin's `shell` key, read through the bus like any other plugin's property. */
const schedulerShell = defineProperties('scheduler', { shell: { global: true } });

export interface Shell {
  argv: string[];
  /** false: the default, which may fall back to /bin/sh. */
  configured: boolean;
}

/** Dokku expands the property unquoted, so `/bin/bash -l` is a command with an argument. */
export async function resolveShell(bus: TriggerBus, app: string): Promise<Shell> {
  const value = (await propertyClient(bus, schedulerShell).computed(app, 'shell')).trim();
  if (value === '') return { argv: [DEFAULT_SHELL], configured: false };
  try {
    const argv = splitProcfileCommand(value, '$PORT');
    return argv.length === 0 ? { argv: [DEFAULT_SHELL], configured: false } : { argv, configured: true };
  } catch (error) {
    if (!(error instanceof ProcfileCommandSyntaxError)) throw error;
    return { argv: [value], configured: true };
  }
}

/** Whether the default shell must give way to /bin/sh in this (created or running) container. */
export async function needsFallback(docker: DockerPort, containerId: string, shell: Shell): Promise<boolean> {
  return !shell.configured && !(await docker.pathExists(containerId, DEFAULT_SHELL));
}
