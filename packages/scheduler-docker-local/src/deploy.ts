/**
 * `scheduler:deploy` (Dokku's `scheduler-deploy docker-local`, §4.3): web first and on its own,
 * then the other types `parallel-schedule-count` at a time, then finalize.
 *
 * A deploy is all or nothing: if any dyno fails, or the deploy is interrupted, nothing is renamed
 * or retired and the previous containers keep serving untouched (deploy-undo.ts). (Dokku instead
 * keeps the types that passed before the failure, leaving an app half on each release.)
 */
import { ErrorCodes, PierError, type ProcessSpec, type Release, type TriggerBus, OWN_INIT_VENDOR } from '@pier/plugin-api';
import { guardDeploy, guardedClock, guardedProbes, interruptedError } from './deploy-interrupts.js';
import { deployProcessType } from './deploy-process.js';
import { undoFailedDeploy, undoInterruptedDeploy } from './deploy-undo.js';
import { finalizeDeploy } from './finalize.js';
import { sweepImageInfoContainers } from './image-info-sweep.js';
import { deployContainersOf, liveContainers, shortId, type DeployContainer } from './naming.js';
import { runPool } from './pool.js';
import { readDeploySettings } from './properties.js';
import { ownDeployRows } from './root-scope.js';
import type { DeploySession, Runtime } from './runtime.js';
import { writeFailedContainers } from './state-files.js';
import { resumeSwap } from './swap-journal.js';

export interface DeployInput {
  app: string;
  release: Release;
  processType?: string | undefined;
}

/** Web alone first (it is what users reach), then the rest in name order. */
export function orderProcesses(processes: readonly ProcessSpec[], processType?: string): { first: ProcessSpec[]; rest: ProcessSpec[] } {
  const selected = processes.filter((p) => processType === undefined || p.type === processType);
  const sorted = [...selected].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return { first: sorted.filter((p) => p.type === 'web'), rest: sorted.filter((p) => p.type !== 'web') };
}

/** Containers of an earlier deploy that never finished: nothing is deploying now (the app is locked). */
async function removeStaleUpcoming(rt: Runtime, containers: DeployContainer[]): Promise<void> {
  for (const stale of containers.filter((c) => c.role === 'upcoming')) {
    rt.log.verboseQuiet(`Removing stale container ${stale.name} (${shortId(stale.id)})`);
    await rt.docker.removeContainer(stale.id);
  }
}

/** Every type, web first; `work` is the runtime whose waits an interrupt cuts short. */
async function startEverything(work: Runtime, session: DeploySession, first: ProcessSpec[], rest: ProcessSpec[]): Promise<void> {
  for (const spec of first) await deployProcessType(work, session, spec);
  await runPool(rest, session.parallelScheduleCount, (spec) => deployProcessType(work, session, spec));
  session.guard.check();
}

export async function deploy(rt: Runtime, bus: TriggerBus, { app, release, processType }: DeployInput): Promise<void> {
  const { docker } = rt;
  const image = await docker.inspectImage(release.image);
  if (!image) throw new PierError(ErrorCodes.IMAGE_NOT_FOUND, `Image ${release.image} not found`);
  const settings = await readDeploySettings(bus, app);
  const { first, rest } = orderProcesses(release.processes, processType);
  if (processType !== undefined && first.length + rest.length === 0) {
    throw new PierError(ErrorCodes.DEPLOY_FAILED, `Process type ${processType} is not defined for ${app}`);
  }

  // What an earlier deploy of the app, killed outright, left behind (the app lock is held).
  await resumeSwap(rt, app, { deploying: true });
  await sweepImageInfoContainers(rt, app, null);

  // One listing of the whole engine: refuses an app another root runs, else gives this root's.
  const containers = deployContainersOf(app, await ownDeployRows(rt.engine, rt.root, app));
  await writeFailedContainers(rt.root, app, []);
  await removeStaleUpcoming(rt, containers);
  const live = liveContainers(containers).filter((c) => processType === undefined || c.type === processType);

  const session: DeploySession = {
    app,
    release,
    imageId: image.id,
    networkMode: settings.networkMode,
    init: settings.initProcess ?? image.labels['org.opencontainers.image.vendor'] !== OWN_INIT_VENDOR,
    parallelScheduleCount: settings.parallelScheduleCount,
    loggingDriver: await docker.loggingDriver(),
    live: new Map(live.map((c) => [c.dyno, c])),
    takenPorts: new Set(),
    created: [],
    passed: [],
    failed: new Set(),
    orphans: [],
    stoppedEarly: [],
    guard: guardDeploy(rt.interrupts, (signal) => rt.log.warn(`${signal} received while the new containers are switched in: finishing the deploy`)),
  };

  try {
    const work: Runtime = { ...rt, clock: guardedClock(rt.clock, session.guard), probes: guardedProbes(rt.probes, session.guard) };
    try {
      await startEverything(work, session, first, rest);
    } catch (error) {
      // Whatever the step that noticed it threw, an interrupt is why the deploy stopped.
      const signal = session.guard.signal;
      if (signal === null) {
        await undoFailedDeploy(rt, session);
        throw error;
      }
      await undoInterruptedDeploy(rt, session);
      throw interruptedError(signal);
    }
    session.guard.hold();
    await finalizeDeploy(rt, session, processType);
  } finally {
    session.guard.unsubscribe();
  }
}
