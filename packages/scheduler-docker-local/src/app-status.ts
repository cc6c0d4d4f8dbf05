/**
 * Read-only views of an app, all computed from the engine's live containers (names + labels):
 * `scheduler:app-status`, `scheduler:is-deployed` and `scheduler:inspect`.
 */
import type { AppStatus } from '@pier/plugin-api';
import { maskInspect } from './mask.js';
import { LABEL_LISTEN, listDeployContainers, liveContainers, type DeployContainer } from './naming.js';
import type { Runtime } from './runtime.js';
import { readText, releaseFile } from './state-files.js';

/**
 * Where the app answers: the loopback address of every running web container in host mode.
 * (Dokku lists its proxy's domains or `http://<host>:<port>` maps; without a proxy, and in bridge
 * or none mode, nothing of the app is reachable from the host.)
 */
function urlOf(container: DeployContainer): string | undefined {
  const listen = container.labels[LABEL_LISTEN];
  return container.type === 'web' && container.state === 'running' && listen ? `http://${listen}` : undefined;
}

/**
 * `running` counts containers the engine reports as `running`: a crash-looping one ("restarting")
 * is not, so ps:report says `false`/`mixed` and ps:start redeploys it (Dokku reads
 * `.State.Running`, which Docker keeps true while restarting).
 */
export async function appStatus(rt: Runtime, app: string): Promise<AppStatus> {
  const live = liveContainers(await listDeployContainers(rt.docker, app));
  const running = live.filter((c) => c.state === 'running').length;
  const containers = live.map((c) => {
    const url = urlOf(c);
    return { dyno: c.dyno, state: c.state, id: c.id, ...(url === undefined ? {} : { url }) };
  });
  const urls = containers.flatMap((c) => (c.url === undefined ? [] : [c.url]));
  return {
    processes: live.length,
    running: running === 0 ? 'false' : running === live.length ? 'true' : 'mixed',
    containers,
    ...(urls.length > 0 ? { urls } : {}),
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

export async function inspectApp(rt: Runtime, app: string): Promise<Record<string, unknown>[]> {
  const live = liveContainers(await listDeployContainers(rt.docker, app));
  const documents: Record<string, unknown>[] = [];
  for (const container of live) {
    const details = await rt.docker.inspectContainer(container.id);
    if (details) documents.push(maskInspect(details.raw));
  }
  return documents;
}
