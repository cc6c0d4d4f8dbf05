import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineScheduler, type PierPlugin } from '@pier/plugin-api';

/**
 * A well-behaved scheduler for the suite's own tests: it keeps one JSON file per app under
 * `<root>/data/scheduler-files/`. `leaveFilesBehind` makes post-delete forget to remove it.
 */
export function fileScheduler(options: { leaveFilesBehind?: boolean } = {}): PierPlugin {
  return defineScheduler({ name: '@pier/plugin-testkit/file-scheduler', scheduler: 'files', description: 'one file per app' }, ({ root }) => {
    const dir = join(root, 'data', 'scheduler-files');
    const file = (app: string) => join(dir, `${app}.json`);
    const read = async (app: string) =>
      JSON.parse(await readFile(file(app), 'utf8').catch(() => 'null')) as { processes: number; running: boolean } | null;
    const write = async (app: string, state: { processes: number; running: boolean }) => {
      await mkdir(dir, { recursive: true });
      await writeFile(file(app), JSON.stringify(state));
    };
    return {
      deploy: ({ app, release }) => write(app, { processes: release.processes.reduce((n, p) => n + p.quantity, 0), running: true }),
      async stop({ app, removeContainers }) {
        const state = await read(app);
        if (state) await write(app, { processes: removeContainers ? 0 : state.processes, running: false });
      },
      async appStatus({ app }) {
        const state = await read(app);
        const processes = state?.processes ?? 0;
        const containers = Array.from({ length: processes }, (_, i) => ({ dyno: `web.${i + 1}`, state: state?.running ? 'running' : 'exited', id: `${app}-${i + 1}` }));
        return { processes, running: state?.running && processes > 0 ? 'true' : 'false', containers };
      },
      isDeployed: async ({ app }) => (await read(app)) !== null,
      postDelete: async ({ app }) => {
        if (!options.leaveFilesBehind) await rm(file(app), { force: true });
      },
    };
  });
}
