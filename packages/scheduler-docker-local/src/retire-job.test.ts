import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRetireJob, runRetireJob, stopOldContainers, type RetireJob } from './retire-job.js';
import { FakeClock, FakeDocker } from './test-support/fake-docker.js';

const labels = { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy' };
/** A root without property files: the job's own stop timeout applies. */
const root = mkdtempSync(join(tmpdir(), 'pier-retire-job-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const job = (ids: string[]): RetireJob => ({ app: 'shop', root, ids, at: 100, stopTimeoutSeconds: 7 });

describe('the background retire job', () => {
  it('stops the old containers still running, with the stop timeout it was given', async () => {
    const docker = new FakeDocker();
    const running = docker.addContainer('shop.web.1.1700000000', labels);
    const crashing = docker.addContainer('shop.web.2.1700000000', labels, 'restarting');
    crashing.restartPolicy = { Name: 'always' };
    const exited = docker.addContainer('shop.worker.1.1700000000', labels, 'exited');

    const stopped = await stopOldContainers(docker, job([running.id, crashing.id, exited.id, 'f'.repeat(64)]));

    expect(stopped).toEqual([running.id, crashing.id]);
    expect(docker.calls).toEqual(['stop shop.web.1.1700000000 t=7', 'stop shop.web.2.1700000000 t=7']);
    expect(crashing).toMatchObject({ status: 'exited', restartPolicy: { Name: 'no' } });
  });

  it('kills one that will not stop, and leaves alone one that holds a live name again', async () => {
    const docker = new FakeDocker();
    const wedged = docker.addContainer('shop.web.1.1700000000', labels);
    const live = docker.addContainer('shop.web.2', labels);
    docker.stopContainer = async () => {
      throw new Error('stop timed out');
    };

    expect(await stopOldContainers(docker, job([wedged.id, live.id]))).toEqual([wedged.id]);
    expect(docker.calls).toEqual(['kill shop.web.1.1700000000 SIGKILL']);
    expect(live.status).toBe('running');
  });

  it('waits until it is due, then stops them', async () => {
    const clock = new FakeClock(90_000);
    const docker = new FakeDocker(clock);
    const old = docker.addContainer('shop.web.1.1700000000', labels);

    expect(await runRetireJob(docker, job([old.id]), clock)).toEqual([old.id]);
    expect(clock.now()).toBe(100_000);
  });

  it('ends early, stopping nothing, once none of its containers is left', async () => {
    const clock = new FakeClock(0);
    const docker = new FakeDocker(clock);
    const old = docker.addContainer('shop.web.1.1700000000', labels);
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms) => {
      await sleep(ms);
      if (clock.now() >= 30_000) docker.containers.delete(old.id); // apps:destroy meanwhile
    };

    expect(await runRetireJob(docker, { ...job([old.id]), at: 600 }, clock)).toEqual([]);
    // Looked at after 1, 3, 7, 15 and 30 seconds.
    expect(clock.now()).toBe(30_000);
  });

  it('ends at its first look once its containers exited on the SIGTERM, as well-behaved apps do', async () => {
    const clock = new FakeClock(0);
    const docker = new FakeDocker(clock);
    const exited = docker.addContainer('shop.web.1.1700000000', labels, 'exited');
    const liveAgain = docker.addContainer('shop.web.2', labels);

    expect(await runRetireJob(docker, { ...job([exited.id, liveAgain.id]), at: 600 }, clock)).toEqual([]);
    expect(clock.now()).toBe(1_000);
    expect(docker.calls).toEqual([]);
  });

  it('keeps waiting while the engine does not answer', async () => {
    const clock = new FakeClock(0);
    const docker = new FakeDocker(clock);
    const old = docker.addContainer('shop.web.1.1700000000', labels, 'exited');
    docker.unreachable = true;
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms) => {
      await sleep(ms);
      if (clock.now() >= 30_000) docker.unreachable = false;
    };

    expect(await runRetireJob(docker, { ...job([old.id]), at: 600 }, clock)).toEqual([]);
    expect(clock.now()).toBe(30_000);
  });

  it('stops with the app’s stop timeout as it is set when due (app, then --global), not the deploy’s', async () => {
    const propsRoot = mkdtempSync(join(tmpdir(), 'pier-retire-props-'));
    const setProperty = (scope: string, value: string) => {
      mkdirSync(join(propsRoot, 'config', 'ps', scope), { recursive: true });
      writeFileSync(join(propsRoot, 'config', 'ps', scope, 'stop-timeout-seconds'), value);
    };
    try {
      for (const [scope, value, expected] of [
        ['--global', '4', 't=4'],
        ['shop', '2', 't=2'],
      ] as const) {
        setProperty(scope, value);
        const clock = new FakeClock(90_000);
        const docker = new FakeDocker(clock);
        const old = docker.addContainer('shop.web.1.1700000000', labels);
        await runRetireJob(docker, { ...job([old.id]), root: propsRoot }, clock);
        expect(docker.calls).toEqual([`stop shop.web.1.1700000000 ${expected}`]);
      }
    } finally {
      rmSync(propsRoot, { recursive: true, force: true });
    }
  });

  it.each([
    ['a job', JSON.stringify(job(['0123456789ab'])), job(['0123456789ab'])],
    ['nothing', undefined, null],
    ['not JSON', '{', null],
    ['an id that is not one', JSON.stringify(job(['--all'])), null],
    ['a negative stop timeout', JSON.stringify({ ...job([]), stopTimeoutSeconds: -1 }), null],
    ['no root', JSON.stringify({ ...job([]), root: undefined }), null],
    ['the engine’s connection', JSON.stringify({ ...job([]), docker: { socketPath: '/x.sock' } }), { ...job([]), docker: { socketPath: '/x.sock' } }],
    ['a TCP engine', JSON.stringify({ ...job([]), docker: { host: '127.0.0.1', port: 2375, protocol: 'http' } }), { ...job([]), docker: { host: '127.0.0.1', port: 2375, protocol: 'http' } }],
    ['a connection that is not one', JSON.stringify({ ...job([]), docker: { socketPath: 7 } }), null],
    ['a connection with more than the port knows', JSON.stringify({ ...job([]), docker: { host: 'h', ca: 'x' } }), null],
  ])('reads its argument: %s', (_name, text, expected) => {
    expect(parseRetireJob(text)).toEqual(expected);
  });
});
