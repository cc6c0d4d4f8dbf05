/**
 * One dyno of a deploy (Dokku's `scheduler-deploy-process-container`, §4.3.1): create the
 * container under its `upcoming` name, start it, check it. On failure the container is stopped,
 * its output printed, and it is recorded for logs:failed and for retirement; the old container
 * of the dyno is not touched. Between steps the deploy's interrupt guard is checked, so a Ctrl-C
 * starts nothing more (deploy-interrupts.ts).
 */
import { ErrorCodes, isPierError, PierError, ProcfileCommandSyntaxError, splitProcfileCommand, type ProcessSpec, messageOf, freeLoopbackPort } from '@pier/plugin-api';
import { checkDyno } from './checks.js';
import { unixSeconds } from './clock.js';
import { buildCreateOptions } from './create-options.js';
import { failedStopTimeout, haltContainer } from './halt-container.js';
import { shortId } from './naming.js';
import { registerRetired } from './retire.js';
import type { DeploySession, NewContainer, Runtime } from './runtime.js';
import { appendFailedContainer } from './state-files.js';

/** In non-host modes every web container listens on the same in-container port, Dokku's default. */
export const WEB_PORT = 5000;

const randomSuffix = () => Math.floor(Math.random() * 32768);

function commandOf(session: DeploySession, spec: ProcessSpec, port: number | null): string[] | null {
  if (spec.command === null) return null;
  // Non-web types get no PORT; a `$PORT` in their command gets what procfile-util defaults to.
  const portText = String(port ?? session.release.env.PORT ?? WEB_PORT);
  try {
    return splitProcfileCommand(spec.command, portText);
  } catch (error) {
    if (!(error instanceof ProcfileCommandSyntaxError)) throw error;
    throw new PierError(ErrorCodes.DEPLOY_FAILED, `Invalid Procfile command for ${spec.type}: ${error.message}`);
  }
}

async function createWithFreshName(rt: Runtime, session: DeploySession, spec: ProcessSpec, index: number, port: number | null) {
  const base = {
    app: session.app,
    type: spec.type,
    index,
    image: session.release.image,
    command: commandOf(session, spec, port),
    env: session.release.env,
    port,
    init: session.init,
    networkMode: session.networkMode,
    restartPolicy: session.release.restartPolicy,
    loggingDriver: session.loggingDriver,
  };
  let lastError: unknown;
  // `$RANDOM` can collide with a name in use; a fresh draw is all it takes.
  for (let tries = 0; tries < 3; tries++) {
    const options = buildCreateOptions({ ...base, random: randomSuffix() });
    try {
      return { id: await rt.docker.createContainer(options), name: options.name };
    } catch (error) {
      if (isPierError(error) && error.code === ErrorCodes.DOCKER_UNREACHABLE) throw error;
      lastError = error;
      if (!/already in use|Conflict/i.test(messageOf(error))) break;
    }
  }
  throw new PierError(ErrorCodes.DEPLOY_FAILED, `Could not create container (${spec.type}.${index}): ${messageOf(lastError)}`);
}

/**
 * Dokku's order (§4.4): stop the failed container, say why, show its output, record it; then
 * the deploy fails with the same message, marked as reported: Dokku prints it a second time at
 * the end (GNU parallel re-emitting stderr, §7.10), Pier once. It is stopped with Docker's
 * default grace period at most: a container that failed is not worth the app's 30 s.
 */
async function failDyno(rt: Runtime, session: DeploySession, created: NewContainer, message: string): Promise<never> {
  // A check cut short by Ctrl-C is not a failed check: the interrupt has its own clean-up.
  session.guard.check();
  const { docker, log } = rt;
  const { release, app } = session;
  session.failed.add(created.id);
  await haltContainer(docker, created.id, failedStopTimeout(release.stopTimeoutSeconds));
  log.warn(message);
  const output = await docker.containerLogs(created.id).catch(() => '');
  const label = `${shortId(created.id)} ${created.dyno}`;
  log.info2(`Start of ${app} container output (${label})`);
  if (output !== '') log.write(output.endsWith('\n') ? output : `${output}\n`);
  log.info2(`End of ${app} container output (${label})`);
  await appendFailedContainer(rt.root, app, { id: created.id, dyno: created.dyno });
  await registerRetired(rt.root, [{ app, id: created.id, at: unixSeconds(rt.clock) + release.waitToRetireSeconds }]);
  throw new PierError(ErrorCodes.DEPLOY_FAILED, message, { reported: true });
}

export async function deployDyno(rt: Runtime, session: DeploySession, spec: ProcessSpec, index: number): Promise<void> {
  session.guard.check();
  const dyno = `${spec.type}.${index}`;
  const isWeb = spec.type === 'web';
  const port = !isWeb ? null : session.networkMode === 'host' ? await freeLoopbackPort(session.takenPorts) : WEB_PORT;

  const { id, name } = await createWithFreshName(rt, session, spec, index, port);
  const created: NewContainer = { id, name, type: spec.type, index, dyno };
  session.created.push(created);
  session.guard.check();

  try {
    await rt.docker.startContainer(id);
  } catch (error) {
    if (isPierError(error) && error.code === ErrorCodes.DOCKER_UNREACHABLE) throw error;
    await failDyno(rt, session, created, `Could not start container (${dyno}): ${messageOf(error)}`);
  }

  const target = { app: session.app, type: spec.type, index, containerId: id, port, networkMode: session.networkMode };
  const failed = await checkDyno(rt, target, spec, session.release.defaultUptimeSeconds);
  if (failed > 0) await failDyno(rt, session, created, `Could not start due to ${failed} failed checks (${dyno})`);
  session.guard.check();

  session.passed.push(created);
}
