/**
 * `scheduler:run` (Dokku's `scheduler-run`, §4.9): a one-off process from the app's current
 * release (the image, env, init and stop timeout its services run with). What runs follows
 * docker-local's rule (run-command.ts); the app's shell when no command is given. Attached, it
 * is a container on the manager's engine (run-attached.ts); detached, a one-off service on the
 * swarm (run-detached.ts). Both are `<app>.run.<n>`, for run:list, run:logs and run:stop.
 */
import type { InputOf, OutputOf, schedulerRun } from '@pier/plugin-api';
import { signalExitCode, terminalSize, randomRunNumber, freeLoopbackPort, configuredShell, DEFAULT_SHELL } from '@pier/plugin-api';
import { defaultShell } from './app-shell.js';
import { deployedRelease } from './deployed-release.js';
import { ProbeInterrupted, withProbeContainer } from './probe-container.js';
import { runAttached } from './run-attached.js';
import { resolveRunCommand } from './run-command.js';
import { runDetached } from './run-detached.js';
import type { RunPlan } from './run-plan.js';
import type { Runtime } from './runtime.js';
import { WEB_PORT } from './service-spec.js';
import { requireManager } from './swarm-manager.js';

export type RunInput = InputOf<typeof schedulerRun>;

/**
 * Dokku's `-----> Found '<type>' in Procfile, running that command` (hidden by --quiet). A
 * detached run prints it on stderr: its stdout is the name, which scripts capture.
 */
function procfileNotice(rt: Runtime, detached: boolean, type: string): void {
  const text = `Found '${type}' in Procfile, running that command`;
  if (!detached) rt.log.info1Quiet(text);
  else if (!rt.log.quiet) rt.io.stderr.write(`-----> ${text}\n`);
}

export async function runOneOff(rt: Runtime, input: RunInput): Promise<OutputOf<typeof schedulerRun>> {
  const { app } = input;
  await requireManager(rt);
  const release = await deployedRelease(rt, app);
  // An attached run on the host network shares the node's ports with the app's tasks there: it
  // gets one of its own. Elsewhere the process has its own network namespace.
  const port = !input.detach && release.networkMode === 'host' ? await freeLoopbackPort() : null;
  const command = resolveRunCommand(release, input.command, String(port ?? release.env.PORT ?? WEB_PORT));
  if (command.procfileType !== null) procfileNotice(rt, input.detach, command.procfileType);
  let argv = command.argv ?? (await configuredShell(rt.bus, app));
  // The default shell: an attached run looks for /bin/bash in its own container (run-attached.ts);
  // a one-off service's task may start on any node, so the manager's engine looks at the image.
  if (argv === null && input.detach) {
    try {
      argv = await withProbeContainer(rt, app, release.image, (id, step) => step(defaultShell(rt.engine, id)));
    } catch (error) {
      if (error instanceof ProbeInterrupted) return { exitCode: signalExitCode(error.signal) };
      throw error;
    }
  }
  const plan: RunPlan = {
    app,
    root: rt.root,
    number: randomRunNumber(),
    release,
    procfileType: command.procfileType,
    argv: argv ?? [DEFAULT_SHELL],
    defaultShell: argv === null,
    env: input.env,
    port,
    tty: input.tty,
    ttlSeconds: input.ttlSeconds,
    consoleSize: input.tty ? terminalSize(rt.io.stdout) : undefined,
  };
  return input.detach ? runDetached(rt, plan) : { exitCode: await runAttached(rt, plan) };
}
