import type { OutputOf } from '../bus/define-trigger.js';
import type { TriggerBus } from '../bus/trigger-bus.js';
import { schedulerImageInfo } from '../triggers/scheduler.js';
import { dispatchToScheduler, installedSchedulers, selectedScheduler } from './dispatch.js';

export type ImageInfo = OutputOf<typeof schedulerImageInfo>;

export interface InspectedImage {
  info: ImageInfo;
  /** False when the scheduler cannot read images and `info` is the fallback (see uninspectedImage). */
  inspected: boolean;
}

/**
 * What a deploy knows of an image its scheduler cannot read: the reference is the id, there is no
 * Procfile and no app.json. The release then has the formation's process types without
 * commands, so `web` runs the image's own command, as it does for an image without a Procfile.
 */
export function uninspectedImage(image: string): ImageInfo {
  return { id: image, procfile: null, appJson: null };
}

/**
 * The first step of `pier deploy` and ps:rebuild: the selected scheduler's `imageInfo`, or, for
 * a scheduler that does not implement it (a platform that cannot look inside images), the
 * fallback. `imageInfo` is optional so that a scheduler needs only the four required methods to
 * be deployable. A scheduler that is not installed is still an error.
 */
export async function inspectImage(bus: TriggerBus, app: string, image: string, command: string): Promise<InspectedImage> {
  const scheduler = await selectedScheduler(bus, app);
  if (installedSchedulers(bus).includes(scheduler) && !bus.keys(schedulerImageInfo).includes(scheduler)) {
    return { info: uninspectedImage(image), inspected: false };
  }
  return { info: await dispatchToScheduler(bus, schedulerImageInfo, { app, image }, command), inspected: true };
}
