import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, docker, httpGet, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: a redeploy is how a user fixes an app whose container crash-loops. The live web
// container of the fixture `crash-loop` passed its checks, then (once /app/crash exists) exits 3
// on every start: Docker keeps it "restarting" (restart policy on-failure:10). A deploy of a good
// image must replace it — and a deploy that fails must not leave its new containers running.
const app = 'e2e-crashloop';
const crashing = 'e2e-crashloop-img:crash';
const good = 'e2e-crashloop-img:good';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(crashing, 'crash-loop');
  await buildFixtureImage(good, 'web-worker');
  await createHostApp(env, app, ['web=1']);
  await pierOk(env, ['deploy', app, crashing]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [crashing, good] }), 60_000);

const liveWeb = async () => (await appContainers(app)).find((c) => c.name === `${app}.web.1`);

describe('redeploying an app whose web container crash-loops', () => {
  it('starts from a live web.1 that Docker keeps restarting', async () => {
    const web = await liveWeb();
    expect(web?.state).toBe('running');
    await pierOk(env, ['enter', app, 'web', 'touch', '/app/crash']);

    const state = await waitFor(
      async () => {
        const info = await docker.getContainer(web!.id).inspect();
        return info.State.Restarting && info.RestartCount >= 3 ? info.State : undefined;
      },
      { what: 'web.1 to crash-loop' },
    );

    expect(state.Status).toBe('restarting');
    // Between two restarts the container runs for a moment, so look until Pier sees it down.
    const running = await waitFor(
      async () => {
        const value = (await pierOk(env, ['ps:report', app, '--running'])).trim();
        return value !== 'true' ? value : undefined;
      },
      { what: 'ps:report to see web.1 not running' },
    );
    expect(['false', 'mixed']).toContain(running);
  });

  it('a deploy of a good image replaces it: exit 0, the new web.1 serves, nothing upcoming is left', async () => {
    const crashed = (await liveWeb())!;

    const result = await env.pier(['deploy', app, good]);

    const containers = await appContainers(app);
    const upcoming = containers.filter((c) => c.name.includes('.upcoming-')).map((c) => `${c.name}:${c.state}`);
    expect({ exitCode: result.exitCode, stderr: result.stderr, upcoming }).toEqual({ exitCode: 0, stderr: '', upcoming: [] });
    const web = await liveWeb();
    expect(web?.id).not.toBe(crashed.id);
    expect(web?.state).toBe('running');
    expect(await httpGet(Object.values(await webPorts(env, app))[0]!)).toEqual({ status: 200, body: 'hello from pier\n' });
  });
});
