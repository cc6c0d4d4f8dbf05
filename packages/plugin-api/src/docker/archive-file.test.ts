import { describe, expect, it } from '@jest/globals';
import { PassThrough, Readable, Writable } from 'node:stream';
import { MAX_ARCHIVE_FILE_BYTES, readArchiveFile, type ArchiveFileSource, type TarEntryLike, type TarExtractorLike } from './archive-file.js';

type FakeEntry = { name: string; type: 'file' | 'symlink' | 'directory'; linkname?: string; content?: Buffer };

/** A stand-in for tar-stream's extractor: swallows the archive, yields the given entries. */
function fakeExtractor(entries: FakeEntry[]): TarExtractorLike {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const yielded = async function* (): AsyncGenerator<TarEntryLike> {
    for (const entry of entries) {
      const body = Readable.from(entry.content ? [entry.content] : []);
      yield Object.assign(body, { header: { name: entry.name, type: entry.type, linkname: entry.linkname } }) as unknown as TarEntryLike;
    }
  };
  return Object.assign(sink, { [Symbol.asyncIterator]: () => yielded() }) as TarExtractorLike;
}

function source(files: Record<string, FakeEntry[]>, options: Partial<ArchiveFileSource> = {}): ArchiveFileSource & { fetched: string[] } {
  const fetched: string[] = [];
  let next: FakeEntry[] = [];
  return {
    fetched,
    fetch: async (path) => {
      fetched.push(path);
      if (!(path in files)) return null;
      next = files[path]!;
      const archive = new PassThrough();
      archive.end('tar bytes');
      return archive;
    },
    extractor: () => fakeExtractor(next),
    step: (work) => work,
    maxLinks: 5,
    sizeErrorNames: 'entry',
    ...options,
  };
}

describe('readArchiveFile', () => {
  it('reads the first entry and drains the rest', async () => {
    const files = { '/app/Procfile': [{ name: 'Procfile', type: 'file' as const, content: Buffer.from('web: run') }, { name: 'x', type: 'file' as const, content: Buffer.from('no') }] };
    expect(await readArchiveFile(source(files), '/app/Procfile')).toBe('web: run');
  });

  it('is null when the path is not there, or is no file', async () => {
    expect(await readArchiveFile(source({}), '/app/Procfile')).toBeNull();
    expect(await readArchiveFile(source({ '/app': [{ name: 'app', type: 'directory' }] }), '/app')).toBeNull();
  });

  it('follows symlinks relative to the link, maxLinks hops at most', async () => {
    const files = {
      '/app/Procfile': [{ name: 'Procfile', type: 'symlink' as const, linkname: 'conf/Procfile' }],
      '/app/conf/Procfile': [{ name: 'Procfile', type: 'symlink' as const, linkname: '/etc/Procfile' }],
      '/etc/Procfile': [{ name: 'Procfile', type: 'file' as const, content: Buffer.from('web: real') }],
    };
    expect(await readArchiveFile(source(files), '/app/Procfile')).toBe('web: real');
    const short = source(files, { maxLinks: 1 });
    expect(await readArchiveFile(short, '/app/Procfile')).toBeNull();
    expect(short.fetched).toEqual(['/app/Procfile', '/app/conf/Procfile']);
  });

  it('refuses a file over 1 MiB, naming the entry or the path asked for', async () => {
    const big = { '/app/Procfile': [{ name: 'Procfile', type: 'file' as const, content: Buffer.alloc(MAX_ARCHIVE_FILE_BYTES + 1) }] };
    await expect(readArchiveFile(source(big), '/app/Procfile')).rejects.toThrow('Procfile in the image is larger than 1048576 bytes');
    await expect(readArchiveFile(source(big, { sizeErrorNames: 'path' }), '/app/Procfile')).rejects.toThrow('/app/Procfile in the image is larger than 1048576 bytes');
  });
});
