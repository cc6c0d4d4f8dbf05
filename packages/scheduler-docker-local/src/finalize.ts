/**
 * The end of a successful deploy (Dokku's core-post-deploy renaming and step 7, §4.3): swap the
 * new containers in under their live names, move the old ones aside, remember the release, and
 * start retiring the old containers.
 *
 * Crash safety comes from the order: old containers are recorded in dead-containers before any
 * rename (so a renamed old container is never forgotten), each dyno is swapped old-then-new, and
 * old containers only get SIGTERM once every swap is done. A crash anywhere leaves either the old
 * container live, or the old one renamed and recorded plus an `upcoming` one that the next deploy
 * removes; retire() never stops a container that still holds a live name.
 *
 * Old containers get SIGTERM at the end (Dokku's step 7), and their hard stop is due after
 * wait-to-retire: a background job does it (retire-job.ts), or, with a wait of 0, this deploy.
 */
import { unixSeconds } from './clock.js';
import { byDyno, containerName, shortId, type DeployContainer } from './naming.js';
import { forgetRetired, registerRetired, retireContainer } from './retire.js';
import type { DeploySession, Runtime } from './runtime.js';
import { writeStoredRelease } from './state-files.js';
import { currentStopTimeout } from './stop-timeout.js';

/** Renames a replaced container to `<app>.<dyno>.<epoch>` (later epochs on a clash). */
async function renameAside(rt: Runtime, container: { id: string; name: string }, base: string): Promise<void> {
  const epoch = unixSeconds(rt.clock);
  const attempt = async () => {
    for (let n = 0; n < 1000; n++) {
      const name = `${base}.${epoch + n}`;
      if (await rt.docker.renameContainer(container.id, name)) {
        rt.log.verboseQuiet(`Renaming container (${shortId(container.id)}) ${container.name} to ${name}`);
        return;
      }
    }
  };
  try {
    await attempt();
  } catch {
    // The engine cannot rename a crash-looping ("restarting") container: its network sandbox is
    // gone between restarts. The container is being replaced, so end its restart loop and retry.
    await rt.docker.updateRestartPolicy(container.id, { Name: 'no' }).catch(() => {});
    await rt.docker.stopContainer(container.id, 1).catch(() => {});
    await attempt();
  }
}

/**
 * Live containers of types the formation no longer has (only for a deploy of every type). A type
 * the formation keeps but this image lacks (retainedTypes) is not among them: its containers
 * keep running, as Dokku leaves the state of a skipped type alone.
 */
function undefinedTypes(session: DeploySession, processType: string | undefined): DeployContainer[] {
  if (processType !== undefined) return [];
  const defined = new Set([...session.release.processes.map((p) => p.type), ...(session.release.retainedTypes ?? [])]);
  return [...session.live.values()].filter((c) => !defined.has(c.type));
}

/**
 * Dokku prints these as each dyno passes; here they wait until every type has passed, so that a
 * deploy that fails later never announces a shutdown it then calls off.
 */
function announceShutdowns(rt: Runtime, session: DeploySession): void {
  const wait = session.release.waitToRetireSeconds;
  // The order the types were deployed in: web, then the others by name.
  const rank = (type: string) => (type === 'web' ? '' : type);
  const types = [...new Set([...session.passed, ...session.orphans].map((c) => c.type))].sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
  for (const type of types) {
    for (const fresh of session.passed.filter((c) => c.type === type && session.live.has(c.dyno)).sort(byDyno)) {
      rt.log.verbose(`Scheduling old container shutdown in ${wait} seconds (${fresh.dyno})`);
    }
    for (const orphan of session.orphans.filter((c) => c.type === type).sort(byDyno)) {
      rt.log.verbose(`Scheduling orphaned container shutdown in ${wait} seconds (${orphan.dyno})`);
    }
  }
}

/** Moves each replaced container aside and gives its live name to the new one, dyno by dyno. */
async function swapIn(rt: Runtime, session: DeploySession, ordered: DeploySession['passed']): Promise<void> {
  const { docker, log } = rt;
  const { app } = session;
  for (const fresh of ordered) {
    const liveName = containerName(app, fresh.type, fresh.index);
    const previous = session.live.get(fresh.dyno);
    if (previous) {
      log.verboseQuiet(`Found previous container(s) (${shortId(previous.id)}) named ${liveName}`);
      await renameAside(rt, previous, liveName);
    }
    if (await docker.renameContainer(fresh.id, liveName)) {
      log.verboseQuiet(`Renaming container ${fresh.name} (${shortId(fresh.id)}) to ${liveName}`);
    } else {
      log.warn(`Failed to rename container ${fresh.name} (${shortId(fresh.id)}) to ${liveName}: the name is taken`);
    }
  }
}

export async function finalizeDeploy(rt: Runtime, session: DeploySession, processType: string | undefined): Promise<void> {
  const { docker, log } = rt;
  const { app, release } = session;
  announceShutdowns(rt, session);
  log.info1('Running post-deploy');
  log.info1Quiet('Renaming containers');

  const leftovers = undefinedTypes(session, processType);
  for (const type of new Set(leftovers.map((c) => c.type))) {
    log.verboseQuiet(`Container type (${type}) is no longer defined. Removing state`);
  }
  const replaced = session.passed.map((n) => session.live.get(n.dyno)).filter((c): c is DeployContainer => c !== undefined);
  const old = [...replaced, ...session.orphans, ...leftovers];
  const retireAt = unixSeconds(rt.clock) + release.waitToRetireSeconds;
  await registerRetired(rt.root, old.map((c) => ({ app, id: c.id, at: retireAt })));

  const ordered = [...session.passed].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.index - b.index));
  try {
    await swapIn(rt, session, ordered);
  } catch (error) {
    // Whatever could not be swapped in must not keep running under an `upcoming` name.
    for (const fresh of ordered) {
      const info = await docker.inspectContainer(fresh.id).catch(() => null);
      if (info && info.name.includes('.upcoming-')) await docker.removeContainer(fresh.id).catch(() => {});
    }
    throw error;
  }
  for (const gone of [...session.orphans, ...leftovers]) await renameAside(rt, gone, containerName(app, gone.type, gone.index));

  await writeStoredRelease(rt.root, { app, release, imageId: session.imageId, deployedAt: new Date(rt.clock.now()).toISOString() });

  if (old.length === 0) return;
  // Dokku sends SIGTERM right away; the hard stop waits for wait-to-retire. Restart policies are
  // cleared first so the engine does not bring a terminated old container back.
  await Promise.all(
    old.map(async (c) => {
      await docker.updateRestartPolicy(c.id, { Name: 'no' }).catch(() => {});
      await docker.killContainer(c.id, 'SIGTERM').catch(() => {});
    }),
  );
  log.info1(`Shutting down old containers in ${release.waitToRetireSeconds} seconds`);
  const stopTimeoutSeconds = await currentStopTimeout(rt, app);
  if (release.waitToRetireSeconds > 0) {
    rt.retireLauncher({ app, ids: old.map((c) => c.id), at: retireAt, stopTimeoutSeconds });
    return;
  }
  const gone = new Set<string>();
  const ctx = { ...rt, now: () => unixSeconds(rt.clock) };
  await Promise.all(
    old.map(async (c) => {
      if (await retireContainer(ctx, app, c.id, stopTimeoutSeconds)) gone.add(c.id);
    }),
  );
  await forgetRetired(rt.root, (entry) => !gone.has(entry.id));
}
