import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { constants } from 'node:os';
import { ErrorCodes, propertySet, schedulerRun, type InputOf } from '@pier/plugin-api';
import type { CreateContainerSpec } from './docker-port.js';
import { processSpec, release, storeDeployedRelease, unitHost, type UnitHost, type UnitHostOptions } from './test-support/unit-host.js';

let t: UnitHost;
afterEach(() => {
  jest.restoreAllMocks();
  t.dispose();
});

const deployed = release([processSpec('web', 1, { command: 'httpd -f -p $PORT' }), processSpec('worker', 1, { command: 'sh -c "echo working"' })]);

async function setup(options: UnitHostOptions = {}, files: Record<string, string> = {}) {
  t = await unitHost(options);
  await storeDeployedRelease(t, 'shop', deployed, { files });
}

type RunInput = InputOf<typeof schedulerRun>;
const run = (input: Partial<RunInput> = {}) =>
  t.call(schedulerRun, { app: 'shop', command: [], env: {}, detach: false, tty: false, ttlSeconds: 86400, ...input });

const runContainer = () => [...t.docker.containers.values()].find((c) => c.name.startsWith('shop.run.'));

describe('run, attached (fake engine)', () => {
  it('returns the command’s exit status, keeps stdout and stderr apart, and the engine removes the container', async () => {
    await setup();
    t.docker.onRun = (c) => ({ stdout: `ran ${c.spec.Cmd?.join(' ')}\n`, stderr: 'warning\n', exitCode: 3 });

    expect(await run({ command: ['sh', '-c', 'exit 3'] })).toEqual({ exitCode: 3 });

    expect(t.stdout()).toBe('ran sh -c exit 3\n');
    expect(t.stderr()).toBe('warning\n');
    // The wait is set up before start (a fast exit cannot be missed), and waits for the removal.
    expect(t.docker.calls.map((call) => call.replace(/\.run\.\d+/, '.run.N'))).toEqual([
      'create shop.run.N',
      'attach shop.run.N',
      'wait shop.run.N removed',
      'start shop.run.N',
      'auto-remove shop.run.N',
    ]);
    expect(t.docker.containers.size).toBe(0);
  });

  it('pipes stdin into the process and closes it at the end of input', async () => {
    await setup({ stdin: 'hi\nthere\n' });
    t.docker.onRun = (_c, stdin) => ({ stdout: stdin, exitCode: 0 });

    expect(await run({ command: ['cat'] })).toEqual({ exitCode: 0 });
    expect(t.stdout()).toBe('hi\nthere\n');
  });

  it('creates the container Dokku’s way: name, DYNO, literal -e values, run labels, the deployed image', async () => {
    await setup();
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    let spec: CreateContainerSpec | undefined;
    t.docker.onRun = (c) => ((spec = c.spec), { exitCode: 0 });

    await run({ command: ['env'], env: { A: '$(id)', B: '`whoami`' }, ttlSeconds: 60 });

    expect(spec!).toMatchObject({
      name: 'shop.run.16384',
      Image: t.docker.image('shop:1')!.id,
      Cmd: ['env'],
      Env: ['SECRET=hunter2', 'DYNO=run.16384', 'A=$(id)', 'B=`whoami`'],
      Labels: {
        'com.dokku.app-name': 'shop',
        'com.dokku.container-type': 'run',
        'com.dokku.active-deadline-seconds': '60',
      },
      HostConfig: { NetworkMode: 'bridge', Init: true, AutoRemove: true },
    });
    expect(spec!.Labels).not.toHaveProperty('com.dokku.process-type');
  });

  it('draws another number when the name is taken', async () => {
    await setup();
    t.docker.addContainer('shop.run.16384', {}, 'running');
    jest.spyOn(Math, 'random').mockReturnValueOnce(0.5).mockReturnValueOnce(0.5).mockReturnValue(0);

    await run({ command: ['true'] });

    expect(t.docker.calls).toContain('create shop.run.1');
  });

  it('host network mode: a free loopback PORT, also substituted into a Procfile command', async () => {
    await setup();
    await t.host.bus.first(propertySet, { plugin: 'scheduler-docker-local', scope: 'shop', key: 'network-mode', value: 'host' });
    let env: string[] = [];
    let cmd: string[] = [];
    t.docker.onRun = (c) => ((env = c.spec.Env), (cmd = c.spec.Cmd ?? []), { exitCode: 0 });

    await run({ command: ['web', '-v'] });

    const port = env.find((e) => e.startsWith('PORT='))!.slice(5);
    expect(Number(port)).toBeGreaterThan(0);
    expect(cmd).toEqual(['httpd', '-f', '-p', port, '-v']);
    expect(t.stdout()).toBe("-----> Found 'web' in Procfile, running that command\n");
  });

  it('--quiet hides the Procfile notice', async () => {
    await setup({ quiet: true });
    t.docker.onRun = (c) => ({ stdout: `${c.spec.Cmd?.join('|')}\n`, exitCode: 0 });

    await run({ command: ['worker'] });

    expect(t.stdout()).toBe('sh|-c|echo working\n');
  });

  it('a TTY: raw output, no frames', async () => {
    await setup({ isTTY: true });
    t.docker.onRun = (c) => ({ stdout: c.spec.Tty ? 'raw\r\n' : 'framed\n', stderr: 'merged\r\n', exitCode: 0 });

    await run({ command: ['sh'], tty: true });

    expect(t.stdout()).toBe('raw\r\nmerged\r\n');
  });

  it('forwards an interrupt to the process (docker run’s sig-proxy); the container goes', async () => {
    await setup();
    t.docker.onRun = () => null;
    const result = run({ command: ['sleep', '100'] });
    await t.docker.untilRunning('shop.run.');
    expect(t.interrupts.subscribers).toBe(1);

    t.interrupts.interrupt('SIGINT');

    expect(await result).toEqual({ exitCode: 130 });
    expect(t.docker.calls.filter((c) => c.startsWith('kill'))).toEqual([expect.stringMatching(/^kill shop\.run\.\d+ SIGINT$/)]);
    expect(t.interrupts.subscribers).toBe(0);
    expect(t.docker.containers.size).toBe(0);
  });

  it.each([['SIGHUP'], ['SIGQUIT'], ['SIGTERM']] as const)('forwards %s (a closed terminal or session) to the process', async (signal) => {
    await setup();
    t.docker.onRun = () => null;
    const result = run({ command: ['sleep', '100'] });
    await t.docker.untilRunning('shop.run.');

    t.interrupts.interrupt(signal);

    expect(await result).toEqual({ exitCode: 128 + constants.signals[signal] });
    expect(t.docker.calls.filter((c) => c.startsWith('kill')).map((c) => c.split(' ')[2])).toEqual([signal]);
    expect(t.docker.containers.size).toBe(0);
  });

  it('a reader that goes away (`| head -1`, EPIPE): the container is removed and the run ends as SIGPIPE would (141)', async () => {
    await setup();
    t.docker.onRun = () => null;
    const result = run({ command: ['seq', '1', '1000000'] });
    await t.docker.untilRunning('shop.run.');

    t.host.io.stdout.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));

    expect(await result).toEqual({ exitCode: 141 });
    expect(t.docker.containers.size).toBe(0);
    expect(t.stderr()).toBe('');
  });

  it('an interrupt while attaching: the container is never started, and removed', async () => {
    await setup();
    const attach = t.docker.attachContainer.bind(t.docker);
    t.docker.attachContainer = async (id) => {
      t.interrupts.interrupt('SIGHUP');
      return attach(id);
    };

    expect(await run({ command: ['sleep', '100'] })).toEqual({ exitCode: 129 });
    expect(t.docker.calls.some((c) => c.startsWith('start'))).toBe(false);
    expect(t.docker.containers.size).toBe(0);
  });

  it('with a TTY on a terminal: its size is set at create (ConsoleSize)', async () => {
    await setup({ isTTY: true });
    Object.assign(t.host.io.stdout, { isTTY: true, rows: 30, columns: 100 });
    let size: unknown;
    t.docker.onRun = (c) => ((size = c.spec.HostConfig.ConsoleSize), { exitCode: 0 });

    await run({ command: ['stty', 'size'], tty: true });

    expect(size).toEqual([30, 100]);
  });

  it('a process-type label only when the first word names a Procfile type', async () => {
    await setup();
    const labels: Record<string, string>[] = [];
    t.docker.onRun = (c) => (labels.push(c.spec.Labels), { exitCode: 0 });

    await run({ command: ['worker'] });
    await run({ command: ['echo', 'worker'] });

    expect(labels.map((l) => l['com.dokku.process-type'])).toEqual(['worker', undefined]);
  });

  it('a process that ignores the interrupt is killed by the second one', async () => {
    await setup();
    t.docker.onRun = () => null;
    t.docker.ignoredSignals.add('SIGINT');
    const result = run({ command: ['sh'] });
    await t.docker.untilRunning('shop.run.');

    t.interrupts.interrupt('SIGINT');
    t.interrupts.interrupt('SIGINT');

    expect(await result).toEqual({ exitCode: 137 });
    expect(t.docker.calls.filter((c) => c.startsWith('kill')).map((c) => c.split(' ')[2])).toEqual(['SIGINT', 'SIGKILL']);
  });

  it('an interrupt before the process runs: nothing is started and the container is still removed', async () => {
    await setup();
    t.docker.failCreate = () => (t.interrupts.interrupt('SIGINT'), undefined);

    expect(await run({ command: ['sleep', '100'] })).toEqual({ exitCode: 130 });
    expect(t.docker.calls.map((call) => call.split(' ')[0])).toEqual(['create', 'remove']);
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('a command that cannot start exits 127 like docker run, and the container is removed', async () => {
    await setup();
    t.docker.onStart = (c) => {
      c.status = 'created';
      throw new Error('failed to create task: exec: "nope": executable file not found in $PATH');
    };

    expect(await run({ command: ['nope'] })).toEqual({ exitCode: 127 });
    expect(t.stderr()).toContain('executable file not found');
    expect(t.docker.containers.size).toBe(0);
  });

  it('an app that was never deployed', async () => {
    t = await unitHost();
    await expect(run({ command: ['ls'] })).rejects.toMatchObject({ code: ErrorCodes.APP_NOT_DEPLOYED, message: 'App shop has not been deployed' });
  });
});

describe('run, the shell when no command is given', () => {
  const cmdOfRun = async () => {
    let cmd: string[] = [];
    t.docker.onRun = (c) => ((cmd = c.spec.Cmd ?? []), { exitCode: 0 });
    await run();
    return cmd;
  };

  it('/bin/bash when the image has it', async () => {
    await setup({}, { '/bin/bash': '' });
    expect(await cmdOfRun()).toEqual(['/bin/bash']);
  });

  it('/bin/sh when it has no bash, in a fresh container of the same name', async () => {
    await setup();
    expect(await cmdOfRun()).toEqual(['/bin/sh']);
    const names = t.docker.calls.filter((c) => c.startsWith('create')).map((c) => c.slice(7));
    expect(names).toHaveLength(2);
    expect(names[0]).toBe(names[1]);
    expect(t.docker.containers.size).toBe(0);
  });

  it('the scheduler `shell` property of the app, else --global, used as is', async () => {
    await setup();
    const set = (scope: string, value: string) => t.host.bus.first(propertySet, { plugin: 'scheduler', scope, key: 'shell', value });
    await set('--global', '/bin/ash -l');
    expect(await cmdOfRun()).toEqual(['/bin/ash', '-l']);
    await set('shop', '/usr/bin/zsh');
    expect(await cmdOfRun()).toEqual(['/usr/bin/zsh']);
  });
});

describe('run:detached (fake engine)', () => {
  it('starts the container and returns its name; the engine removes it when it exits', async () => {
    await setup();

    const result = await run({ command: ['sleep', '100'], detach: true });

    const container = runContainer()!;
    expect(result).toEqual({ exitCode: 0, container: container.name });
    expect(container.status).toBe('running');
    expect(container.spec).toMatchObject({ OpenStdin: false, Tty: false, HostConfig: { AutoRemove: true } });
    expect(t.docker.calls.some((c) => c.startsWith('attach'))).toBe(false);
  });

  it('a Procfile type: the notice goes to stderr, so stdout is only the name scripts capture', async () => {
    await setup();

    const result = await run({ command: ['worker'], detach: true });

    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe("-----> Found 'worker' in Procfile, running that command\n");
    expect(result.container).toBe(runContainer()!.name);
  });
});
