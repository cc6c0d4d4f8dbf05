import { readFile } from 'node:fs/promises';
import { ErrorCodes, PierError, messageOf } from '@pier/plugin-api';

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** The path inside a pax extended header record set (`<len> path=<value>\n`), if any. */
function paxPath(data: Buffer): string | undefined {
  return /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
}

/**
 * Reads `<top>/package.json` out of an npm tarball (gzip'd ustar) without unpacking it, so a
 * plugin's manifest is checked before anything is installed. npm puts everything under
 * `package/`; other top-level names are accepted too.
 */
export async function readTarballPackageJson(path: string): Promise<Record<string, unknown>> {
  // node:zlib is imported here, not at the top: it costs ~3 ms of every command's start-up.
  const { gunzipSync } = await import('node:zlib');
  let tar: Buffer;
  try {
    tar = gunzipSync(await readFile(path));
  } catch (error) {
    throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${path} is not a gzip'd npm tarball: ${messageOf(error)}`);
  }
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = field(header, 156, 1);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'L') {
      // pax or GNU long-name header: it names the entry that follows.
      longName = type === 'x' ? paxPath(data) : data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if ((type === '0' || type === '') && /^[^/]+\/package\.json$/.test(name)) {
      try {
        return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new PierError(ErrorCodes.PLUGIN_MANIFEST, `the package.json in ${path} is not valid JSON: ${messageOf(error)}`);
      }
    }
  }
  throw new PierError(ErrorCodes.PLUGIN_INSTALL, `${path} has no package.json: is it an npm package tarball?`);
}
