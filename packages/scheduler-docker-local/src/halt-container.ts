/**
 * Bringing a container down the way Dokku's scripts do: `docker container update --restart=no`
 * (so the engine does not start it again), `docker container stop --time=N` (SIGTERM, then
 * SIGKILL after N seconds), and `docker container kill` when stop itself fails.
 */
import type { DockerPort } from './docker-port.js';

/**
 * What `docker container stop` waits when it is not told otherwise. A container that failed its
 * checks or belongs to an interrupted deploy is stopped with this (or the app's own timeout when
 * that is shorter), not with the app's stop timeout: nothing of it is worth waiting 30 s for.
 */
export const DOCKER_STOP_TIMEOUT_SECONDS = 10;

export const failedStopTimeout = (appStopTimeoutSeconds: number) => Math.min(appStopTimeoutSeconds, DOCKER_STOP_TIMEOUT_SECONDS);

/** Returns false when neither stop nor kill worked (a wedged runtime). */
export async function haltContainer(docker: DockerPort, id: string, timeoutSeconds: number): Promise<boolean> {
  await docker.updateRestartPolicy(id, { Name: 'no' }).catch(() => {});
  try {
    await docker.stopContainer(id, timeoutSeconds);
    return true;
  } catch {
    return docker.killContainer(id).then(
      () => true,
      () => false,
    );
  }
}
