/**
 * Read-only views of an app, all computed from the engine's live containers (names + labels):
 * `scheduler:app-status`, `scheduler:is-deployed` and `scheduler:inspect`.
 */
import { ErrorCodes, PierError, type AppStatus } from '@pier/plugin-api';
import { maskInspect } from './mask.js';
import { listDeployContainers, liveContainers } from './naming.js';
import type { Runtime } from './runtime.js';
import { readText, releaseFile } from './state-files.js';

export async function appStatus(rt: Runtime, app: string): Promise<AppStatus> {
  const live = liveContainers(await listDeployContainers(rt.docker, app));
  const running = live.filter((c) => c.state === 'running').length;
  return {
    processes: live.length,
    running: running === 0 ? 'false' : running === live.length ? 'true' : 'mixed',
    containers: live.map((c) => ({ dyno: c.dyno, state: c.state, id: c.id })),
  };
}

/**
 * Deployed = live containers exist, or a release was deployed (an app scaled to zero has no
 * containers but is still deployed: ps:scale must redeploy it when scaled up again).
 */
export async function isDeployed(rt: Runtime, app: string): Promise<boolean> {
  if ((await readText(releaseFile(rt.root, app))) !== null) return true;
  return liveContainers(await listDeployContainers(rt.docker, app)).length > 0;
}

/** What run, logs and enter say about an app with nothing to run or read. */
export const notDeployed = (app: string) => new PierError(ErrorCodes.APP_NOT_DEPLOYED, `App ${app} has not been deployed`);

export async function inspectApp(rt: Runtime, app: string): Promise<Record<string, unknown>[]> {
  const live = liveContainers(await listDeployContainers(rt.docker, app));
  const documents: Record<string, unknown>[] = [];
  for (const container of live) {
    const details = await rt.docker.inspectContainer(container.id);
    if (details) documents.push(maskInspect(details.raw));
  }
  return documents;
}
