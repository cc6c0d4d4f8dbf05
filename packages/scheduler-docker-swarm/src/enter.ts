/**
 * `scheduler:enter`: runs a command (default: the app's shell) inside a running task. A task's
 * container lives on the node that runs it, and Pier talks to one engine, so the task must run
 * on that engine's node; otherwise the error names the node. stdin is piped (its end closes the
 * command's stdin); with a TTY the caller's terminal is in raw mode and its size follows.
 */
import { ErrorCodes, PierError, type InputOf, type schedulerEnter } from '@pier/plugin-api';
import { appServices } from './app-services.js';
import { appShell } from './app-shell.js';
import { appDynos } from './app-status.js';
import { chooseEnterTarget } from './enter-target.js';
import { notDeployed } from './logs.js';
import { shortId } from './naming.js';
import type { Runtime } from './runtime.js';
import type { ExecSession } from './swarm-port.js';
import { requireManager } from './swarm-manager.js';

export type EnterInput = InputOf<typeof schedulerEnter>;

/** The exec's exit status can trail the end of its output by a few milliseconds. */
const EXIT_POLLS = 100;
const EXIT_POLL_MS = 50;

const ended = (stream: NodeJS.ReadableStream) => new Promise<void>((resolve) => {
  stream.once('end', resolve);
  stream.once('close', resolve);
  stream.once('error', () => resolve());
});

/** Connects the caller's streams to the session; returns what gives them back. */
function connect(rt: Runtime, session: ExecSession, tty: boolean, resize: (rows: number, columns: number) => void): () => void {
  const { stdin, stdout, stderr } = rt.io;
  session.stdout.pipe(stdout, { end: false });
  session.stderr.pipe(stderr, { end: false });
  const terminal = stdin as NodeJS.ReadStream;
  const out = stdout as NodeJS.WriteStream;
  const raw = tty && terminal.isTTY === true && typeof terminal.setRawMode === 'function';
  if (raw) terminal.setRawMode(true);
  const sendSize = () => {
    if (out.rows && out.columns) resize(out.rows, out.columns);
  };
  if (tty) {
    sendSize();
    out.on('resize', sendSize);
  }
  // With a TTY the engine ends the whole session when stdin closes, so EOF is not passed on.
  if (!tty && stdin.readableEnded) session.stdin.end();
  else stdin.pipe(session.stdin, { end: !tty });
  return () => {
    stdin.unpipe(session.stdin);
    // A paused stdin no longer holds the event loop open once the command is done.
    stdin.pause();
    if (raw) terminal.setRawMode(false);
    out.off('resize', sendSize);
    session.stdout.unpipe(stdout);
    session.stderr.unpipe(stderr);
    session.close();
  };
}

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
  const release = connect(rt, exec.session, tty, (rows, columns) => void rt.engine.resizeExec(exec.id, rows, columns).catch(() => {}));
  try {
    await Promise.all([exec.session.ended, ended(exec.session.stdout), ended(exec.session.stderr)]);
    for (let poll = 0; poll < EXIT_POLLS; poll++) {
      const exitCode = await rt.engine.execExitCode(exec.id);
      if (exitCode !== null) return { exitCode };
      await rt.clock.sleep(EXIT_POLL_MS);
    }
    throw new PierError(ErrorCodes.COMMAND_FAILED, `The command in task ${shortId(task.id)} did not report an exit status`);
  } finally {
    release();
  }
}
