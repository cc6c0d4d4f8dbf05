import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, schedulerDeploy, schedulerPostDelete, schedulerStop } from '@pier/plugin-api';
import { schedulerRun, schedulerRunList, schedulerRunLogs, schedulerRunRetire, schedulerRunStop } from '@pier/plugin-api';
import { createTestHost } from '@pier/plugin-testkit';
import { schedulerDockerSwarm } from './plugin.js';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('run:list, run:logs, run:stop, run:retire (fake swarm)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost();
    t.swarm.addImage('shop:1');
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 1)]) });
    t.host.io.clear();
  });
  afterEach(() => t.dispose());

  const detached = async (command: string[], ttlSeconds = 60) =>
    (await t.call(schedulerRun, { app: 'shop', command, env: {}, detach: true, tty: false, ttlSeconds })).container!;
  /** An attached run left running; resolves with its name once its container runs. */
  async function attached(ttlSeconds = 60): Promise<{ name: string; done: Promise<unknown> }> {
    t.swarm.containers.onRun = () => 'forever';
    const done = t.call(schedulerRun, { app: 'shop', command: ['sleep', '300'], env: {}, detach: false, tty: false, ttlSeconds });
    for (;;) {
      const running = [...t.swarm.containers.all.values()].find((c) => c.state === 'running');
      if (running) return { name: running.spec.name, done };
      await tick();
    }
  }
  const list = () => t.call(schedulerRunList, { app: 'shop' });
  const names = async () => (await list())!.map((entry) => entry.name);

  it('run:list shows both kinds, newest first, with docker’s columns', async () => {
    const job = await detached(['sleep', '300']);
    await t.clock.sleep(5_000);
    const run = await attached();

    expect(await list()).toEqual([
      { name: run.name, state: 'running', command: '"sleep 300"', createdAt: expect.stringMatching(/Z$/), runningFor: 'Less than a second ago' },
      { name: job, state: 'running', command: '"sleep 300"', createdAt: expect.stringMatching(/Z$/), runningFor: '6 seconds ago' },
    ]);
    t.interrupts.interrupt();
    await run.done;
  });

  it('run:logs prints a one-off’s lines under its number, of one (--container) or all', async () => {
    t.swarm.behaveJob = () => ({ runMs: 500, exitCode: 0, output: 'migrated\n' });
    const job = await detached(['rake', 'db:migrate']);
    const number = job.split('.')[2];

    await t.call(schedulerRunLogs, { app: 'shop', container: job, follow: false, num: 100, quiet: false });
    expect(t.stdout()).toMatch(new RegExp(`^\\S+Z app\\[${number}\\]: migrated\\n$`));

    t.host.io.clear();
    await t.call(schedulerRunLogs, { app: 'shop', follow: false, num: 100, quiet: true });
    expect(t.stdout()).toBe('migrated\n');

    await expect(t.call(schedulerRunLogs, { app: 'shop', container: 'shop.run.1', follow: false, num: 10, quiet: false })).rejects.toMatchObject({
      code: ErrorCodes.COMMAND_FAILED,
      message: 'No such container: shop.run.1',
    });
  });

  it('run:logs -t of a one-off task ends once the task has finished', async () => {
    t.swarm.behaveJob = () => ({ runMs: 3_000, exitCode: 0, output: 'working\n' });
    const job = await detached(['work']);

    await t.call(schedulerRunLogs, { app: 'shop', container: job, follow: true, num: 100, quiet: true });

    expect(t.stdout()).toBe('working\n');
  });

  it('run:stop <name> ends that one and prints its name; run:stop <app> ends every one still running', async () => {
    const first = await detached(['sleep', '300']);
    const second = await detached(['sleep', '300']);
    const run = await attached();

    await t.call(schedulerRunStop, { app: 'shop', container: first });
    expect(t.stdout()).toBe(`${first}\n`);
    expect(await names()).toEqual(expect.not.arrayContaining([first]));

    t.host.io.clear();
    await t.call(schedulerRunStop, { app: 'shop' });
    expect(t.stdout().split('\n').filter(Boolean).sort()).toEqual([second, run.name].sort());
    expect(await run.done).toEqual({ exitCode: 143 });
    expect(await names()).toEqual([]);

    t.host.io.clear();
    await t.call(schedulerRunStop, { app: 'shop' });
    await t.call(schedulerRunStop, { app: 'shop', container: first });
    expect([t.stdout(), t.stderr()]).toEqual(['No run containers exist\n', ' !     Specified container does not exist\n']);
  });

  it('run:retire stops what is past its time to live and removes finished one-off services, nothing else', async () => {
    t.swarm.behaveJob = (spec) => (spec.TaskTemplate.ContainerSpec.Args?.[0] === 'true' ? { runMs: 0, exitCode: 0 } : 'forever');
    const expiring = await detached(['sleep', '300'], 1);
    const keeping = await detached(['sleep', '300'], 3600);
    const finished = await detached(['true'], 3600);
    const run = await attached(1);
    await t.clock.sleep(2_000);
    expect((await list())!.find((entry) => entry.name === finished)?.state).toBe('exited');

    await t.call(schedulerRunRetire, { app: 'shop' });

    expect(await names()).toEqual([keeping]);
    expect(await run.done).toEqual({ exitCode: 143 });
    const retired = t.stdout().split('\n').filter(Boolean);
    const said = (what: string, name: string, kind: string) => new RegExp(`^ {7}${what} ${name.replace(/\./g, '\\.')} \\(${kind} \\w+\\)$`);
    expect(retired).toHaveLength(3);
    expect(retired).toEqual(
      expect.arrayContaining([
        expect.stringMatching(said('Retiring', expiring, 'service')),
        expect.stringMatching(said('Retiring', run.name, 'container')),
        expect.stringMatching(said('Removing finished', finished, 'service')),
      ]),
    );
  });

  it('run:retire looks the one-offs up once; one it cannot end fails it, naming it', async () => {
    const expiring = await detached(['sleep', '300'], 1);
    await t.clock.sleep(2_000);
    const listServices = t.swarm.listServices.bind(t.swarm);
    let lookups = 0;
    t.swarm.listServices = async (labels) => {
      if (labels.includes('com.dokku.container-type=run')) lookups++;
      return listServices(labels);
    };
    t.swarm.removeService = async () => {
      throw new Error('Docker engine error: rpc error: code = Unavailable');
    };

    await expect(t.call(schedulerRunRetire, { app: 'shop' })).rejects.toMatchObject({ code: ErrorCodes.COMMAND_FAILED, message: `Unable to retire container ${expiring}` });
    expect(lookups).toBe(1);
  });

  it('a root never sees another root’s one-offs, even on the same swarm and app name', async () => {
    const mine = await detached(['sleep', '300'], 0);
    const other = await createTestHost({ plugins: [schedulerDockerSwarm({ engine: t.swarm, clock: t.clock, interrupts: t.interrupts, pollMs: 250 })], apps: ['shop'] });
    try {
      expect(await other.bus.keyed(schedulerRunList, 'docker-swarm', { app: 'shop' })).toEqual([]);
      await t.clock.sleep(2_000);
      await other.bus.keyed(schedulerRunRetire, 'docker-swarm', {});
      await other.bus.keyed(schedulerRunStop, 'docker-swarm', { app: 'shop' });
      expect(await names()).toEqual([mine]);
    } finally {
      other.dispose();
    }
  });

  it('ps:stop ends the app’s one-offs too; apps:destroy removes every one', async () => {
    t.swarm.behaveJob = (spec) => (spec.TaskTemplate.ContainerSpec.Args?.[0] === 'true' ? { runMs: 0, exitCode: 0 } : 'forever');
    await detached(['sleep', '300']);
    const finished = await detached(['true']);
    await t.clock.sleep(1_000);

    await t.call(schedulerStop, { app: 'shop', removeContainers: false });
    expect(await names()).toEqual([finished]);

    await t.call(schedulerStop, { app: 'shop', removeContainers: true });
    await t.call(schedulerPostDelete, { app: 'shop' });
    expect(await names()).toEqual([]);
  });
});
