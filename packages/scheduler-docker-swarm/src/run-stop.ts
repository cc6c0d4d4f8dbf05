/**
 * `scheduler:run-stop` and `scheduler:run-retire` (§4.9): ending one-off processes, one by name,
 * all of an app's, or those past their time to live. Every sweep touches this root's only.
 */
import { ErrorCodes, PierError, type Output } from '@pier/plugin-api';
import { shortId } from './naming.js';
import { endOneOff, isActive, isPastDeadline, listOneOffs, type OneOff } from './one-offs.js';
import type { Runtime } from './runtime.js';

/** Each failure of a sweep gets its ` !     ` line; the last one is the error (exit 1). */
function failWith(log: Output, failures: string[]): void {
  const last = failures.pop();
  for (const failure of failures) log.warn(failure);
  if (last !== undefined) throw new PierError(ErrorCodes.COMMAND_FAILED, last);
}

/** Ends it and prints its name, as `docker container stop` does; returns a failure or null. */
async function stopNamed(rt: Runtime, oneOff: OneOff): Promise<string | null> {
  try {
    await endOneOff(rt, oneOff);
  } catch {
    return `Unable to stop container ${oneOff.name}`;
  }
  rt.log.line(oneOff.name);
  return null;
}

export async function runStop(rt: Runtime, app: string, container: string | undefined): Promise<void> {
  const active = (await listOneOffs(rt, app)).filter((oneOff) => isActive(oneOff) && (container === undefined || oneOff.name === container));
  if (active.length === 0) {
    if (container === undefined) rt.log.line('No run containers exist');
    else rt.log.warn('Specified container does not exist');
    return;
  }
  const failures: string[] = [];
  for (const oneOff of active) {
    const failure = await stopNamed(rt, oneOff);
    if (failure !== null) failures.push(failure);
  }
  failWith(rt.log, failures);
}

/**
 * `run:retire [<app>]`: every one-off past its time to live is stopped and removed. A one-off
 * service that has finished is removed too, whatever its time to live: a service outlives its
 * task, where a container started with `--rm` goes when it exits; until then run:logs shows it.
 */
export async function runRetire(rt: Runtime, app: string | undefined): Promise<void> {
  const now = rt.clock.now();
  const failures: string[] = [];
  for (const oneOff of await listOneOffs(rt, app)) {
    const finished = oneOff.kind === 'service' && !isActive(oneOff);
    if (!finished && !(isActive(oneOff) && isPastDeadline(oneOff, now))) continue;
    rt.log.verbose(`${finished ? 'Removing finished' : 'Retiring'} ${oneOff.name} (${oneOff.kind} ${shortId(oneOff.id)})`);
    // Gone, or going (a container already being removed is fine), unless the engine said otherwise.
    await endOneOff(rt, oneOff).catch(() => failures.push(`Unable to retire container ${oneOff.name}`));
  }
  failWith(rt.log, failures);
}
