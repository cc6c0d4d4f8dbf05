import type { Readable } from 'node:stream';
import { pack } from 'tar-stream';

/**
 * The archive API's answer for one file: a tar holding it under its base name. Content written
 * as `-> <target>` is a symlink to that target.
 */
export function tarOf(path: string, content: string): Readable {
  const tar = pack();
  const name = path.split('/').pop() ?? path;
  if (content.startsWith('-> ')) tar.entry({ name, type: 'symlink', linkname: content.slice(3) });
  else tar.entry({ name }, content);
  tar.finalize();
  return tar as unknown as Readable;
}
