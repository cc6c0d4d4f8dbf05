import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asPierResult, createHostApp, pierOk, psReport, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, httpGet, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';
import { watchedPier } from './support/shell.js';

// Issue #3, audit finding 5: two state roots on one engine never see each other's containers.
// Root A deploys an app and starts a one-off container that is past its time to live; root B
// has an app of the same name. B's global ps:retire and run:retire, ps:report, deploy and
// apps:destroy leave A's containers alone; A's own ps:retire retires its one-off container.
// Audit round 2, finding 1: root A reached through a symlink is root A, not another root.
// Finding 3: when two roots deploy one app name at once, the one that comes second to the swap
// fails and undoes itself instead of reporting success with its container left unnamed.
const app = 'e2e-roots';
const image = 'e2e-roots-img:1';
const race = 'e2e-roots-race';
/** No app.json checks: its deploy waits in the default uptime check (default-wait). */
const slowImage = 'e2e-roots-img:slow';
let a: PierEnvironment;
let b: PierEnvironment;

beforeAll(async () => {
  a = pierEnvironment();
  b = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await buildFixtureImage(slowImage, 'chatty');
  await createHostApp(a, app, ['web=1']);
  await pierOk(a, ['checks:skip', app]);
  await pierOk(a, ['deploy', app, image]);
  await createHostApp(b, app, ['web=1']);
}, 60_000);
const linkDir = mkdtempSync(join(tmpdir(), 'pier-e2e-link-'));
afterAll(async () => {
  rmSync(linkDir, { recursive: true, force: true });
  await tearDownApps(b, { apps: [race] });
  await tearDownApps(a, { apps: [app, race], images: [image, slowImage] });
}, 60_000);

const summary = async () => (await appContainers(app)).map((c) => `${c.name}:${c.state}`);

describe('two state roots on one engine', () => {
  it('each root’s containers carry its root', async () => {
    for (const c of await appContainers(app)) expect(c.labels['com.pier.root']).toBe(a.root);
  });

  it('another root’s sweeps, reports, deploys and destroys do not touch them', async () => {
    const run = (await pierOk(a, ['run:detached', '--ttl-seconds', '1', app, 'sleep', '60'])).trim();
    const created = Date.now();
    await waitFor(async () => Date.now() > created + 2_500, { what: 'the one-off container to outlive its ttl' });
    const before = await summary();
    expect(before).toEqual([`${run}:running`, `${app}.web.1:running`]);

    expect(await pierOk(b, ['ps:retire'])).not.toContain('Retiring container');
    await pierOk(b, ['run:retire']);
    expect((await pierOk(b, ['ps:report', app, '--processes'])).trim()).toBe('0');
    const deploy = await b.pier(['deploy', app, image]);
    expect(deploy.exitCode).toBe(1);
    expect(deploy.stderr).toContain(` !     Container ${app}.web.1 belongs to another Pier state root on this Docker engine (${a.root});`);
    await pierOk(b, ['--force', 'apps:destroy', app]);

    expect(await summary()).toEqual(before);
  });

  it('the owning root’s global ps:retire retires its expired one-off container', async () => {
    const output = await pierOk(a, ['ps:retire']);

    expect(output).toMatch(/Retiring container [0-9a-f]{12}/);
    await waitFor(async () => (await summary()).join() === `${app}.web.1:running`, { what: 'the one-off container to be gone' });
  });
});

describe('one root spelled two ways (a symlink to it)', () => {
  it('sees, restarts and sweeps the same containers, and labels new ones with the real path', async () => {
    const link = join(linkDir, 'root');
    symlinkSync(a.root, link);
    const viaLink = { PIER_ROOT: link };

    expect((await pierOk(a, ['ps:report', app, '--processes'], { env: viaLink })).trim()).toBe('1');
    const restart = await a.pier(['ps:restart', app], { env: viaLink });
    expect(restart).toMatchObject({ exitCode: 0, stderr: '' });
    for (const c of await appContainers(app)) expect(c.labels['com.pier.root']).toBe(a.root);

    const run = (await pierOk(a, ['run:detached', '--ttl-seconds', '1', app, 'sleep', '60'], { env: viaLink })).trim();
    expect(await pierOk(a, ['--quiet', 'run:list', app])).toContain(run);
    const created = Date.now();
    await waitFor(async () => Date.now() > created + 2_500, { what: 'the one-off container to outlive its ttl' });
    await pierOk(a, ['run:retire'], { env: viaLink });
    await waitFor(async () => !(await appContainers(app)).some((c) => c.name === run), { what: 'the one-off container to be retired' });
  });
});

describe('two roots deploying the same app name at the same time', () => {
  it('the deploy that reaches its swap second fails, removes its containers, and leaves the other serving', async () => {
    await createHostApp(a, race, ['web=1']);
    await createHostApp(b, race, ['web=1']);
    await pierOk(b, ['checks:skip', race]);
    // A's new web waits 20 s in its uptime check: B's whole deploy fits in there many times over.
    await pierOk(a, ['checks:set', '--global', 'default-wait', '20']);
    const { child: slow, printed } = watchedPier(a, ['deploy', race, slowImage]);
    try {
      await printed('Attempting pre-flight checks (web.1)', 'A’s checks of its new web.1');

      await pierOk(b, ['deploy', race, slowImage]);
      const result = asPierResult(await slow);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(` !     Container ${race}.web.1 belongs to another Pier state root on this Docker engine (${b.root});`);
      expect(result.stdout).not.toContain('Application deployed');
      const left = await appContainers(race);
      expect(left.map((c) => `${c.name}:${c.state}:${c.labels['com.pier.root'] === b.root ? 'B' : 'A'}`)).toEqual([`${race}.web.1:running:B`]);
      expect((await psReport(a, race)).deployed).toBe('false');
      expect((await httpGet(Object.values(await webPorts(b, race))[0]!)).status).toBe(200);
    } finally {
      slow.kill('SIGKILL');
      await pierOk(a, ['checks:set', '--global', 'default-wait', '']);
    }
  });
});
