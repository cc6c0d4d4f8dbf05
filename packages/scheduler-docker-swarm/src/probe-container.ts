/**
 * A container created from an image and never started, to look at the image's files on the
 * manager's engine (the Procfile and app.json for a deploy, /bin/bash for a one-off's shell)
 * without running anything from it. Removed again whatever happens.
 */
import { randomBytes } from 'node:crypto';
import { LABEL_APP, LABEL_ROOT, rootLabelValue } from './naming.js';
import type { Runtime } from './runtime.js';

export async function withProbeContainer<T>(rt: Runtime, app: string, image: string, work: (containerId: string) => Promise<T>): Promise<T> {
  const containerId = await rt.engine.createContainer({
    name: `pier-swarm-image-info.${app}.${randomBytes(4).toString('hex')}`,
    Image: image,
    // Never started; the engine refuses to create a container from an image without a command.
    Cmd: ['/pier-image-info'],
    Labels: { [LABEL_APP]: app, [LABEL_ROOT]: rootLabelValue(rt.root) },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    return await work(containerId);
  } finally {
    await rt.engine.removeContainer(containerId).catch(() => {});
  }
}
