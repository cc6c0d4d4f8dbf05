/**
 * `scheduler:enter` (§4.11): pick one of the app's live containers (by type, `type.index`, or a
 * container-id prefix) and exec a command, or the app's shell, inside it. The exec's exit status
 * is the command's.
 */
import { ErrorCodes, PierError, signalExitCode, terminalSize, notDeployed, FALLBACK_SHELL, needsFallback, resolveShell } from '@pier/plugin-api';
import { isDeployed } from './app-status.js';
import { connectIo } from './attach-io.js';
import { listDeployContainers, liveContainers, type DeployContainer } from './naming.js';
import type { Runtime } from './runtime.js';

export interface EnterInput {
  app: string;
  processType?: string | undefined;
  containerId?: string | undefined;
  command: string[];
  tty: boolean;
}

/** Either the container, or Dokku's failure: an optional warning line, then the error line. */
export type EnterTarget = { container: DeployContainer } | { warn?: string; fail: string };

const uniqueSorted = (values: string[]) => [...new Set(values)].sort();

/** Pure: Dokku's choice of container, with its messages. `live` is in dyno order. */
export function resolveEnterTarget(app: string, live: DeployContainer[], input: Pick<EnterInput, 'processType' | 'containerId'>): EnterTarget {
  const types = uniqueSorted(live.map((c) => c.type));
  const availableTypes = `Available types for app (${app}): ${types.join(' ')}`;
  let container: DeployContainer | undefined;

  if (input.containerId !== undefined) {
    const prefix = input.containerId;
    container = prefix === '' ? undefined : live.find((c) => c.id.startsWith(prefix));
    if (!container) {
      return { warn: `Invalid container id for app: ${prefix}`, fail: `Available ids for app (${app}): ${live.map((c) => c.id).join(' ')}` };
    }
  } else {
    let type = input.processType;
    if (type === undefined) {
      const running = uniqueSorted(live.filter((c) => c.state === 'running').map((c) => c.type));
      if (running.length > 1) return { warn: 'No container type specified.', fail: `Available types for app (${app}): ${running.join(' ')}` };
      if (running.length === 0) return { fail: 'No containers found for app' };
      type = running[0]!;
    }
    // `web.2` names one dyno; `web` takes the first web container.
    container = type.includes('.') ? live.find((c) => c.dyno === type) : live.find((c) => c.type === type);
    if (!container) return { warn: `No containers found for type '${type}'`, fail: availableTypes };
  }
  if (container.state !== 'running') return { fail: 'Container is not running' };
  return { container };
}

/** The exec's status can trail the end of its stream by a few milliseconds. */
const EXIT_POLLS = 100;
const EXIT_POLL_MS = 50;

export async function enter(rt: Runtime, input: EnterInput): Promise<{ exitCode: number }> {
  const { app, tty } = input;
  const { docker } = rt;
  if (!(await isDeployed(rt, app))) throw notDeployed(app);
  const target = resolveEnterTarget(app, liveContainers(await listDeployContainers(docker, app)), input);
  if (!('container' in target)) {
    if (target.warn) rt.log.warn(target.warn);
    throw new PierError(ErrorCodes.COMMAND_FAILED, target.fail);
  }
  const { id } = target.container;

  let command = input.command;
  if (command.length === 0) {
    const shell = await resolveShell(rt.bus, app);
    command = (await needsFallback(docker, id, shell)) ? [FALLBACK_SHELL] : shell.argv;
  }
  const consoleSize = tty ? terminalSize(rt.io.stdout) : undefined;
  const execId = await docker.createExec(id, { command, tty, ...(consoleSize ? { consoleSize } : {}) });
  const session = connectIo(rt, await docker.startExec(execId, tty), { tty, resize: (rows, columns) => docker.resizeExec(execId, rows, columns) });
  try {
    session.started();
    // Nobody reads the output any more (`| head -1`): closing the connection makes the engine
    // kill the command, and Pier ends as a writer killed by SIGPIPE would.
    if ((await Promise.race([session.ended.then(() => false), session.outputGone.then(() => true)])) === true) {
      return { exitCode: signalExitCode('SIGPIPE') };
    }
    for (let poll = 0; poll < EXIT_POLLS; poll++) {
      const state = await docker.inspectExec(execId);
      if (!state.running) return { exitCode: state.exitCode ?? 0 };
      await rt.clock.sleep(EXIT_POLL_MS);
    }
    throw new PierError(ErrorCodes.COMMAND_FAILED, `The command in container ${id.slice(0, 12)} did not report an exit status`);
  } finally {
    session.close();
  }
}
