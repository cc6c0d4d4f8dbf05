import { afterEach, describe, expect, it } from '@jest/globals';
import { propertySet, schedulerRunList, schedulerRunRetire, schedulerRunStop } from '@pier/plugin-api';
import { isPastDeadline } from './run-containers.js';
import { processSpec, release, storeDeployedRelease, unitHost, type UnitHost } from './test-support/unit-host.js';

let t: UnitHost;
afterEach(() => {
  // Some tests are pure and create no host.
  t?.dispose();
  t = undefined as unknown as UnitHost;
});

const labels = (app: string, type = 'run', ttl?: number) => ({
  'com.dokku.app-name': app,
  'com.dokku.container-type': type,
  ...(ttl === undefined ? {} : { 'com.dokku.active-deadline-seconds': String(ttl) }),
});

/** A one-off container this root's Pier made (it carries the root label, see root-scope.ts). */
function addRun(name: string, state = 'running', ttl = 86400, app = 'shop', type = 'run') {
  const c = t.docker.addContainer(name, { ...labels(app, type, ttl), 'com.pier.root': t.host.root }, state);
  c.spec.Cmd = ['sh', '-c', "echo 'hi'; sleep 100"];
  return c;
}

describe('run:list (fake engine)', () => {
  it('the app’s run containers, exited ones too, newest first, command quoted as docker ls quotes it, created when and how long ago', async () => {
    t = await unitHost();
    addRun('shop.run.1', 'exited');
    t.clock.ms += 125_000;
    addRun('shop.run.2');
    addRun('other.run.3', 'running', 86400, 'other');
    t.docker.addContainer('shop.web.1', { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy' });
    t.clock.ms += 5_000;

    expect(await t.call(schedulerRunList, { app: 'shop' })).toEqual([
      { name: 'shop.run.2', state: 'running', command: `"sh -c echo 'hi'; sleep 100"`, createdAt: '2025-01-01T00:02:05.000Z', runningFor: '5 seconds ago' },
      { name: 'shop.run.1', state: 'exited', command: `"sh -c echo 'hi'; sleep 100"`, createdAt: '2025-01-01T00:00:00.000Z', runningFor: '2 minutes ago' },
    ]);
  });
});

describe('run:stop (fake engine)', () => {
  const stop = (container?: string) => t.call(schedulerRunStop, { app: 'shop', ...(container ? { container } : {}) });

  it('a named running container: stopped with the app’s stop timeout, its name printed', async () => {
    t = await unitHost();
    await storeDeployedRelease(t, 'shop', release([processSpec('web', 1)], { stopTimeoutSeconds: 7 }));
    addRun('shop.run.5');
    await stop('shop.run.5');
    expect(t.stdout()).toBe('shop.run.5\n');
    expect(t.docker.calls).toEqual(['stop shop.run.5 t=7']);
  });

  it('a ps:set stop-timeout-seconds since the deploy is honoured', async () => {
    t = await unitHost();
    await storeDeployedRelease(t, 'shop', release([processSpec('web', 1)], { stopTimeoutSeconds: 7 }));
    await t.host.bus.first(propertySet, { plugin: 'ps', scope: 'shop', key: 'stop-timeout-seconds', value: '2' });
    addRun('shop.run.5');
    await stop('shop.run.5');
    expect(t.docker.calls).toEqual(['stop shop.run.5 t=2']);
  });

  it.each([
    ['missing', 'shop.run.404'],
    ['not running', 'shop.run.6'],
    ['another app’s', 'other.run.7'],
  ])('a %s container: a warning, success', async (_what, name) => {
    t = await unitHost();
    addRun('shop.run.6', 'exited');
    addRun('other.run.7', 'running', 86400, 'other');
    await stop(name);
    expect(t.stderr()).toBe(' !     Specified container does not exist\n');
    expect(t.docker.calls).toEqual([]);
  });

  it('every running run container of the app, and only those', async () => {
    t = await unitHost();
    addRun('shop.run.1');
    addRun('shop.run.2');
    addRun('shop.run.3', 'exited');
    t.docker.addContainer('shop.web.1', { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy' });
    await stop();
    expect(t.stdout()).toBe('shop.run.1\nshop.run.2\n');
    expect(t.docker.byName('shop.web.1')!.status).toBe('running');
  });

  it('none running: says so on stdout', async () => {
    t = await unitHost();
    addRun('shop.run.3', 'exited');
    await stop();
    expect(t.stdout()).toBe('No run containers exist\n');
  });

  it('a container that cannot be stopped: the others are stopped, then exit 1 with one line each', async () => {
    t = await unitHost();
    for (const n of [1, 2, 3]) addRun(`shop.run.${n}`);
    t.docker.stuck.add('shop.run.1').add('shop.run.3');
    await expect(stop()).rejects.toThrow('Unable to stop container shop.run.3');
    expect(t.stdout()).toBe('shop.run.2\n');
    expect(t.stderr()).toBe(' !     Unable to stop container shop.run.1\n');
  });
});

describe('run:retire (fake engine)', () => {
  const retire = (app?: string) => t.call(schedulerRunRetire, app === undefined ? {} : { app });

  it.each([
    ['before the deadline', 'running', '60', 30, false],
    ['at the deadline', 'running', '60', 60, false],
    ['past the deadline', 'running', '60', 61, true],
    ['exited', 'exited', '60', 61, false],
    ['no deadline label', 'running', undefined, 10_000, false],
    ['a malformed label', 'running', '1h', 10_000, false],
  ])('isPastDeadline: %s', (_name, state, deadline, age, expected) => {
    const labels: Record<string, string> = deadline === undefined ? {} : { 'com.dokku.active-deadline-seconds': deadline };
    const container = { state, created: 1000, labels };
    expect(isPastDeadline(container, 1000 + age)).toBe(expected);
  });

  it('stops and removes run and cron containers past their time to live, of every app', async () => {
    t = await unitHost();
    const short = addRun('shop.run.1', 'running', 1);
    const cron = addRun('other.cron.2', 'running', 1, 'other', 'cron');
    addRun('shop.run.3', 'running', 86400);
    await retire();
    expect(t.stdout()).toBe('');

    t.clock.ms += 2_000;
    await retire();

    expect(t.stdout()).toBe(`       Retiring container ${short.id.slice(0, 12)}\n       Retiring container ${cron.id.slice(0, 12)}\n`);
    expect(t.docker.names()).toEqual(['shop.run.3']);
  });

  it('without an app, leaves other roots’ one-off containers and unlabelled ones alone', async () => {
    t = await unitHost();
    addRun('shop.run.1', 'running', 1);
    t.docker.addContainer('shop.run.2', { ...labels('shop', 'run', 1), 'com.pier.root': '/another/root' });
    t.docker.addContainer('old.run.3', labels('old', 'run', 1));
    t.clock.ms += 2_000;

    await retire();

    expect(t.docker.names()).toEqual(['old.run.3', 'shop.run.2']);
  });

  it('for one app only', async () => {
    t = await unitHost();
    addRun('shop.run.1', 'running', 1);
    addRun('other.run.2', 'running', 1, 'other');
    t.clock.ms += 2_000;
    await retire('shop');
    expect(t.docker.names()).toEqual(['other.run.2']);
  });

  it('a container that will not go: one line for it, exit 1, the others retired', async () => {
    t = await unitHost();
    const stuck = addRun('shop.run.1', 'running', 1);
    addRun('shop.run.2', 'running', 1);
    t.docker.stuck.add('shop.run.1');
    t.clock.ms += 2_000;
    await expect(retire('shop')).rejects.toThrow(`Unable to retire container ${stuck.id.slice(0, 12)}`);
    expect(t.docker.names()).toEqual(['shop.run.1']);
  });
});
