/**
 * Stopping and cleaning up: `scheduler:stop` (ps:stop, apps:destroy), `scheduler:post-delete`,
 * `scheduler:pre-restore` and `scheduler:logs-failed`.
 */
import { rm } from 'node:fs/promises';
import { LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_PROCESS_TYPE } from '@pier/plugin-api';
import { streamLogs } from './log-stream.js';
import { classifyName, LABEL_DOKKU } from './naming.js';
import { forgetRetired } from './retire.js';
import { currentStopTimeout } from './stop-timeout.js';
import type { Runtime } from './runtime.js';
import { appDataDir, readFailedContainers, writeFailedContainers } from './state-files.js';

export interface StopInput {
  app: string;
  removeContainers: boolean;
  processType?: string | undefined;
}

/**
 * Dokku stops every running container labelled with the app (deploy and one-off alike), after
 * clearing its restart policy so the engine leaves it down. With removeContainers (apps:destroy)
 * every container of the app, in any state, is removed: nothing may be left behind.
 */
export async function stopApp(rt: Runtime, { app, removeContainers, processType }: StopInput): Promise<void> {
  const { docker } = rt;
  const labels = [`${LABEL_APP}=${app}`];
  // A type names deployed processes: a one-off `pier run app web` carries the type too (Dokku's
  // labels) but is not one of them.
  if (processType !== undefined) labels.push(`${LABEL_PROCESS_TYPE}=${processType}`, `${LABEL_CONTAINER_TYPE}=deploy`);
  const containers = await docker.listContainers(labels);
  const timeout = await currentStopTimeout(rt, app);
  await Promise.all(
    containers
      .filter((c) => c.state === 'running' || c.state === 'restarting' || c.state === 'paused')
      .map(async (c) => {
        await docker.updateRestartPolicy(c.id, { Name: 'no' }).catch(() => {});
        await docker.stopContainer(c.id, timeout).catch(() => {});
      }),
  );
  if (!removeContainers) return;
  await Promise.all(containers.map((c) => docker.removeContainer(c.id)));
  const removed = new Set(containers.map((c) => c.id));
  await forgetRetired(rt.root, (entry) => !removed.has(entry.id));
}

/** apps:destroy, after stop: the app's data dir, any container that is still there, its retire entries. */
export async function postDelete(rt: Runtime, app: string): Promise<void> {
  for (const container of await rt.docker.listContainers([`${LABEL_APP}=${app}`])) {
    await rt.docker.removeContainer(container.id);
  }
  await forgetRetired(rt.root, (entry) => entry.app !== app);
  await rm(appDataDir(rt.root, app), { recursive: true, force: true });
}

/**
 * §4.7: after a reboot, containers renamed aside by earlier deploys (`<app>.<type>.<n>.<epoch>`)
 * only get in the way, so every such container (of any app, as in Dokku) is removed.
 */
export async function preRestore(rt: Runtime): Promise<void> {
  for (const container of await rt.docker.listContainers([LABEL_DOKKU])) {
    const app = container.labels[LABEL_APP];
    if (app !== undefined && classifyName(app, container.name).role === 'retired') {
      await rt.docker.removeContainer(container.id).catch(() => {});
    }
  }
}

/** `logs:failed`: the output of the containers of the last failed deploy that still exist. */
export async function logsFailed(rt: Runtime, app: string): Promise<void> {
  const { docker, log } = rt;
  const entries = await readFailedContainers(rt.root, app);
  if (entries.length === 0) {
    log.warn('No failed containers found');
    return;
  }
  const remaining = [];
  for (const entry of entries) {
    if (await docker.inspectContainer(entry.id)) remaining.push(entry);
    else log.warn(`App container ${entry.id} no longer running`);
  }
  await writeFailedContainers(rt.root, app, remaining);
  if (remaining.length === 0) {
    log.warn('No failed containers found');
    return;
  }
  // `docker logs <cid>` for each, one after the other: raw, streamed, stderr kept on stderr.
  for (const entry of remaining) {
    await streamLogs(rt, [{ id: entry.id, dyno: entry.dyno, tty: false }], { follow: false, num: 'all', quiet: true, color: false, separateStderr: true });
  }
}
