import { describe, expect, it } from '@jest/globals';
import { PassThrough, Writable } from 'node:stream';
import { ErrorCodes } from '../errors/index.js';
import { defineProperties } from '../properties/define-properties.js';
import { propertyClient } from '../properties/property-client.js';
import { defineScheduler } from '../scheduler/define-scheduler.js';
import type { Release } from '../scheduler/release.js';
import { createEmbeddedHost } from './embedded-host.js';

const settings = defineProperties('scheduler-memo', { zone: { default: 'a', global: true } });

/** A scheduler that keeps its apps in memory and says where it would run them. */
function memoScheduler(calls: string[] = []) {
  return defineScheduler({ name: '@acme/pier-scheduler-memo', scheduler: 'memo', description: 'in memory' }, ({ bus, log }) => {
    const deployed = new Map<string, number>();
    const zone = propertyClient(bus, settings);
    return {
      async deploy({ app, release }) {
        calls.push(`deploy ${app}`);
        log.info1(`Deploying ${app} in zone ${await zone.computed(app, 'zone')}`);
        deployed.set(app, release.processes.reduce((sum, p) => sum + p.quantity, 0));
      },
      stop: ({ app, removeContainers }) => void calls.push(`stop ${app} remove=${removeContainers}`),
      appStatus: ({ app }) => ({ processes: deployed.get(app) ?? 0, running: deployed.has(app) ? 'true' : 'false', containers: [] }),
      isDeployed: ({ app }) => deployed.has(app),
      postDelete: ({ app }) => {
        calls.push(`postDelete ${app}`);
        deployed.delete(app);
      },
    };
  });
}

const release: Release = {
  image: 'blog:1',
  processes: [{ type: 'web', quantity: 2, command: null, maxParallel: 1, healthchecks: [], checks: 'skipped' }],
  env: {},
  restartPolicy: 'no',
  stopTimeoutSeconds: 1,
  waitToRetireSeconds: 0,
  defaultUptimeSeconds: 0,
};

function captureIO() {
  let stdout = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => ((stdout += String(chunk)), done()) });
  return { io: { stdout: sink, stderr: sink, stdin: new PassThrough(), isTTY: false }, stdout: () => stdout };
}

describe('createEmbeddedHost', () => {
  it('deploys, reports, stops and destroys an app through a registered scheduler', async () => {
    const calls: string[] = [];
    const out = captureIO();
    const host = await createEmbeddedHost({ root: '/nonexistent', plugins: [memoScheduler(calls)], io: out.io });
    const memo = host.scheduler('memo');

    await memo.deploy('blog', release);
    expect(await memo.status('blog')).toEqual({ processes: 2, running: 'true', containers: [] });
    expect(await memo.isDeployed('blog')).toBe(true);
    await memo.stop('blog');
    await memo.destroy('blog');

    expect(await memo.isDeployed('blog')).toBe(false);
    expect(calls).toEqual(['deploy blog', 'stop blog remove=false', 'stop blog remove=true', 'postDelete blog']);
    expect(out.stdout()).toBe('-----> Deploying blog in zone a\n');
  });

  it('answers property reads from the initial values, app before --global', async () => {
    const out = captureIO();
    const properties = { 'scheduler-memo': { '--global': { zone: 'b' }, shop: { zone: 'c' } } };
    const memo = (await createEmbeddedHost({ root: '/x', plugins: [memoScheduler()], io: out.io, properties })).scheduler('memo');

    await memo.deploy('blog', release);
    await memo.deploy('shop', release);

    expect(out.stdout()).toBe('-----> Deploying blog in zone b\n-----> Deploying shop in zone c\n');
  });

  it('validates what the program sends: a malformed release names the field', async () => {
    const memo = (await createEmbeddedHost({ root: '/x', plugins: [memoScheduler()], io: captureIO().io })).scheduler('memo');

    const attempt = memo.deploy('blog', { ...release, image: '' });

    await expect(attempt).rejects.toMatchObject({ code: ErrorCodes.TRIGGER_CONTRACT, message: expect.stringContaining('release.image') });
  });

  it('names the scheduler and the capability it lacks', async () => {
    const memo = (await createEmbeddedHost({ root: '/x', plugins: [memoScheduler()], io: captureIO().io })).scheduler('memo');

    expect(memo.supports('logs')).toBe(false);
    await expect(memo.call('logsFailed', { app: 'blog' })).rejects.toMatchObject({
      code: ErrorCodes.SCHEDULER_UNSUPPORTED,
      message: 'Scheduler memo does not support logsFailed',
    });
  });

  it.each(['foo', 'constructor', '__proto__'])('refuses the unknown method %j with a PierError listing the methods', async (method) => {
    const memo = (await createEmbeddedHost({ root: '/x', plugins: [memoScheduler()], io: captureIO().io })).scheduler('memo');
    const unknown = method as 'logsFailed';
    const expected = { code: ErrorCodes.USAGE, message: expect.stringMatching(new RegExp(`^${method} is not a scheduler method \\(methods: deploy, stop, `)) };

    expect(() => memo.supports(unknown)).toThrow(expect.objectContaining(expected));
    await expect(memo.call(unknown, { app: 'blog' })).rejects.toMatchObject(expected);
  });

  it('refuses an app name a scheduler would turn into a path outside its data', async () => {
    const memo = (await createEmbeddedHost({ root: '/x', plugins: [memoScheduler()], io: captureIO().io })).scheduler('memo');

    await expect(memo.deploy('../../escaped', release)).rejects.toMatchObject({
      code: ErrorCodes.TRIGGER_CONTRACT,
      message: expect.stringContaining('app: must be a valid app name'),
    });
  });

  it('refuses a scheduler that is not registered, listing the registered ones', async () => {
    const host = await createEmbeddedHost({ root: '/x', plugins: [memoScheduler()], io: captureIO().io });

    expect(host.schedulers()).toEqual(['memo']);
    expect(() => host.scheduler('k3s')).toThrow('Scheduler k3s is not registered (registered: memo)');
  });
});
