import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LEGACY_APP_NAME_PATTERN } from '@pier/plugin-api';

/**
 * Apps are directories under `<root>/apps`, as Dokku's are under `$DOKKU_ROOT`. Names are checked
 * before they touch the file system (a trusted caller skips schema validation).
 */
export interface AppRegistry {
  dir(app: string): string;
  exists(app: string): Promise<boolean>;
  /** Names sorted; entries starting with `.` or an uppercase letter are not apps (Dokku's rule). */
  list(): Promise<string[]>;
  create(app: string): Promise<void>;
  remove(app: string): Promise<void>;
  createdAt(app: string): Promise<Date | undefined>;
}

export function createAppRegistry(root: string): AppRegistry {
  const appsRoot = join(root, 'apps');
  const dir = (app: string) => {
    if (!LEGACY_APP_NAME_PATTERN.test(app)) throw new TypeError(`invalid app name "${app}"`);
    return join(appsRoot, app);
  };
  const statOf = (app: string) => (LEGACY_APP_NAME_PATTERN.test(app) ? stat(dir(app)).catch(() => undefined) : undefined);

  return {
    dir,
    async exists(app) {
      return (await statOf(app))?.isDirectory() ?? false;
    },
    async list() {
      const entries = await readdir(appsRoot, { withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => e.isDirectory() && !/^[.A-Z]/.test(e.name))
        .map((e) => e.name)
        .sort();
    },
    async create(app) {
      await mkdir(dir(app), { recursive: true, mode: 0o755 });
    },
    async remove(app) {
      await rm(dir(app), { recursive: true, force: true });
    },
    async createdAt(app) {
      return (await statOf(app))?.birthtime;
    },
  };
}
