/**
 * `scheduler:image-info`: the image id, and the Procfile and app.json in its working directory,
 * read on the manager's engine without running anything from the image: from a probe container
 * (probe-container.ts), through the archive API (plugin-api's readArchiveFile).
 *
 * The first thing a deploy (or ps:rebuild) does, so a Ctrl-C often lands here: the reads are cut
 * short, the container is removed all the same, and the command exits 130 (143 for SIGTERM).
 */
import { posix } from 'node:path';
import { ErrorCodes, PierError, readArchiveFile, signalExitCode, type ArchiveFileSource, type ImageInfo } from '@pier/plugin-api';
import { ProbeInterrupted, withProbeContainer, type ProbeStep } from './probe-container.js';
import type { Runtime } from './runtime.js';

/** Symlinks followed at most (the archive API hands back the link, not its target). */
const MAX_LINKS = 5;

function readFromImage(rt: Runtime, step: ProbeStep, containerId: string, path: string): Promise<string | null> {
  const source: ArchiveFileSource = {
    fetch: (current) => rt.engine.getArchive(containerId, current),
    extractor: async () => (await import('tar-stream')).extract(),
    step,
    maxLinks: MAX_LINKS,
    sizeErrorNames: 'path',
  };
  return readArchiveFile(source, path);
}

export async function imageInfo(rt: Runtime, app: string, image: string): Promise<ImageInfo> {
  const details = await rt.engine.inspectImage(image);
  if (!details) throw new PierError(ErrorCodes.IMAGE_NOT_FOUND, `Image ${image} not found`);
  const dir = details.workingDir || '/';
  try {
    return await withProbeContainer(rt, app, image, async (containerId, step) => ({
      id: details.id,
      procfile: await readFromImage(rt, step, containerId, posix.join(dir, 'Procfile')),
      appJson: await readFromImage(rt, step, containerId, posix.join(dir, 'app.json')),
    }));
  } catch (error) {
    if (!(error instanceof ProbeInterrupted)) throw error;
    throw new PierError(ErrorCodes.INTERRUPTED, `Deploy interrupted by ${error.signal}: nothing was started or changed`, {
      exitCode: signalExitCode(error.signal),
    });
  }
}
