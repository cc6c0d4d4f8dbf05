/**
 * Real engine: a deploy whose checks fail leaves the previous containers serving, shows and keeps
 * the failed container's output, and a later deploy cleans up after it and after a deploy that
 * was killed half-way (a leftover `upcoming` container).
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { schedulerDeploy, schedulerLogsFailed, type Release } from '@pier/plugin-api';
import { containersOf, docker, describeDocker, dockerFixture, httpGet, portOf } from './test-support/docker-fixture.js';
import { processSpec } from './test-support/unit-host.js';

const fixture = dockerFixture('pier-dl-failure');
const app = `${fixture.prefix}-app`;
let image: string;

const releaseOf = (workerCommand: string): Release => ({
  image,
  processes: [
    processSpec('web', 2, { command: 'httpd -f -p 127.0.0.1:$PORT -h /app/www' }),
    processSpec('worker', 1, { command: workerCommand }),
  ],
  env: {},
  restartPolicy: 'no',
  stopTimeoutSeconds: 1,
  waitToRetireSeconds: 0,
  defaultUptimeSeconds: 1,
});

const names = async () => (await containersOf(app)).map((c) => `${c.name.replace(/upcoming-\d+$/, 'upcoming-N')}:${c.state}`).sort();

describeDocker('failed deploys on a real engine', () => {
  beforeAll(async () => {
    image = await fixture.buildImage('1', { 'www/index.html': 'still v1\n' });
  }, 120_000);
  afterAll(() => fixture.cleanup(), 60_000);

  let before: { id: string; name: string }[];
  // One host for the file: failed-containers lives under its root.
  let host: Awaited<ReturnType<typeof fixture.host>>;
  beforeAll(async () => {
    host = await fixture.host([app]);
  });

  it('failed checks: the previous containers keep running untouched', async () => {
    await host.call(schedulerDeploy, { app, release: releaseOf('sleep 3600') });
    before = await containersOf(app);

    host.io.clear();
    const broken = releaseOf(`sh -c 'echo worker broke >&2; exit 3'`);
    await expect(host.call(schedulerDeploy, { app, release: broken })).rejects.toMatchObject({
      code: 'PIER_ERR_DEPLOY_FAILED',
      message: 'Could not start due to 1 failed checks (worker.1)',
    });
    const out = host.io.stdoutText();
    expect(out).toMatch(/=====> Start of pier-dl-failure-app container output \([0-9a-f]{12} worker\.1\)\nworker broke\n=====> End of pier-dl-failure-app container output/);
    // The worker dies at once: before its checks begin, or while the first one runs (a race).
    expect(host.io.stderrText()).toMatch(/ !     (Container state: exited|Failure in name='default': container state is not running \(state=exited\))\n/);

    const after = await containersOf(app);
    for (const old of before) expect(after.find((c) => c.id === old.id)).toMatchObject({ name: old.name, state: 'running' });
    // This deploy's healthy web containers were removed again; only the failed one stays, stopped.
    expect(await names()).toEqual([`${app}.web.1:running`, `${app}.web.2:running`, `${app}.worker.1.upcoming-N:exited`, `${app}.worker.1:running`].sort());
    expect(await httpGet(await portOf(before[0]!.id))).toBe('still v1\n');
  }, 60_000);

  it('logs:failed shows the failed container’s output, what it wrote on stderr on stderr (`docker logs`)', async () => {
    host.io.clear();
    await host.call(schedulerLogsFailed, { app });
    expect(host.io.stdoutText()).toBe('');
    expect(host.io.stderrText()).toBe('worker broke\n');
  });

  it('a failing command check (exec in the container) fails the deploy the same way', async () => {
    host.io.clear();
    const broken = releaseOf('sleep 3600');
    broken.processes[0]!.healthchecks = [{ name: 'cmd', command: ['sh', '-c', 'echo nope; exit 4'], attempts: 1 }];
    await expect(host.call(schedulerDeploy, { app, release: broken })).rejects.toMatchObject({
      message: 'Could not start due to 1 failed checks (web.1)',
    });
    expect(host.io.stderrText()).toContain(" !     Failure in name='cmd': non-zero exit code 4\n");
    for (const old of before) expect((await containersOf(app)).find((c) => c.id === old.id)?.state).toBe('running');
  }, 60_000);

  it('the next deploy removes leftovers of failed and killed deploys and converges', async () => {
    // What a deploy killed right after creating a container leaves behind.
    const leftover = await docker.createContainer({
      name: `${app}.web.1.upcoming-4242`,
      Image: image,
      Cmd: ['sleep', '3600'],
      Labels: { 'com.dokku.app-name': app, 'com.dokku.container-type': 'deploy', 'com.dokku.dyno': 'web.1' },
      HostConfig: { NetworkMode: 'none', Init: true },
    });
    await leftover.start();

    host.io.clear();
    await host.call(schedulerDeploy, { app, release: releaseOf('sleep 3600') });
    expect(host.io.stdoutText()).toContain(`Removing stale container ${app}.web.1.upcoming-4242`);
    expect(await names()).toEqual([`${app}.web.1:running`, `${app}.web.2:running`, `${app}.worker.1:running`]);
    const now = await containersOf(app);
    expect(now.some((c) => before.some((b) => b.id === c.id))).toBe(false);
  }, 60_000);
});
