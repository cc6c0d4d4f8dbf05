import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, type AppStatus } from '@pier/plugin-api';

/**
 * What the scheduler remembers about an app: one JSON file per app under
 * `<root>/data/scheduler-docker-swarm/`. This is the starting point's stand-in for a platform; a
 * real scheduler asks its platform what runs and keeps only what the platform cannot tell it.
 */
export interface AppRecord {
  image: string;
  processes: { type: string; quantity: number }[];
  running: boolean;
}

export interface AppStateStore {
  read(app: string): Promise<AppRecord | null>;
  write(app: string, record: AppRecord): Promise<void>;
  remove(app: string): Promise<void>;
}

export function appStateStore(root: string): AppStateStore {
  const file = (app: string) => join(root, 'data', 'scheduler-docker-swarm', `${app}.json`);
  return {
    async read(app) {
      try {
        return JSON.parse(await readFile(file(app), 'utf8')) as AppRecord;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    // Atomic: a reader never sees half a record, even if pier is interrupted.
    write: (app, record) => writeFileAtomic(file(app), `${JSON.stringify(record, null, 2)}\n`),
    remove: (app) => rm(file(app), { force: true }),
  };
}

/** Dokku's view of an app: how many processes, whether they run, one entry per instance. */
export function statusOf(app: string, record: AppRecord | null): AppStatus {
  const containers = (record?.processes ?? []).flatMap(({ type, quantity }) =>
    Array.from({ length: quantity }, (_, i) => ({
      dyno: `${type}.${i + 1}`,
      state: record?.running ? 'running' : 'exited',
      id: `${app}.${type}.${i + 1}`,
    })),
  );
  return { processes: containers.length, running: record?.running && containers.length > 0 ? 'true' : 'false', containers };
}
