/**
 * `scheduler:deploy` (Dokku's `scheduler-deploy docker-local`, §4.3): web first and on its own,
 * then the other types `parallel-schedule-count` at a time, then finalize.
 *
 * A deploy is all or nothing: if any dyno fails, every container this deploy started is removed
 * (the failed ones stay, stopped, for logs:failed until ps:retire), old containers stopped
 * because checks were disabled are started again, and nothing is renamed or retired. The
 * previous containers therefore keep serving untouched. (Dokku instead keeps the types that
 * passed before the failure, leaving an app half on each release.)
 */
import { ErrorCodes, PierError, type ProcessSpec, type Release, type TriggerBus } from '@pier/plugin-api';
import { deployProcessType } from './deploy-process.js';
import { finalizeDeploy } from './finalize.js';
import { listDeployContainers, liveContainers, shortId, type DeployContainer } from './naming.js';
import { runPool } from './pool.js';
import { readDeploySettings } from './properties.js';
import type { DeploySession, Runtime } from './runtime.js';
import { writeFailedContainers } from './state-files.js';

export interface DeployInput {
  app: string;
  release: Release;
  processType?: string | undefined;
}

/** Dokku's init-process fallback: linuxserver.io images bring their own init (s6). */
export const OWN_INIT_VENDOR = 'linuxserver.io';

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

/** Undoes a failed deploy: see the file comment. Best effort, the deploy error is what matters. */
async function abandon(rt: Runtime, session: DeploySession): Promise<void> {
  const { docker } = rt;
  for (const created of session.created) {
    if (session.failed.has(created.id)) continue;
    rt.log.verboseQuiet(`Removing container ${created.name} (${shortId(created.id)}) of the failed deploy`);
    await docker.removeContainer(created.id).catch(() => {});
  }
  for (const { container, restartPolicy } of session.stoppedEarly) {
    rt.log.verbose(`Starting old container ${container.name} (${shortId(container.id)}) again`);
    await docker.updateRestartPolicy(container.id, restartPolicy).catch(() => {});
    await docker.startContainer(container.id).catch(() => {});
  }
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

  await writeFailedContainers(rt.root, app, []);
  const containers = await listDeployContainers(docker, app);
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
  };

  try {
    for (const spec of first) await deployProcessType(rt, session, spec);
    await runPool(rest, session.parallelScheduleCount, (spec) => deployProcessType(rt, session, spec));
  } catch (error) {
    await abandon(rt, session);
    throw error;
  }
  await finalizeDeploy(rt, session, processType);
}
