import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, propertySet, schedulerDeploy, schedulerRun } from '@pier/plugin-api';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('run, attached (fake swarm): a container on the manager’s engine', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost({ stdin: 'some input\n' });
    t.swarm.addImage('shop:1');
    await t.call(schedulerDeploy, {
      app: 'shop',
      release: release([processSpec('web', 1), processSpec('worker', 1)], { env: { SECRET: 'hunter2', TEMPLATE: '{{.Task.Slot}}' } }),
    });
    t.host.io.clear();
  });
  afterEach(() => t.dispose());

  const run = (command: string[], input: Partial<{ env: Record<string, string>; tty: boolean; ttlSeconds: number }> = {}) =>
    t.call(schedulerRun, { app: 'shop', command, env: {}, detach: false, tty: false, ttlSeconds: 86400, ...input });
  const last = () => t.swarm.containers.removed.at(-1)!;

  it('passes stdin, stdout, stderr and the exit status; the engine removes the container', async () => {
    t.swarm.containers.onRun = () => ({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });

    expect(await run(['cat'])).toEqual({ exitCode: 3 });

    expect([t.stdout(), t.stderr()]).toEqual(['out\n', 'err\n']);
    expect(last().stdin).toBe('some input\n');
    expect(t.swarm.containers.all.size).toBe(0);
  });

  it('runs the deployed image with the release env (as given, not Swarm-escaped), DYNO and the -e pairs literally', async () => {
    await run(['env'], { env: { EXTRA: '$HOME {{x}}', SECRET: 'overridden' } });

    const spec = last().spec;
    expect(spec).toMatchObject({ name: expect.stringMatching(/^shop\.run\.\d+$/), Image: t.swarm.images.get('shop:1')!.id, Cmd: ['env'] });
    expect(spec.Env).toEqual(['SECRET=overridden', 'TEMPLATE={{.Task.Slot}}', `DYNO=run.${spec.name.split('.')[2]}`, 'EXTRA=$HOME {{x}}']);
    expect(spec.Labels).toEqual({
      'com.dokku.app-name': 'shop',
      'com.dokku.container-type': 'run',
      'com.dokku.active-deadline-seconds': '86400',
      'com.pier.run-name': spec.name,
      'com.pier.root': t.host.root,
    });
    expect(spec.HostConfig).toEqual({ NetworkMode: 'bridge', AutoRemove: true, Init: true });
    expect(spec.StopTimeout).toBe(2);
  });

  it('a Procfile type as the first word runs its command, then the other words', async () => {
    await run(['worker', '--once']);

    expect(last().spec.Cmd).toEqual(['run-worker', '--port', '5000', '--once']);
    expect(last().spec.Labels['com.dokku.process-type']).toBe('worker');
    expect(t.stdout()).toBe("-----> Found 'worker' in Procfile, running that command\n");
  });

  it('without a command: the configured shell, else /bin/bash if the image has it, else /bin/sh', async () => {
    const { files } = t.swarm.images.get('shop:1')!;
    files['/bin/bash'] = '';
    await run([]);
    delete files['/bin/bash'];
    await run([]);
    await t.host.bus.first(propertySet, { plugin: 'scheduler', scope: 'shop', key: 'shell', value: '/bin/ash -l' });
    await run([]);

    const ran = t.swarm.containers.removed.filter((c) => c.exitCode !== null);
    expect(ran.map((c) => c.spec.Cmd)).toEqual([['/bin/bash'], ['/bin/sh'], ['/bin/ash', '-l']]);
    // No container made only to look: the run's own is looked at, and gives way to one of its name running /bin/sh.
    const created = t.swarm.containers.created;
    expect(created.map((c) => c.Cmd)).toEqual([['/bin/bash'], ['/bin/bash'], ['/bin/sh'], ['/bin/ash', '-l']]);
    expect(created[2]!.name).toBe(created[1]!.name);
    expect(t.swarm.containers.all.size).toBe(0);
  });

  it('on the host network: a free loopback port of its own, in PORT and in the Procfile command', async () => {
    await t.host.bus.first(propertySet, { plugin: 'scheduler-docker-swarm', scope: 'shop', key: 'network-mode', value: 'host' });
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 1)]) });

    await run(['web']);

    const { Env, Cmd, HostConfig } = last().spec;
    const port = Env!.find((entry) => entry.startsWith('PORT='))!.slice(5);
    expect(Number(port)).toBeGreaterThan(0);
    expect(Cmd).toEqual(['run-web', '--port', port]);
    expect(HostConfig.NetworkMode).toBe('host');
  });

  describe('on a network of the swarm (the engine keeps it by id)', () => {
    const deployOn = async (network: string) => {
      await t.host.bus.first(propertySet, { plugin: 'scheduler-docker-swarm', scope: 'shop', key: 'network-mode', value: network });
      await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 1), processSpec('worker', 1)]) });
    };

    it('joins it by the name it was deployed with; a detached run attaches its task to it', async () => {
      const backend = t.swarm.addNetwork('backend', { attachable: true });
      await deployOn('backend');

      expect(await run(['env'])).toEqual({ exitCode: 0 });
      expect(last().spec.HostConfig.NetworkMode).toBe('backend');
      expect(last().spec.Env).not.toContainEqual(expect.stringMatching(/^PORT=/));

      await t.call(schedulerRun, { app: 'shop', command: ['sleep', '1'], env: {}, detach: true, tty: false, ttlSeconds: 60 });
      const oneOff = [...t.swarm.services.values()].find((s) => s.spec.Labels['com.dokku.container-type'] === 'run')!;
      expect(oneOff.spec.TaskTemplate.Networks).toEqual([{ Target: backend.id }]);
    });

    it('of a service deployed before the mode was recorded: the network’s id', async () => {
      const backend = t.swarm.addNetwork('backend', { attachable: true });
      await deployOn('backend');
      for (const service of t.swarm.services.values()) delete service.spec.Labels['com.pier.network-mode'];

      expect(await run(['env'])).toEqual({ exitCode: 0 });
      expect(last().spec.HostConfig.NetworkMode).toBe(backend.id);
    });

    it('a network that takes no containers: says how to make it take one', async () => {
      t.swarm.addNetwork('backend');
      await deployOn('backend');

      await expect(run(['env'])).rejects.toMatchObject({
        code: ErrorCodes.COMMAND_FAILED,
        message: 'pier run needs a container on network backend, which does not take one: create it with --attachable',
      });
      expect(t.swarm.containers.all.size).toBe(0);
    });
  });

  it('passes an interrupt on to the process and ends with its status', async () => {
    t.swarm.containers.onRun = () => 'forever';
    const running = run(['sleep', '300']);
    while (![...t.swarm.containers.all.values()].some((c) => c.state === 'running')) await tick();

    t.interrupts.interrupt();

    expect(await running).toEqual({ exitCode: 130 });
    expect(last().signals).toEqual(['SIGINT']);
  });

  it('an interrupt while the start is on its way reaches the process once it runs', async () => {
    t.swarm.containers.onRun = () => {
      t.interrupts.interrupt();
      return 'forever';
    };

    expect(await run(['sleep', '300'])).toEqual({ exitCode: 130 });
    expect(last().signals).toEqual(['SIGINT']);
  });

  it('a reader that goes away ends the run with status 141 and removes the container', async () => {
    t.swarm.containers.onRun = () => 'forever';
    const running = run(['seq', '1', '1000000']);
    while (![...t.swarm.containers.all.values()].some((c) => c.state === 'running')) await tick();

    t.host.io.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));

    expect(await running).toEqual({ exitCode: 141 });
    expect(t.swarm.containers.all.size).toBe(0);
  });

  it('a command that cannot start: docker run’s status (127), the engine’s words, no container left', async () => {
    t.swarm.containers.onRun = () => ({ startError: 'exec: "nope": executable file not found in $PATH' });

    expect(await run(['nope'])).toEqual({ exitCode: 127 });

    expect(t.stderr()).toBe(' !     exec: "nope": executable file not found in $PATH\n');
    expect(t.swarm.containers.all.size).toBe(0);
  });

  it('with a TTY: one output stream, the container gets a terminal', async () => {
    t.swarm.containers.onRun = () => ({ exitCode: 0, stdout: 'on a terminal\r\n', stderr: 'also on it\r\n' });

    expect(await run(['sh'], { tty: true })).toEqual({ exitCode: 0 });

    expect(last().spec.Tty).toBe(true);
    expect([t.stdout(), t.stderr()]).toEqual(['on a terminal\r\nalso on it\r\n', '']);
  });

  it('an app that was never deployed', async () => {
    await expect(t.call(schedulerRun, { app: 'other', command: ['true'], env: {}, detach: false, tty: false, ttlSeconds: 1 })).rejects.toMatchObject({
      code: ErrorCodes.APP_NOT_DEPLOYED,
    });
  });
});
