/**
 * `scheduler:image-info`: the image id plus the Procfile and app.json in its working directory.
 * The files are read without running anything from the image: a container is created (never
 * started), the two paths are fetched with the archive API, and the container is removed.
 *
 * This is the first thing a deploy does, so a Ctrl-C often lands here: the interrupt is caught
 * as in the deploy proper (deploy-interrupts.ts), the reads are cut short, the container is
 * removed all the same and the command exits 130 (143). One left behind all the same (a kill -9)
 * is swept by the app's next deploy or by ps:retire (image-info-sweep.ts).
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { ErrorCodes, PierError, LABEL_APP, LABEL_CONTAINER_TYPE } from '@pier/plugin-api';
import { guardDeploy, interruptedError, type DeployGuard } from './deploy-interrupts.js';
import type { Runtime } from './runtime.js';

export interface ImageInfo {
  id: string;
  procfile: string | null;
  appJson: string | null;
}

/** Procfiles and app.json files are small; anything bigger is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

type TarEntry = { name: string; kind: 'file'; content: string } | { name: string; kind: 'symlink'; target: string } | null;

/** The first entry of a tar stream (the archive API puts the requested path first). */
async function firstEntry(stream: Readable): Promise<TarEntry> {
  const { extract } = await import('tar-stream');
  const extractor = extract();
  stream.on('error', (error) => extractor.destroy(error));
  stream.pipe(extractor);
  let found: TarEntry = null;
  for await (const entry of extractor) {
    const { type, name, linkname } = entry.header;
    if (found !== null) {
      entry.resume();
    } else if (type === 'symlink' && linkname) {
      found = { name, kind: 'symlink', target: linkname };
      entry.resume();
    } else if (type === 'file' || type === 'contiguous-file') {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_FILE_BYTES) throw new PierError(ErrorCodes.COMMAND_FAILED, `${name} in the image is larger than ${MAX_FILE_BYTES} bytes`);
        chunks.push(chunk);
      }
      found = { name, kind: 'file', content: Buffer.concat(chunks).toString('utf8') };
    } else {
      entry.resume();
    }
  }
  return found;
}

/** Reads one file, following a few symlinks (the archive API returns the link, not its target). */
async function readImageFile(rt: Runtime, guard: DeployGuard, containerId: string, path: string): Promise<string | null> {
  let current = path;
  for (let hops = 0; hops < 5; hops++) {
    const stream = await guard.race(rt.docker.getArchive(containerId, current));
    if (!stream) return null;
    const entry = await guard.race(firstEntry(stream)).catch((error: unknown) => {
      stream.destroy();
      throw error;
    });
    if (entry === null) return null;
    if (entry.kind === 'file') return entry.content;
    current = posix.resolve(posix.dirname(current), entry.target);
  }
  return null;
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
