/**
 * `scheduler:image-info`: the image id, and the Procfile and app.json in its working directory,
 * read on the manager's engine without running anything from the image: from a probe container
 * (probe-container.ts), through the archive API.
 *
 * The first thing a deploy (or ps:rebuild) does, so a Ctrl-C often lands here: the reads are cut
 * short, the container is removed all the same, and the command exits 130 (143 for SIGTERM).
 */
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { ErrorCodes, PierError, signalExitCode } from '@pier/plugin-api';
import { ProbeInterrupted, withProbeContainer, type ProbeStep } from './probe-container.js';
import type { Runtime } from './runtime.js';

export interface ImageInfo {
  id: string;
  procfile: string | null;
  appJson: string | null;
}

/** A Procfile or an app.json is small; a bigger file is not one. */
const MAX_BYTES = 1024 * 1024;
/** Symlinks followed at most (the archive API hands back the link, not its target). */
const MAX_LINKS = 5;

type Entry = { file: string } | { link: string } | null;

/** The archive API puts the requested path first: read that entry, drain the rest. */
async function firstEntry(archive: Readable, path: string): Promise<Entry> {
  const { extract } = await import('tar-stream');
  const tar = extract();
  archive.once('error', (error) => tar.destroy(error));
  archive.pipe(tar);
  let entry: Entry = null;
  for await (const item of tar) {
    const { type, linkname } = item.header;
    if (entry === null && type === 'symlink' && linkname) {
      entry = { link: linkname };
    } else if (entry === null && (type === 'file' || type === 'contiguous-file')) {
      const parts: Buffer[] = [];
      let bytes = 0;
      for await (const part of item as AsyncIterable<Buffer>) {
        bytes += part.length;
        if (bytes > MAX_BYTES) throw new PierError(ErrorCodes.COMMAND_FAILED, `${path} in the image is larger than ${MAX_BYTES} bytes`);
        parts.push(part);
      }
      entry = { file: Buffer.concat(parts).toString('utf8') };
      continue;
    }
    item.resume();
  }
  return entry;
}

async function readFromImage(rt: Runtime, step: ProbeStep, containerId: string, path: string): Promise<string | null> {
  let current = path;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const archive = await step(rt.engine.getArchive(containerId, current));
    if (archive === null) return null;
    const entry = await step(firstEntry(archive, path)).catch((error: unknown) => {
      archive.destroy();
      throw error;
    });
    if (entry === null) return null;
    if ('file' in entry) return entry.file;
    current = posix.resolve(posix.dirname(current), entry.link);
  }
  return null;
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
