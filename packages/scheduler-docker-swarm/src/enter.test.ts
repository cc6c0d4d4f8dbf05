import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, propertySet, schedulerDeploy, schedulerEnter } from '@pier/plugin-api';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

describe('enter (fake swarm)', () => {
  let t: UnitHost;
  const calls: { containerId: string; command: string[]; tty: boolean; stdin: string }[] = [];
  beforeEach(async () => {
    calls.length = 0;
    t = await unitHost({ stdin: 'some input\n' });
    t.swarm.addImage('shop:1', { files: { '/bin/sh': '' } });
    t.swarm.onExec = (containerId, command, tty, stdin) => {
      calls.push({ containerId, command, tty, stdin });
      return { exitCode: 3, stdout: 'out\n', stderr: 'err\n' };
    };
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 2), processSpec('worker', 1)]) });
    t.host.io.clear();
  });
  afterEach(() => t.dispose());

  const enter = (input: { processType?: string; containerId?: string; command?: string[] } = {}) =>
    t.call(schedulerEnter, { app: 'shop', command: ['cat'], tty: false, ...input });
  const containerOf = (dyno: string) => {
    const [type, slot] = dyno.split('.');
    const service = [...t.swarm.services.values()].find((s) => s.spec.Name === `shop_${type}`)!;
    return t.swarm.tasks.find((x) => x.serviceId === service.id && x.slot === Number(slot) && x.desiredState === 'running')!.containerId;
  };

  it('runs the command in the chosen task, passing stdin, output and the exit status', async () => {
    expect(await enter({ processType: 'web.2' })).toEqual({ exitCode: 3 });
    expect(calls).toEqual([{ containerId: containerOf('web.2'), command: ['cat'], tty: false, stdin: 'some input\n' }]);
    expect([t.stdout(), t.stderr()]).toEqual(['out\n', 'err\n']);
  });

  it('picks like docker-local: a type → its first task, a container id prefix', async () => {
    await enter({ processType: 'worker' });
    await enter({ containerId: containerOf('web.2').slice(0, 10) });
    expect(calls.map((c) => c.containerId)).toEqual([containerOf('worker.1'), containerOf('web.2')]);
  });

  it('without a command: the configured shell, else /bin/bash, else /bin/sh', async () => {
    await enter({ processType: 'web', command: [] });
    await t.host.bus.first(propertySet, { plugin: 'scheduler', scope: 'shop', key: 'shell', value: '/bin/ash -l' });
    await enter({ processType: 'web', command: [] });
    expect(calls.map((c) => c.command)).toEqual([['/bin/sh'], ['/bin/ash', '-l']]);
  });

  it.each<[{ processType?: string; containerId?: string }, string, string]>([
    [{}, ' !     No container type specified.\n', 'Available types for app (shop): web worker'],
    [{ processType: 'clock' }, " !     No containers found for type 'clock'\n", 'Available types for app (shop): web worker'],
    [{ containerId: 'zzz' }, ' !     Invalid container id for app: zzz\n', 'Available ids for app (shop): '],
  ])('refuses %j with docker-local’s messages', async (input, warning, failure) => {
    await expect(enter(input)).rejects.toMatchObject({ code: ErrorCodes.COMMAND_FAILED, message: expect.stringContaining(failure) });
    expect(t.stderr()).toBe(warning);
    expect(calls).toEqual([]);
  });

  it('names the node of a task that runs elsewhere', async () => {
    t.swarm.node = { nodeId: 'node-2', isManager: true, nodes: 2 };
    await expect(enter({ processType: 'web' })).rejects.toMatchObject({
      message: expect.stringMatching(/^web\.1 \(task task\d+\) runs on node fake-host, not on the node of the Docker engine at unix:\/\/\/fake\/docker\.sock: enter reaches tasks on that node only$/),
    });
  });
});
