import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file or directory under `root` whose name contains `app`: what a plugin left behind for
 * an app it was told to forget. Paths are relative to `root`.
 */
export function pathsNaming(root: string, app: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.name.includes(app)) found.push(relative(root, path));
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return found.sort();
}
