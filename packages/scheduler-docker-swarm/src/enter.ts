/**
 * `scheduler:enter`: runs a command (default: the app's shell) inside a running task. A task's
 * container lives on the node that runs it, and Pier talks to one engine, so the task must run
 * on that engine's node; otherwise the error names the node. The caller's streams are joined to
 * the exec as session-link.ts does it (stdin, backpressure, a reader gone, raw TTY and its size).
 */
import { ErrorCodes, PierError, type InputOf, type schedulerEnter, notDeployed } from '@pier/plugin-api';
import { appServices } from './app-services.js';
import { appShell } from './app-shell.js';
import { appDynos } from './app-status.js';
import { chooseEnterTarget } from './enter-target.js';
import { shortId } from './naming.js';
import type { Runtime } from './runtime.js';
import { linkSession, OUTPUT_GONE_STATUS, OUTPUT_QUIET_MS } from './session-link.js';
import { requireManager } from './swarm-manager.js';

export type EnterInput = InputOf<typeof schedulerEnter>;

/** The exec's exit status can trail the end of its output by a few milliseconds. */
const EXIT_POLLS = 100;
const EXIT_POLL_MS = 50;

export async function enter(rt: Runtime, input: EnterInput): Promise<{ exitCode: number }> {
  const { app, tty } = input;
  const node = await requireManager(rt);
  const services = await appServices(rt, app);
  if (services.length === 0) throw notDeployed(app);
  const target = chooseEnterTarget(app, await appDynos(rt, services), input);
  if (!('dyno' in target)) {
    if (target.warn) rt.log.warn(target.warn);
    throw new PierError(ErrorCodes.COMMAND_FAILED, target.fail);
  }
  const { dyno, task } = target.dyno;
  if (task.nodeId !== node.nodeId) {
    const host = await rt.engine.nodeHostname(task.nodeId);
    throw new PierError(
      ErrorCodes.COMMAND_FAILED,
      `${dyno} (task ${shortId(task.id)}) runs on node ${host || shortId(task.nodeId)}, not on the node of the Docker engine at ${rt.engine.endpoint}: enter reaches tasks on that node only`,
    );
  }

  const command = input.command.length > 0 ? input.command : await appShell(rt.bus, rt.engine, app, task.containerId);
  const exec = await rt.engine.exec(task.containerId, command, tty);
  const link = linkSession(rt.io, exec.session, { tty, resize: (rows, columns) => void rt.engine.resizeExec(exec.id, rows, columns).catch(() => {}) });
  try {
    link.started();
    // Nobody reads the output any more (`| head -1`): closing the session ends the command,
    // and Pier ends as a writer killed by SIGPIPE would.
    const done = exec.session.ended.then(() => link.settled(OUTPUT_QUIET_MS)).then(() => false);
    if (await Promise.race([done, link.outputGone.then(() => true)])) return { exitCode: OUTPUT_GONE_STATUS };
    for (let poll = 0; poll < EXIT_POLLS; poll++) {
      const exitCode = await rt.engine.execExitCode(exec.id);
      if (exitCode !== null) return { exitCode };
      await rt.clock.sleep(EXIT_POLL_MS);
    }
    throw new PierError(ErrorCodes.COMMAND_FAILED, `The command in task ${shortId(task.id)} did not report an exit status`);
  } finally {
    link.release();
  }
}
