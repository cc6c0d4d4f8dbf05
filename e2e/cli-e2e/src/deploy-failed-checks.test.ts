import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, psReport, statuses, tearDownApps, webPorts, type DynoStatus } from './support/apps.js';
import { appContainers, buildFixtureImage, docker, httpGet, waitForHttp } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: a new container that fails its checks is stopped, its output printed and kept for
// logs:failed, the deploy exits non-zero, and the previous containers keep running untouched.
const app = 'e2e-failcheck';
const good = 'e2e-failcheck-img:good';
const failing = 'e2e-failcheck-img:failing';
const workerFails = 'e2e-failcheck-img:worker-fails';
let env: PierEnvironment;
let before: Record<string, DynoStatus>;
let failedOutput: { exitCode: number; stdout: string; stderr: string };

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(good, 'web-worker');
  await buildFixtureImage(failing, 'failing');
  await buildFixtureImage(workerFails, 'worker-fails');
  await createHostApp(env, app, ['web=2', 'worker=1']);
  // The failing web has no healthchecks: the default uptime check (default-wait) catches it.
  await pierOk(env, ['checks:set', '--global', 'default-wait', '1']);
  await pierOk(env, ['deploy', app, good]);
  before = statuses(await psReport(env, app));
}, 90_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [good, failing, workerFails] }), 60_000);

describe('a deploy whose web fails its checks', () => {
  it('exits non-zero with "Could not start due to" and the container output between markers', async () => {
    expect(Object.keys(before)).toEqual(['web.1', 'web.2', 'worker.1']);

    failedOutput = await env.pier(['deploy', app, failing]);

    expect(failedOutput.exitCode).toBe(1);
    expect(failedOutput.stderr).toContain(' !     Could not start due to 1 failed checks (web.1)\n');
    // Once, before the output; Dokku prints it again at the end (§7.10), Pier does not.
    expect(failedOutput.stderr.split('Could not start due to')).toHaveLength(2);
    const start = new RegExp(`^=====> Start of ${app} container output \\(([0-9a-f]{12}) web\\.1\\)$`, 'm');
    const failedId = start.exec(failedOutput.stdout)?.[1];
    expect(failedId).toBeDefined();
    const between = failedOutput.stdout.split(start)[2]!.split(`=====> End of ${app} container output (${failedId} web.1)`);
    expect(between).toHaveLength(2);
    expect(between[0]).toContain('starting\n');
    expect(between[0]).toContain('boom: cannot start\n');
    expect(failedOutput.stdout).not.toContain('Application deployed');
  });

  it('keeps the old containers: same IDs in ps:report, still running and serving', async () => {
    const report = await psReport(env, app);

    expect(statuses(report)).toEqual(before);
    expect(Object.values(before).every((s) => s.state === 'running')).toBe(true);
    expect(report).toMatchObject({ deployed: 'true', processes: '3', running: 'true' });
    const running = await appContainers(app, { all: false });
    expect(running.map((c) => c.id.slice(0, 11)).sort()).toEqual(Object.values(before).map((s) => s.cid).sort());
    expect(running.map((c) => c.name)).toEqual([`${app}.web.1`, `${app}.web.2`, `${app}.worker.1`]);
    for (const port of Object.values(await webPorts(env, app))) {
      expect(await httpGet(port)).toEqual({ status: 200, body: 'hello from pier\n' });
    }
  });

  it('leaves the failed container stopped, not running under a live name', async () => {
    const failedId = /Start of \S+ container output \(([0-9a-f]{12}) web\.1\)/.exec(failedOutput.stdout)![1]!;

    const failed = (await appContainers(app)).filter((c) => c.id.startsWith(failedId));

    expect(failed).toHaveLength(1);
    expect(failed[0]!.state).not.toBe('running');
    expect(failed[0]!.name).toMatch(new RegExp(`^${app}\\.web\\.1\\.upcoming-\\d+$`));
  });

  it('logs:failed shows the failing output, what the container wrote on stderr on stderr (`docker logs`)', async () => {
    const result = await env.pier(['logs:failed', app]);

    expect(result.exitCode).toBe(0);
    // The container may have been restarted (its restart policy) before it was stopped: each run's lines.
    expect(result.stdout).toMatch(new RegExp(`^=====> ${app} failed deploy logs\n(starting\n)+$`));
    expect(result.stderr).toMatch(/^(boom: cannot start\n)+$/);
  });

  it('keeps the previous release: ps:restart brings back the good image, and the next deploy converges without leftovers', async () => {
    const restart = await env.pier(['ps:restart', app]);

    expect(restart.exitCode).toBe(0);
    const after = await appContainers(app);
    expect(after.map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.web.2:running`, `${app}.worker.1:running`]);
    const inspect = JSON.parse(await pierOk(env, ['ps:inspect', app])) as { Config: { Image: string } }[];
    expect(inspect.map((doc) => doc.Config.Image)).toEqual([good, good, good]);
    for (const port of Object.values(await webPorts(env, app))) expect((await httpGet(port)).status).toBe(200);
  });
});

describe('a deploy whose worker fails after web passed (all-or-nothing)', () => {
  const live = async () => (await appContainers(app, { all: false })).map((c) => `${c.name} ${c.id}`);

  it('removes the new web containers and keeps the old ones live', async () => {
    const before = await live();

    const result = await env.pier(['deploy', app, workerFails]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(' !     Could not start due to 1 failed checks (worker.1)\n');
    expect(result.stderr.split('Could not start due to')).toHaveLength(2);
    expect(result.stdout).toContain('       All checks successful (web.2)\n');
    expect(result.stdout).toMatch(new RegExp(`^ {7}Removing container ${app}\\.web\\.1\\.upcoming-\\d+ \\([0-9a-f]{12}\\) of the failed deploy$`, 'm'));
    expect(await live()).toEqual(before);
    expect((await appContainers(app)).filter((c) => c.name.startsWith(`${app}.web.`) && c.name.includes('upcoming'))).toEqual([]);
    expect((await env.pier(['logs:failed', app])).stdout).toContain('worker dying\n');
  });

  it('with checks disabled for web, starts the old web containers again, restart policy included', async () => {
    await pierOk(env, ['checks:disable', app, 'web']);
    const before = await live();

    const result = await env.pier(['deploy', app, workerFails]);
    await pierOk(env, ['checks:enable', app]);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('       Zero downtime is disabled, stopping currently running containers  (web)\n');
    expect(result.stdout).toMatch(new RegExp(`^ {7}Starting old container ${app}\\.web\\.1 \\([0-9a-f]{12}\\) again$`, 'm'));
    expect(await live()).toEqual(before);
    for (const c of await appContainers(app, { all: false })) {
      expect((await docker.getContainer(c.id).inspect()).HostConfig.RestartPolicy).toMatchObject({ Name: 'on-failure', MaximumRetryCount: 10 });
    }
    for (const port of Object.values(await webPorts(env, app))) expect((await waitForHttp(port)).body).toBe('hello from pier\n');
  });
});
