import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, schedulerDeploy, schedulerLogs } from '@pier/plugin-api';
import { parseLogLine } from './log-lines.js';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/;

describe('parseLogLine', () => {
  it('reads the time, the task and the message of a line with details', () => {
    const text = '2026-12-01T20:26:41.211572417Z com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 tick 4 a=b';
    expect(parseLogLine(text)).toEqual({ timestamp: '2026-12-01T20:26:41.211572417Z', taskId: 't1', message: 'tick 4 a=b' });
    expect(parseLogLine('2026-12-01T20:26:41.2Z com.docker.swarm.task.id=t1')).toEqual({ timestamp: '2026-12-01T20:26:41.2Z', taskId: 't1', message: '' });
    expect(parseLogLine('no details here')).toBeNull();
  });
});

describe('logs (fake swarm)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost();
    t.swarm.addImage('shop:1');
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 2), processSpec('worker', 1)]) });
    t.host.io.clear();
  });
  afterEach(() => t.dispose());

  const task = (name: string, slot: number) => {
    const service = [...t.swarm.services.values()].find((s) => s.spec.Name === name)!;
    return t.swarm.tasks.find((x) => x.serviceId === service.id && x.slot === slot && x.desiredState === 'running')!;
  };
  const logs = (input: Partial<{ processType: string; follow: boolean; num: number; quiet: boolean; color: boolean }> = {}) =>
    t.call(schedulerLogs, { app: 'shop', follow: false, num: 100, quiet: false, ...input });

  it('prefixes every line with its time and app[<type>.<slot>], per service', async () => {
    t.swarm.writeLog(task('shop_web', 2).id, 'GET /');
    t.swarm.writeLog(task('shop_worker', 1).id, 'tick', 'stderr');

    await logs();

    const printed = t.stdout().split('\n').filter(Boolean);
    expect(printed.map((line) => line.replace(/^\S+ /, ''))).toEqual(['app[web.2]: GET /', 'app[worker.1]: tick']);
    expect(printed.every((line) => TIME.test(line.split(' ')[0]!))).toBe(true);
  });

  it('one type, the last N lines per task, quiet, colour', async () => {
    for (const text of ['one', 'two', 'three']) t.swarm.writeLog(task('shop_web', 1).id, text);
    t.swarm.writeLog(task('shop_worker', 1).id, 'tick');

    await logs({ processType: 'web', num: 2, quiet: true });
    expect(t.stdout()).toBe('two\nthree\n');

    t.host.io.clear();
    await logs({ processType: 'web', num: 1, color: true });
    expect(t.stdout()).toMatch(/^\x1b\[36m\S+ app\[web\.1\]:\x1b\[0m three\n$/);
  });

  it('names the dyno of a task that started after the listing', async () => {
    const stream = logs({ follow: true });
    await new Promise((resolve) => setImmediate(resolve));
    const fresh = t.swarm.spawnTask(task('shop_web', 2).serviceId, 2);
    t.swarm.writeLog(fresh, 'late line');
    await new Promise((resolve) => setImmediate(resolve));
    t.interrupts.interrupt();
    await stream;
    expect(t.stdout()).toMatch(/app\[web\.2\]: late line\n$/);
  });

  it('follows until interrupted, then lets go of the engine streams', async () => {
    const stream = logs({ follow: true, processType: 'worker' });
    await new Promise((resolve) => setImmediate(resolve));
    const serviceId = task('shop_worker', 1).serviceId;
    expect(t.swarm.followerCount(serviceId)).toBe(1);
    t.swarm.writeLog(task('shop_worker', 1).id, 'while following');
    await new Promise((resolve) => setImmediate(resolve));

    t.interrupts.interrupt();
    await stream;

    expect(t.stdout()).toMatch(/app\[worker\.1\]: while following\n$/);
    expect(t.swarm.followerCount(serviceId)).toBe(0);
  });

  it('prints the current release’s tasks, restarted ones included, not those of replaced releases', async () => {
    const replaced = task('shop_worker', 1).id;
    t.swarm.writeLog(replaced, 'from the first release');
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 2), processSpec('worker', 1)]), processType: 'worker' });
    const current = task('shop_worker', 1);
    const restarted = t.swarm.spawnTask(current.serviceId, 1);
    t.swarm.writeLog(current.id, 'before the crash');
    t.swarm.writeLog(restarted, 'after the restart');
    t.host.io.clear();

    await logs({ processType: 'worker', quiet: true });

    expect(t.stdout()).toBe('before the crash\nafter the restart\n');
  });

  it('an app without services has not been deployed', async () => {
    await expect(t.call(schedulerLogs, { app: 'ghost', follow: false, num: 1, quiet: false })).rejects.toMatchObject({
      code: ErrorCodes.APP_NOT_DEPLOYED,
      message: 'App ghost has not been deployed',
    });
  });
});
