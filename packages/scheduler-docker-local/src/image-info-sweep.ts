/**
 * Image-info containers (image-info.ts) live for a moment; one still there was left by a `pier`
 * killed outright while it read the image, and it pins the image. The app's next deploy removes
 * the app's (it holds the app lock, so none of them is in use), ps:retire those of the root that
 * are older than a few minutes (it takes no lock: a younger one may be another command's).
 */
import { LABEL_APP, LABEL_CONTAINER_TYPE } from '@pier/plugin-api';
import { IMAGE_INFO_TYPE } from './image-info.js';
import { shortId } from './naming.js';
import type { Runtime } from './runtime.js';

/** Far longer than reading two small files takes. */
export const STALE_IMAGE_INFO_SECONDS = 600;

/**
 * Removes the image-info containers of one app (or of every app of the root) created before
 * `staleBefore` (unix seconds), or all of them when it is null.
 */
export async function sweepImageInfoContainers(rt: Pick<Runtime, 'docker' | 'log'>, app: string | undefined, staleBefore: number | null): Promise<void> {
  const labels = [`${LABEL_CONTAINER_TYPE}=${IMAGE_INFO_TYPE}`, ...(app === undefined ? [] : [`${LABEL_APP}=${app}`])];
  for (const container of await rt.docker.listContainers(labels)) {
    if (staleBefore !== null && container.created >= staleBefore) continue;
    rt.log.verboseQuiet(`Removing stale container ${container.name} (${shortId(container.id)})`);
    await rt.docker.removeContainer(container.id).catch(() => {});
  }
}
