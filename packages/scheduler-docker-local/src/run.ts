/**
 * `scheduler:run` (Dokku's `scheduler-run docker-local`, §4.9): a one-off container from the
 * app's deployed image. Attached, the caller's streams are connected and the command's exit
 * status returned; detached, it is started and its name returned. Either way the engine removes
 * the container when it exits (`--rm`), so it goes even when Pier does not live to see the end;
 * Pier removes it too on its own paths (an interrupt before start, a reader gone, a failure).
 */
import { ErrorCodes, isPierError, PierError, messageOf, startFailureStatus, signalExitCode, interruptRelay, type InterruptRelay, terminalSize, randomRunNumber, OWN_INIT_VENDOR, notDeployed, freeLoopbackPort, FALLBACK_SHELL, needsFallback, resolveShell } from '@pier/plugin-api';
import { connectIo } from './attach-io.js';
import { takesLogMaxSize } from './create-options.js';
import { readDeploySettings } from './properties.js';
import { buildRunSpec, resolveRunCommand, type RunPlan } from './run-plan.js';
import type { Runtime } from './runtime.js';
import { readStoredRelease } from './state-files.js';

export interface RunInput {
  app: string;
  command: string[];
  env: Record<string, string>;
  detach: boolean;
  tty: boolean;
  ttlSeconds: number;
}

export interface RunOutput {
  exitCode: number;
  container?: string;
}

/** How long the connection may stay silent after the exit status before it is dropped. */
const OUTPUT_IDLE_MS = 2000;
/** A shell's status for a writer killed by SIGPIPE: what `pier run … | head -1` ends with. */
const OUTPUT_GONE_STATUS = signalExitCode('SIGPIPE');
const NAME_ATTEMPTS = 5;

/** Creates `<app>.run.<n>`, drawing another n when the name is taken (`$RANDOM` collides). */
async function createNamed(rt: Runtime, plan: Omit<RunPlan, 'number'>, number = randomRunNumber()) {
  let lastError: unknown;
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++, number = randomRunNumber()) {
    const spec = buildRunSpec({ ...plan, number });
    try {
      return { id: await rt.docker.createContainer(spec), name: spec.name, number };
    } catch (error) {
      lastError = error;
      if (!/already in use|Conflict/i.test(messageOf(error))) throw error;
    }
  }
  throw lastError;
}

/**
 * Dokku's `-----> Found '<type>' in Procfile, running that command` (hidden by --quiet). A
 * detached run prints it on stderr: its stdout is the container name, which scripts capture
 * (`name=$(pier run:detached app worker)`).
 */
function procfileNotice(rt: Runtime, detached: boolean, type: string): void {
  const text = `Found '${type}' in Procfile, running that command`;
  if (!detached) rt.log.info1Quiet(text);
  else if (!rt.log.quiet) rt.io.stderr.write(`-----> ${text}\n`);
}

export async function runOneOff(rt: Runtime, input: RunInput): Promise<RunOutput> {
  const { app } = input;
  const { docker } = rt;
  const stored = await readStoredRelease(rt.root, app);
  if (!stored) throw notDeployed(app);
  const image = await docker.inspectImage(stored.imageId);
  if (!image) throw new PierError(ErrorCodes.IMAGE_NOT_FOUND, `Image ${stored.release.image} of app ${app} not found; deploy the app again`);
  const settings = await readDeploySettings(rt.bus, app);
  const port = settings.networkMode === 'host' ? await freeLoopbackPort(new Set()) : null;

  const command = resolveRunCommand(stored.release, input.command, port);
  if (command.procfileType !== null) procfileNotice(rt, input.detach, command.procfileType);
  const shell = command.argv === null ? await resolveShell(rt.bus, app) : null;
  const plan: Omit<RunPlan, 'number'> = {
    app,
    procfileType: command.procfileType,
    image: image.id,
    argv: command.argv ?? shell!.argv,
    releaseEnv: stored.release.env,
    env: input.env,
    port,
    tty: input.tty,
    detach: input.detach,
    ttlSeconds: input.ttlSeconds,
    networkMode: settings.networkMode,
    init: settings.initProcess ?? image.labels['org.opencontainers.image.vendor'] !== OWN_INIT_VENDOR,
    limitLogSize: takesLogMaxSize(await docker.loggingDriver()),
    consoleSize: input.tty ? terminalSize(rt.io.stdout) : undefined,
  };

  // From here on there is a container to remove, so an interrupt must not end Pier abruptly.
  const interrupts = interruptRelay(rt.interrupts);
  let created: Awaited<ReturnType<typeof createNamed>> | null = null;
  // Removed on every path but a started detached run.
  let keep = false;
  try {
    created = await createNamed(rt, plan);
    if (shell && (await needsFallback(docker, created.id, shell))) {
      // The command is fixed at create time: swap the container for one running /bin/sh.
      await docker.removeContainer(created.id);
      created = await createNamed(rt, { ...plan, argv: [FALLBACK_SHELL] }, created.number);
    }
    if (interrupts.pending) return { exitCode: signalExitCode(interrupts.pending) };
    if (input.detach) {
      await docker.startContainer(created.id);
      keep = true;
      return { exitCode: 0, container: created.name };
    }
    return { exitCode: await runAttached(rt, created.id, input.tty, interrupts) };
  } finally {
    if (created && !keep) await docker.removeContainer(created.id).catch(() => {});
    interrupts.unsubscribe();
  }
}

/** Attach, watch, start, wait for the exit; the caller removes the container. */
async function runAttached(rt: Runtime, id: string, tty: boolean, interrupts: InterruptRelay): Promise<number> {
  const { docker } = rt;
  // Attached before starting, so not a byte of output is missed.
  const session = connectIo(rt, await docker.attachContainer(id), { tty, resize: (rows, columns) => docker.resizeContainer(id, rows, columns) });
  try {
    // Watched before starting, as `docker run --rm` does: a fast command could otherwise exit
    // and be removed before a wait is set up, taking its status with it.
    const watch = await docker.waitContainer(id, 'removed');
    // `docker run`'s sig-proxy: the first interrupt goes to the process, a second one kills it.
    let received = 0;
    interrupts.forwardTo((signal) => void docker.killContainer(id, received++ === 0 ? signal : 'SIGKILL').catch(() => {}));
    // An interrupt while attaching: do not start at all.
    if (interrupts.pending) return signalExitCode(interrupts.pending);
    try {
      await docker.startContainer(id);
    } catch (error) {
      const status = isPierError(error) && error.code === ErrorCodes.DOCKER_UNREACHABLE ? null : startFailureStatus(messageOf(error));
      if (status === null) throw error;
      rt.log.warn(messageOf(error));
      return status;
    }
    session.started();
    const exitCode = await Promise.race([watch.exitCode, session.outputGone.then(() => null)]);
    if (exitCode === null) {
      // Nobody reads the output any more (`| head -1`): stop the process, as SIGPIPE would.
      await docker.removeContainer(id).catch(() => {});
      return OUTPUT_GONE_STATUS;
    }
    await session.drained(OUTPUT_IDLE_MS);
    return exitCode;
  } finally {
    session.close();
  }
}
