/**
 * The swap at the end of a deploy (Dokku's core-post-deploy renaming, §4.3 step 6): dyno by dyno,
 * the replaced container is renamed aside (`<app>.<dyno>.<epoch>`) and the new one takes the live
 * name `<app>.<dyno>`.
 *
 * Names are engine-wide, so a live name can be taken from under a deploy (another state root
 * deploying an app of the same name at the same time). Dokku only warns then and carries on;
 * here the deploy fails: what was swapped so far is swapped back, so the old containers keep
 * serving under their live names and the new ones are left with their `upcoming` names for the
 * deploy's undo to remove.
 */
import { ErrorCodes, PierError } from '@pier/plugin-api';
import { unixSeconds } from './clock.js';
import { haltContainer } from './halt-container.js';
import { containerName, shortId, type DeployContainer } from './naming.js';
import type { DeploySession, NewContainer, Runtime } from './runtime.js';

/** Renames a replaced container to `<app>.<dyno>.<epoch>` (later epochs on a clash); returns the name. */
export async function renameAside(rt: Runtime, container: { id: string; name: string }, base: string): Promise<string> {
  const epoch = unixSeconds(rt.clock);
  const attempt = async () => {
    for (let n = 0; n < 1000; n++) {
      const name = `${base}.${epoch + n}`;
      if (await rt.docker.renameContainer(container.id, name)) {
        rt.log.verboseQuiet(`Renaming container (${shortId(container.id)}) ${container.name} to ${name}`);
        return name;
      }
    }
    return null;
  };
  let name: string | null;
  try {
    name = await attempt();
  } catch {
    // The engine cannot rename a crash-looping ("restarting") container: its network sandbox is
    // gone between restarts. The container is being replaced, so end its restart loop and retry.
    await haltContainer(rt.docker, container.id, 1);
    name = await attempt();
  }
  if (name === null) throw new PierError(ErrorCodes.DEPLOY_FAILED, `Could not rename container ${container.name} (${shortId(container.id)}) aside: every ${base}.<epoch> name is taken`);
  return name;
}

/** What a swap has done so far, newest last, so that it can be undone. */
export interface SwapRecord {
  /** Replaced containers renamed aside, with the live name they had. */
  moved: { container: DeployContainer; liveName: string }[];
  /** New containers that took their live name. */
  swapped: NewContainer[];
}

/** Moves each replaced container aside and gives its live name to the new one, dyno by dyno. */
export async function swapIn(rt: Runtime, session: DeploySession, ordered: NewContainer[], record: SwapRecord): Promise<void> {
  const { docker, log } = rt;
  for (const fresh of ordered) {
    const liveName = containerName(session.app, fresh.type, fresh.index);
    const previous = session.live.get(fresh.dyno);
    if (previous) {
      log.verboseQuiet(`Found previous container(s) (${shortId(previous.id)}) named ${liveName}`);
      await renameAside(rt, previous, liveName);
      record.moved.push({ container: previous, liveName });
    }
    if (!(await docker.renameContainer(fresh.id, liveName))) {
      throw new PierError(
        ErrorCodes.DEPLOY_FAILED,
        `Failed to rename container ${fresh.name} (${shortId(fresh.id)}) to ${liveName}: the name is taken (another Pier state root deploying ${session.app}?); the deploy was undone and the previous containers keep running`,
      );
    }
    log.verboseQuiet(`Renaming container ${fresh.name} (${shortId(fresh.id)}) to ${liveName}`);
    record.swapped.push(fresh);
  }
}

/** Undoes a swap that could not finish: the new containers get their `upcoming` names back, then the old ones their live names. */
export async function rollBackSwap(rt: Runtime, record: SwapRecord): Promise<void> {
  const { docker, log } = rt;
  for (const fresh of [...record.swapped].reverse()) {
    // Best effort: failing that, removing it (the deploy's undo does) frees the live name too.
    if (!(await docker.renameContainer(fresh.id, fresh.name).catch(() => false))) await docker.removeContainer(fresh.id).catch(() => {});
  }
  for (const { container, liveName } of [...record.moved].reverse()) {
    if (await docker.renameContainer(container.id, liveName).catch(() => false)) {
      log.verboseQuiet(`Renaming container (${shortId(container.id)}) back to ${liveName}`);
    } else {
      log.warn(`Could not rename container ${shortId(container.id)} back to ${liveName}; the next deploy replaces it`);
    }
  }
}
