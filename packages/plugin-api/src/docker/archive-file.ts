/**
 * One small file (a Procfile, an app.json) read out of a container through the engine's archive
 * API, the way every Docker scheduler's `scheduler:image-info` reads an image without running it:
 * the archive puts the requested path first, a symlink comes back as the link (so it is followed,
 * a few hops at most), and anything over 1 MiB is refused, since no such file is that big.
 *
 * The caller brings the tar parser (tar-stream's `extract()`, duck-typed here), so plugin-api has
 * no tar dependency, and the waits (`step`), so an interrupt cuts a read short.
 */
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { ErrorCodes } from '../errors/error-codes.js';
import { PierError } from '../errors/pier-error.js';

/** A Procfile or an app.json is small; a bigger file is not one. */
export const MAX_ARCHIVE_FILE_BYTES = 1024 * 1024;

/** An entry of a tar stream, as tar-stream's extractor yields it (its chunks are Buffers). */
export interface TarEntryLike extends AsyncIterable<unknown> {
  header: { name: string; type?: string | null | undefined; linkname?: string | null | undefined };
  resume(): unknown;
}

/** A tar extractor: written the archive, iterated for its entries (tar-stream's `extract()`). */
export interface TarExtractorLike extends NodeJS.WritableStream {
  destroy(error?: Error): unknown;
  [Symbol.asyncIterator](): AsyncIterator<TarEntryLike>;
}

export type ArchiveEntry = { file: string } | { link: string } | null;

/**
 * The archive's first entry: a regular file's content or a symlink's target (null for anything
 * else); the rest is drained. `sizeLabel` is what the too-large error names (default: the entry).
 */
export async function firstArchiveEntry(archive: Readable, tar: TarExtractorLike, sizeLabel?: string): Promise<ArchiveEntry> {
  archive.on('error', (error) => tar.destroy(error));
  archive.pipe(tar);
  let found: ArchiveEntry = null;
  for await (const entry of tar) {
    const { type, name, linkname } = entry.header;
    if (found === null && type === 'symlink' && linkname) {
      found = { link: linkname };
    } else if (found === null && (type === 'file' || type === 'contiguous-file')) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_ARCHIVE_FILE_BYTES) throw new PierError(ErrorCodes.COMMAND_FAILED, `${sizeLabel ?? name} in the image is larger than ${MAX_ARCHIVE_FILE_BYTES} bytes`);
        chunks.push(chunk);
      }
      found = { file: Buffer.concat(chunks).toString('utf8') };
      continue;
    }
    entry.resume();
  }
  return found;
}

export interface ArchiveFileSource {
  /** The archive of one path in the container; null when there is nothing at that path. */
  fetch(path: string): Promise<Readable | null>;
  /** A fresh tar extractor per archive. */
  extractor(): TarExtractorLike | Promise<TarExtractorLike>;
  /** Every wait goes through it (an interrupt rejects it). */
  step<T>(work: Promise<T>): Promise<T>;
  /** Symlinks followed at most. */
  maxLinks: number;
  /** Whether the too-large error names the path asked for or the tar entry read. */
  sizeErrorNames: 'path' | 'entry';
}

/** The file at `path`, following symlinks; null when there is none (or the links go on too long). */
export async function readArchiveFile(source: ArchiveFileSource, path: string): Promise<string | null> {
  let current = path;
  for (let hop = 0; hop <= source.maxLinks; hop++) {
    const archive = await source.step(source.fetch(current));
    if (archive === null) return null;
    const read = async () => firstArchiveEntry(archive, await source.extractor(), source.sizeErrorNames === 'path' ? path : undefined);
    const entry = await source.step(read()).catch((error: unknown) => {
      archive.destroy();
      throw error;
    });
    if (entry === null) return null;
    if ('file' in entry) return entry.file;
    current = posix.resolve(posix.dirname(current), entry.link);
  }
  return null;
}
