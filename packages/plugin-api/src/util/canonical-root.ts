import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The state root as one directory, however it is spelled: `~/.pier` under a symlinked `$HOME`,
 * `/var/lib/pier` linked to `/data/pier`, macOS's `/tmp` and `/private/tmp`. Schedulers label
 * what they create with it, so that a cron job and a shell that spell the root differently still
 * see the same apps. A root that does not exist yet (the first `apps:create`) is resolved through
 * its nearest existing ancestor, which is what it will resolve to once it is created.
 */
export function canonicalRoot(root: string): string {
  const absolute = resolve(root);
  const missing: string[] = [];
  for (let current = absolute; ; current = dirname(current)) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      // Not there (or not readable): try its parent; `/` always resolves.
      if (dirname(current) === current) return absolute;
      missing.push(basename(current));
    }
  }
}
