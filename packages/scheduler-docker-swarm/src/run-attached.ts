/**
 * An attached one-off (`pier run`): a Swarm service cannot attach stdin, so the container runs on
 * the manager's own engine with the app's deployed image, connected to the caller's streams, its
 * exit status passed back. As `docker run -i --rm`: attached before start so no output is missed,
 * the removal watched before start so a fast command's status is not removed with it, removed
 * by the engine when it exits (also when Pier is gone by then). Interrupts are passed on to it.
 */
import { ErrorCodes, isPierError, PierError, messageOf, startFailureStatus, signalExitCode, interruptRelay, type InterruptRelay, randomRunNumber, DEFAULT_SHELL, FALLBACK_SHELL } from '@pier/plugin-api';
import { runContainerSpec, type RunPlan } from './run-plan.js';
import type { Runtime } from './runtime.js';
import { linkSession, OUTPUT_GONE_STATUS, OUTPUT_QUIET_MS } from './session-link.js';

const NAME_ATTEMPTS = 5;

/**
 * A swarm network created without --attachable takes no plain container; the engine says so when
 * the container is created or, for a swarm network, when it starts.
 */
function unattachable(network: string, error: unknown): PierError | null {
  if (!/not manually attachable/i.test(messageOf(error))) return null;
  return new PierError(ErrorCodes.COMMAND_FAILED, `pier run needs a container on network ${network}, which does not take one: create it with --attachable`, { cause: error });
}

/** `<app>.run.<n>`, another n when the name is taken (`$RANDOM` collides); the plan as numbered. */
async function createContainer(rt: Runtime, plan: RunPlan): Promise<{ id: string; plan: RunPlan }> {
  for (let attempt = 1; ; attempt++) {
    const numbered = attempt === 1 ? plan : { ...plan, number: randomRunNumber() };
    try {
      return { id: await rt.engine.createContainer(runContainerSpec(numbered)), plan: numbered };
    } catch (error) {
      const refused = unattachable(plan.release.networkMode, error);
      if (refused) throw refused;
      if (attempt === NAME_ATTEMPTS || !/is already in use|conflict/i.test(messageOf(error))) throw error;
    }
  }
}

async function attachAndRun(rt: Runtime, plan: RunPlan, id: string, interrupts: InterruptRelay): Promise<number> {
  const { tty } = plan;
  const { engine } = rt;
  const session = await engine.attachContainer(id, tty);
  const link = linkSession(rt.io, session, { tty, resize: (rows, columns) => void engine.resizeContainer(id, rows, columns).catch(() => {}) });
  try {
    const removal = await engine.waitRemoved(id);
    // `docker run`'s sig-proxy: the first interrupt goes to the process, another one kills it.
    // One that comes before the process runs stops the run there, or reaches it once it runs.
    let running = false;
    let early = interrupts.pending;
    let forwarded = 0;
    const forward = (signal: NodeJS.Signals) => void engine.killContainer(id, forwarded++ === 0 ? signal : 'SIGKILL').catch(() => {});
    interrupts.forwardTo((signal) => (running ? forward(signal) : (early ??= signal)));
    if (early !== null) return signalExitCode(early);
    try {
      await engine.startContainer(id);
    } catch (error) {
      const refused = unattachable(plan.release.networkMode, error);
      if (refused) throw refused;
      const status = isPierError(error) && error.code === ErrorCodes.DOCKER_UNREACHABLE ? null : startFailureStatus(messageOf(error));
      if (status === null) throw error;
      rt.log.warn(messageOf(error).replace(/^Docker engine error: /, ''));
      return status;
    }
    running = true;
    if (early !== null) forward(early);
    link.started();
    const exitCode = await Promise.race([removal.exitCode, link.outputGone.then(() => null)]);
    // Nobody reads the output any more (`| head -1`): end the process, as SIGPIPE would.
    if (exitCode === null) return OUTPUT_GONE_STATUS;
    await link.settled(OUTPUT_QUIET_MS);
    return exitCode;
  } finally {
    link.release();
  }
}

export async function runAttached(rt: Runtime, plan: RunPlan): Promise<number> {
  // From here on there is a container to remove: an interrupt must not end Pier halfway.
  const interrupts = interruptRelay(rt.interrupts);
  let id: string | undefined;
  try {
    const created = await createContainer(rt, plan);
    id = created.id;
    if (plan.defaultShell && interrupts.pending === null && !(await rt.engine.pathExists(id, DEFAULT_SHELL))) {
      // As docker-local: the command is fixed at create time, so this container gives way to one
      // of the same name running /bin/sh. No container made only to look.
      await rt.engine.removeContainer(id);
      id = undefined;
      id = (await createContainer(rt, { ...created.plan, argv: [FALLBACK_SHELL] })).id;
    }
    return interrupts.pending !== null ? signalExitCode(interrupts.pending) : await attachAndRun(rt, plan, id, interrupts);
  } finally {
    // The engine removes a container that ran; this removes one that never did (or still runs).
    if (id !== undefined) await rt.engine.removeContainer(id).catch(() => {});
    interrupts.unsubscribe();
  }
}
