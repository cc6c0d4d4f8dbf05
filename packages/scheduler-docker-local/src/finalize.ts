/**
 * The end of a successful deploy (Dokku's core-post-deploy renaming and step 7, §4.3): remember
 * the release, swap the new containers in under their live names, move the old ones aside, and
 * start retiring the old containers.
 *
 * Up to the end of the swap the deploy can still fail and be undone (another root took a live
 * name meanwhile, swap.ts): the old containers then keep serving as if nothing happened. After
 * it, nothing is undone any more.
 *
 * Crash safety comes from the order. Before the first rename the old containers are recorded in
 * dead-containers (a renamed one is never forgotten), the release is stored (a `run` right after
 * the swap uses the new image), and the swap journal names what is left to do with the old ones
 * (swap-journal.ts: if the deploy dies after the swap, the next deploy or ps:retire gives them the
 * SIGTERM and the retire job they missed). Each dyno is swapped old-then-new, and old containers
 * only get SIGTERM once every swap is done. retire() never stops a container that still holds a
 * live name.
 *
 * Old containers get SIGTERM at the end (Dokku's step 7), and their hard stop is due after
 * wait-to-retire: a background job does it (retire-job.ts), or, with a wait of 0, this deploy.
 */
import { unixSeconds } from './clock.js';
import { undoFailedDeploy } from './deploy-undo.js';
import { byDyno, containerName, type DeployContainer } from './naming.js';
import { forgetRetired, registerRetired, retireContainer, terminateOld } from './retire.js';
import { refuseOtherRootsApp } from './root-scope.js';
import type { DeploySession, Runtime } from './runtime.js';
import { readStoredRelease, restoreStoredRelease, writeStoredRelease, type StoredRelease } from './state-files.js';
import { clearSwapJournal, writeSwapJournal } from './swap-journal.js';
import { renameAside, rollBackSwap, swapIn, type SwapRecord } from './swap.js';

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

/** The old containers of a deploy and when they are due. */
interface Retirement {
  /** Replaced by a new container of the same dyno. */
  replaced: DeployContainer[];
  /** Scaled down, or of a type no longer defined: renamed aside once every dyno is swapped. */
  gone: DeployContainer[];
  at: number;
  stopTimeoutSeconds: number;
}

const allOf = (retirement: Retirement) => [...retirement.replaced, ...retirement.gone];

/**
 * Everything up to the point of no return. On any failure the swap is rolled back, the stored
 * release and the retire entries are put back, and the deploy's containers are removed: the old
 * ones keep serving.
 */
async function switchIn(rt: Runtime, session: DeploySession, retirement: Retirement): Promise<void> {
  const { app, release } = session;
  const old = allOf(retirement);
  const record: SwapRecord = { moved: [], swapped: [] };
  // undefined until read: nothing to put back before that.
  let previous: StoredRelease | null | undefined;
  try {
    // Another root may have taken this app's live names while the new containers were checked.
    await refuseOtherRootsApp(rt.engine, rt.root, app);
    previous = await readStoredRelease(rt.root, app);
    if (old.length > 0) {
      await writeSwapJournal(rt.root, {
        app,
        at: retirement.at,
        stopTimeoutSeconds: retirement.stopTimeoutSeconds,
        replaced: retirement.replaced.map((c) => ({ id: c.id, dyno: c.dyno })),
        gone: retirement.gone.map((c) => c.id),
      });
    }
    await registerRetired(rt.root, old.map((c) => ({ app, id: c.id, at: retirement.at })));
    await writeStoredRelease(rt.root, { app, release, imageId: session.imageId, deployedAt: new Date(rt.clock.now()).toISOString() });
    await swapIn(rt, session, [...session.passed].sort(byDyno), record);
  } catch (error) {
    await rollBackSwap(rt, record);
    if (previous !== undefined) await restoreStoredRelease(rt.root, app, previous).catch(() => {});
    const ids = new Set(old.map((c) => c.id));
    await forgetRetired(rt.root, (entry) => !ids.has(entry.id)).catch(() => {});
    await clearSwapJournal(rt.root, app).catch(() => {});
    await undoFailedDeploy(rt, session);
    throw error;
  }
}

/** Dokku's step 7: SIGTERM now, the hard stop after wait-to-retire. */
async function startRetiring(rt: Runtime, session: DeploySession, retirement: Retirement): Promise<void> {
  const { app, release } = session;
  const old = allOf(retirement);
  const { at, stopTimeoutSeconds } = retirement;
  const job = { app, root: rt.root, ids: old.map((c) => c.id), at, stopTimeoutSeconds };
  await terminateOld(rt, job, { handOff: release.waitToRetireSeconds > 0 });
  rt.log.info1(`Shutting down old containers in ${release.waitToRetireSeconds} seconds`);
  await clearSwapJournal(rt.root, app);
  if (release.waitToRetireSeconds > 0) return;
  const gone = new Set<string>();
  const ctx = { ...rt, now: () => unixSeconds(rt.clock) };
  await Promise.all(
    old.map(async (c) => {
      if (await retireContainer(ctx, app, c.id, stopTimeoutSeconds)) gone.add(c.id);
    }),
  );
  await forgetRetired(rt.root, (entry) => !gone.has(entry.id));
}

export async function finalizeDeploy(rt: Runtime, session: DeploySession, processType: string | undefined): Promise<void> {
  const { log } = rt;
  const { app, release } = session;
  announceShutdowns(rt, session);
  log.info1('Running post-deploy');
  log.info1Quiet('Renaming containers');

  const leftovers = undefinedTypes(session, processType);
  for (const type of new Set(leftovers.map((c) => c.type))) {
    log.verboseQuiet(`Container type (${type}) is no longer defined. Removing state`);
  }
  const retirement: Retirement = {
    replaced: session.passed.map((n) => session.live.get(n.dyno)).filter((c): c is DeployContainer => c !== undefined),
    gone: [...session.orphans, ...leftovers],
    at: unixSeconds(rt.clock) + release.waitToRetireSeconds,
    // What this deploy was given (ps's setting now, or its default): the store still holds the
    // previous release's until the switch, so currentStopTimeout would fall back to that.
    stopTimeoutSeconds: release.stopTimeoutSeconds,
  };

  await switchIn(rt, session, retirement);
  for (const gone of retirement.gone) await renameAside(rt, gone, containerName(app, gone.type, gone.index));
  if (allOf(retirement).length > 0) await startRetiring(rt, session, retirement);
}
