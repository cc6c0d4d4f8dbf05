import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, psInspect, psReport, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, containerSummary, docker, httpGet } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: what a deploy takes from the image (app.json formation, max_parallel, healthchecks;
// no Procfile → web runs the image's command) and from the app's settings (restart policy,
// init process, network mode), on the real engine.
const formed = 'e2e-imgcfg-formation';
const plain = 'e2e-imgcfg-plain';
const formationImage = 'e2e-imgcfg-img:formation';
const plainImage = 'e2e-imgcfg-img:plain';
let env: PierEnvironment;
let formedDeploy: string;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(formationImage, 'formation');
  await buildFixtureImage(plainImage, 'plain-cmd');
  await createHostApp(env, formed);
  await pierOk(env, ['checks:set', '--global', 'default-wait', '1']);
  await pierOk(env, ['apps:create', plain]);
  await pierOk(env, ['scheduler-docker-local:set', plain, 'network-mode', 'none']);
  await pierOk(env, ['ps:set', plain, 'restart-policy', 'always']);
  await pierOk(env, ['ps:set', plain, 'stop-timeout-seconds', '1']); // its sh ignores SIGTERM as PID 1
  await pierOk(env, ['scheduler-docker-local:set', plain, 'init-process', 'false']);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [formed, plain], images: [formationImage, plainImage] }), 60_000);

describe('an image whose app.json has a formation', () => {
  it('deploys the quantities of the formation without any ps:scale', async () => {
    formedDeploy = await pierOk(env, ['deploy', formed, formationImage]);

    expect(await containerSummary(formed)).toEqual([
      `${formed}.web.1:running`,
      `${formed}.web.2:running`,
      `${formed}.web.3:running`,
      `${formed}.worker.1:running`,
    ]);
    expect(formedDeploy).toContain('-----> Deploying web (count=3)\n');
    for (const port of Object.values(await webPorts(env, formed))) expect(await httpGet(port)).toEqual({ status: 200, body: 'formation ok\n' });
  });

  it('checks web.1..3 at the same time (max_parallel 3): every check starts before the first one ends (each lasts 3 s)', async () => {
    const lines = formedDeploy.split('\n');
    const firstSuccess = lines.findIndex((line) => /^ {7}All checks successful \(web\.\d\)$/.test(line));
    const attempts = [1, 2, 3].map((n) => lines.indexOf(`       Attempting pre-flight checks (web.${n})`));

    expect(attempts.every((index) => index >= 0 && index < firstSuccess)).toBe(true);
  });

  it('runs the app.json healthchecks of each type', async () => {
    expect(formedDeploy.match(/Healthcheck succeeded name='index'/g)).toHaveLength(3);
    expect(formedDeploy.match(/Healthcheck succeeded name='web uptime'/g)).toHaveLength(3);
    expect(formedDeploy).toContain("       Healthcheck succeeded name='procfile present'\n");
    expect(formedDeploy).not.toContain("name='default'");
  });

  it('cannot be scaled by hand: ps:scale is refused and ps:report says Ps can scale false', async () => {
    const before = await appContainers(formed);

    const result = await env.pier(['ps:scale', formed, 'web=1']);

    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ` !     App ${formed} contains an app.json file with a formations key and cannot be manually scaled\n`,
    });
    expect(await appContainers(formed)).toEqual(before);
    expect((await psReport(env, formed))['ps-can-scale']).toBe('false');
  });
});

describe('an image without a Procfile, with the app’s own settings', () => {
  it('runs the image’s command as web', async () => {
    const result = await env.pier(['deploy', plain, plainImage]);

    expect(result.exitCode).toBe(0);
    expect(await containerSummary(plain)).toEqual([`${plain}.web.1:running`]);
    expect((await env.pier(['logs', plain, '-q'])).stdout).toBe('plain command running\n');
    expect(await env.pier(['ps:scale', plain, 'worker=1'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     worker is not a valid process name to scale up\n',
    });
  });

  it('creates the container with the restart policy, init process and network mode of the app', async () => {
    const [inspected] = (await psInspect(env, plain)) as unknown as { Id: string; Config: { Env: string[]; Labels: Record<string, string> } }[];
    const real = await docker.getContainer(inspected!.Id).inspect();

    expect(real.HostConfig.RestartPolicy).toMatchObject({ Name: 'always' });
    expect(real.HostConfig.Init ?? false).toBe(false);
    expect(real.HostConfig.NetworkMode).toBe('none');
    // Outside host mode web gets PORT 5000 (no free loopback port is needed).
    expect(inspected!.Config.Env).toContain('PORT=5000');
    expect(inspected!.Config.Labels).toMatchObject({
      'com.dokku.app-name': plain,
      'com.dokku.container-type': 'deploy',
      'com.dokku.dyno': 'web.1',
      'com.dokku.process-type': 'web',
    });
  });

  it('the defaults, for comparison: on-failure:10, an init process, host networking', async () => {
    const [web] = await appContainers(formed);
    const real = await docker.getContainer(web!.id).inspect();

    expect(real.HostConfig.RestartPolicy).toMatchObject({ Name: 'on-failure', MaximumRetryCount: 10 });
    expect(real.HostConfig.Init).toBe(true);
    expect(real.HostConfig.NetworkMode).toBe('host');
  });
});
