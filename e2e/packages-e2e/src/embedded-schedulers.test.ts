import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import Docker from 'dockerode';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { consumerProject, workspaceRoot, type ConsumerProject } from './support/consumer-project.js';

// User kind 1: a scheduler package on its own, without the CLI. The packages are packed with
// npm pack and installed from the tarballs into an empty project; small scripts there use the
// documented API (createEmbeddedHost) exactly as the README shows it.
let project: ConsumerProject;
beforeAll(async () => {
  project = await consumerProject(['plugin-api', 'scheduler-null', 'scheduler-docker-local']);
}, 300_000);
afterAll(() => project?.dispose());

const release = (image: string) => `{
  image: ${JSON.stringify(image)},
  processes: [{ type: 'web', quantity: 1, command: null, maxParallel: 1, healthchecks: [], checks: 'skipped' }],
  env: {},
  restartPolicy: 'on-failure:10',
  stopTimeoutSeconds: 1,
  waitToRetireSeconds: 0,
  defaultUptimeSeconds: 0,
}`;

const lastJsonLine = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as Record<string, unknown>;

describe('@pier/scheduler-null installed on its own', () => {
  it('deploys, reports and stops an app through createEmbeddedHost', async () => {
    const script = `
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedHost } from '@pier/plugin-api';
import { schedulerNull } from '@pier/scheduler-null';

const root = mkdtempSync(join(tmpdir(), 'pier-embedded-null-'));
const host = await createEmbeddedHost({ root, plugins: [schedulerNull()] });
const scheduler = host.scheduler('null');
await scheduler.deploy('blog', ${release('nginx:latest')});
const status = await scheduler.status('blog');
await scheduler.stop('blog');
console.log(JSON.stringify({ schedulers: host.schedulers(), status, deployed: await scheduler.isDeployed('blog'), root }));
rmSync(root, { recursive: true, force: true });
`;

    const result = await project.run(script);

    expect(result.stderr).toBe('');
    const { root, ...outcome } = lastJsonLine(result.stdout);
    expect(outcome).toEqual({
      schedulers: ['null'],
      status: { processes: 1, running: 'true', containers: [] },
      deployed: true,
    });
    // Tests remove the temporary directories they create.
    expect(existsSync(String(root))).toBe(false);
  });

  it('is usable from CommonJS too (require of the ESM package)', async () => {
    const { stdout } = await execa('node', ['-e', "console.log(typeof require('@pier/scheduler-null').schedulerNull)"], { cwd: project.dir });

    expect(stdout).toBe('function');
  });

  it('rejects a malformed release with one clear error', async () => {
    const script = `
import { createEmbeddedHost } from '@pier/plugin-api';
import { schedulerNull } from '@pier/scheduler-null';
const host = await createEmbeddedHost({ root: '/nonexistent', plugins: [schedulerNull()] });
try {
  await host.scheduler('null').deploy('blog', { image: '' });
} catch (error) {
  console.log(JSON.stringify({ code: error.code }));
}
`;

    expect(lastJsonLine((await project.run(script)).stdout)).toEqual({ code: 'PIER_ERR_TRIGGER_CONTRACT' });
  });
});

describe('@pier/scheduler-docker-local installed on its own', () => {
  const docker = new Docker();
  const app = `pier-pack-${process.pid}`;
  const image = `${app}-img:1`;

  beforeAll(async () => {
    await execa('node', [join(workspaceRoot, 'tools/docker/build-app-image.mjs'), image, join(workspaceRoot, 'e2e/fixtures/apps/plain-cmd')]);
  }, 120_000);
  afterAll(async () => {
    for (const c of await docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`] } })) {
      await docker.getContainer(c.Id).remove({ force: true });
    }
    await docker.getImage(image).remove({ force: true }).catch(() => undefined);
  });

  it('runs a container for an app, reports it, stops it and removes it', async () => {
    // Network mode `none`: tests never use a bridge address (PRODUCT.md, networking rule).
    const script = `
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedHost } from '@pier/plugin-api';
import { schedulerDockerLocal } from '@pier/scheduler-docker-local';

const root = mkdtempSync(join(tmpdir(), 'pier-embedded-docker-local-'));
const host = await createEmbeddedHost({
  root,
  plugins: [schedulerDockerLocal()],
  properties: { 'scheduler-docker-local': { '--global': { 'network-mode': 'none' } } },
});
const scheduler = host.scheduler('docker-local');
const app = process.argv[2];
await scheduler.deploy(app, ${release(image)});
const running = await scheduler.status(app);
await scheduler.stop(app);
const stopped = await scheduler.status(app);
await scheduler.destroy(app);
const destroyed = { status: await scheduler.status(app), deployed: await scheduler.isDeployed(app) };
rmSync(root, { recursive: true, force: true });
console.log(JSON.stringify({ running, stopped, destroyed }));
`;

    const result = await project.run(script, [app]);

    expect(result.exitCode).toBe(0);
    const { running, stopped, destroyed } = lastJsonLine(result.stdout) as Record<string, Record<string, unknown>>;
    expect(running).toMatchObject({ processes: 1, running: 'true', containers: [{ dyno: 'web.1', state: 'running' }] });
    expect(stopped).toMatchObject({ running: 'false' });
    expect(destroyed).toEqual({ status: { processes: 0, running: 'false', containers: [] }, deployed: false });
    expect(await docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`] } })).toEqual([]);
  });
});
