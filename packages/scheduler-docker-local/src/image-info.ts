/**
 * `scheduler:image-info`: the image id plus the Procfile and app.json in its working directory.
 * The files are read without running anything from the image: a container is created (never
 * started), the two paths are fetched with the archive API (plugin-api's readArchiveFile), and
 * the container is removed.
 *
 * This is the first thing a deploy does, so a Ctrl-C often lands here: the interrupt is caught
 * as in the deploy proper (deploy-interrupts.ts), the reads are cut short, the container is
 * removed all the same and the command exits 130 (143). One left behind all the same (a kill -9)
 * is swept by the app's next deploy or by ps:retire (image-info-sweep.ts).
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { ErrorCodes, PierError, LABEL_APP, LABEL_CONTAINER_TYPE, readArchiveFile, type ArchiveFileSource, type ImageInfo } from '@pier/plugin-api';
import { guardDeploy, interruptedError, type DeployGuard } from './deploy-interrupts.js';
import type { Runtime } from './runtime.js';

/** Symlinks followed at most (the archive API returns the link, not its target): five reads in all. */
const MAX_LINKS = 4;

function readImageFile(rt: Runtime, guard: DeployGuard, containerId: string, path: string): Promise<string | null> {
  const source: ArchiveFileSource = {
    fetch: (current) => rt.docker.getArchive(containerId, current),
    extractor: async () => (await import('tar-stream')).extract(),
    step: (work) => guard.race(work),
    maxLinks: MAX_LINKS,
    sizeErrorNames: 'entry',
  };
  return readArchiveFile(source, path);
}

export const IMAGE_INFO_TYPE = 'image-info';

async function readImage(rt: Runtime, guard: DeployGuard, app: string, image: string): Promise<ImageInfo> {
  const details = await guard.race(rt.docker.inspectImage(image));
  if (!details) throw new PierError(ErrorCodes.IMAGE_NOT_FOUND, `Image ${image} not found`);
  const workingDir = details.workingDir || '/';
  // Not raced: once asked for, the container exists, and its id is what removes it.
  const containerId = await rt.docker.createContainer({
    name: `pier-image-info.${app}.${randomBytes(4).toString('hex')}`,
    Image: image,
    // Never run; a command is only given because the engine refuses images without one.
    Cmd: ['/pier-image-info'],
    Env: [],
    Labels: { [LABEL_APP]: app, [LABEL_CONTAINER_TYPE]: IMAGE_INFO_TYPE },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    guard.check();
    const procfile = await readImageFile(rt, guard, containerId, posix.join(workingDir, 'Procfile'));
    const appJson = await readImageFile(rt, guard, containerId, posix.join(workingDir, 'app.json'));
    return { id: details.id, procfile, appJson };
  } finally {
    await rt.docker.removeContainer(containerId).catch(() => {});
  }
}

export async function imageInfo(rt: Runtime, app: string, image: string): Promise<ImageInfo> {
  // Never held: there is no point of no return in reading an image.
  const guard = guardDeploy(rt.interrupts, () => {});
  try {
    return await readImage(rt, guard, app, image);
  } catch (error) {
    if (guard.signal !== null) throw interruptedError(guard.signal, 'nothing was started or changed');
    throw error;
  } finally {
    guard.unsubscribe();
  }
}
