/**
 * Real engine, network mode `none`: scale down leaves no orphans behind once retired, stop stops,
 * and destroy (stop with removeContainers + postDelete) leaves nothing of the app.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  type Clock,
  type Release,
  schedulerAppStatus,
  schedulerDeploy,
  schedulerIsDeployed,
  schedulerPostDelete,
  schedulerRetire,
  schedulerStop,
  systemClock,
} from '@pier/plugin-api';
import { existsSync } from 'node:fs';
import { appDataDir } from './state-files.js';
import { containersOf, describeDocker, dockerFixture } from './test-support/docker-fixture.js';
import { processSpec } from './test-support/unit-host.js';

const fixture = dockerFixture('pier-dl-lifecycle');
const app = `${fixture.prefix}-app`;
let image: string;
// Real sleeping, but "now" can jump ahead so retirement deadlines pass without waiting.
let skew = 0;
const clock: Clock = { now: () => Date.now() + skew, sleep: systemClock.sleep };

const releaseOf = (web: number, waitToRetireSeconds: number): Release => ({
  image,
  processes: [processSpec('web', web, { command: 'httpd -f -p $PORT -h /app' })],
  env: {},
  restartPolicy: 'on-failure:10',
  stopTimeoutSeconds: 1,
  waitToRetireSeconds,
  defaultUptimeSeconds: 0,
});

describeDocker('scale, stop and destroy on a real engine', () => {
  beforeAll(async () => {
    image = await fixture.buildImage('1', {});
  }, 120_000);
  afterAll(() => fixture.cleanup(), 60_000);

  let host: Awaited<ReturnType<typeof fixture.host>>;
  beforeAll(async () => {
    host = await fixture.host([app], 'none', { clock });
  });

  it('scale down: orphans go aside and are removed once their retire time has passed', async () => {
    await host.call(schedulerDeploy, { app, release: releaseOf(3, 60) });
    expect((await containersOf(app)).map((c) => c.name)).toEqual([`${app}.web.1`, `${app}.web.2`, `${app}.web.3`]);

    await host.call(schedulerDeploy, { app, release: releaseOf(1, 60) });
    expect(host.io.stdoutText()).toContain('       Scheduling orphaned container shutdown in 60 seconds (web.3)\n');
    const aside = (await containersOf(app)).filter((c) => /\.\d{10}$/.test(c.name));
    expect(aside).toHaveLength(3); // old web.1, web.2, web.3
    expect((await host.call(schedulerAppStatus, { app })).processes).toBe(1);

    await host.call(schedulerRetire, { app });
    expect(await containersOf(app)).toHaveLength(4);
    skew += 61_000;
    await host.call(schedulerRetire, { app });
    expect((await containersOf(app)).map((c) => c.name)).toEqual([`${app}.web.1`]);
  }, 60_000);

  it('stop: the containers stay, stopped', async () => {
    await host.call(schedulerStop, { app, removeContainers: false });
    expect((await containersOf(app)).map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:exited`]);
    expect(await host.call(schedulerAppStatus, { app })).toMatchObject({ processes: 1, running: 'false' });
  }, 30_000);

  it('destroy leaves nothing behind', async () => {
    await host.call(schedulerDeploy, { app, release: releaseOf(2, 60) });
    await host.call(schedulerStop, { app, removeContainers: true });
    await host.call(schedulerPostDelete, { app });
    expect(await containersOf(app)).toEqual([]);
    expect(existsSync(appDataDir(host.root, app))).toBe(false);
    expect(await host.call(schedulerIsDeployed, { app })).toBe(false);
  }, 60_000);
});
