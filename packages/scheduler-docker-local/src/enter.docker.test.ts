/**
 * Real engine, network mode `none`: `enter` execs into the chosen container, passes stdin,
 * returns the exit status, and fails Dokku's way when the choice is ambiguous or wrong.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ErrorCodes, schedulerDeploy, schedulerEnter, schedulerStop, type InputOf } from '@pier/plugin-api';
import { readStoredRelease, writeStoredRelease } from './state-files.js';
import { containersOf, describeDocker, dockerFixture, type HostIO } from './test-support/docker-fixture.js';
import { processSpec } from './test-support/unit-host.js';

const fixture = dockerFixture('pier-dl-enter');
const app = `${fixture.prefix}-app`;
let host: Awaited<ReturnType<typeof fixture.host>>;

const enterInput = (input: Partial<InputOf<typeof schedulerEnter>>) => ({ app, command: [], tty: false, ...input });

async function caller(io: HostIO) {
  const other = await fixture.host([app], 'none', {}, io);
  await writeStoredRelease(other.root, (await readStoredRelease(host.root, app))!);
  return other;
}

describeDocker('enter on a real engine', () => {
  beforeAll(async () => {
    const image = await fixture.buildImage('1', {});
    host = await fixture.host([app], 'none');
    await host.call(schedulerDeploy, {
      app,
      release: {
        image,
        processes: [processSpec('web', 2, { command: 'sleep 3600' }), processSpec('worker', 1, { command: 'sleep 3600' })],
        env: {},
        restartPolicy: 'no',
        stopTimeoutSeconds: 1,
        waitToRetireSeconds: 0,
        defaultUptimeSeconds: 0,
      },
    });
  }, 120_000);
  afterAll(() => fixture.cleanup(), 60_000);

  it('runs the command in the named dyno and returns its exit status', async () => {
    host.io.clear();
    const result = await host.call(schedulerEnter, enterInput({ processType: 'web.2', command: ['sh', '-c', 'echo "in $DYNO"; echo err >&2; exit 7'] }));
    expect(result).toEqual({ exitCode: 7 });
    expect(host.io.stdoutText()).toBe('in web.2\n');
    expect(host.io.stderrText()).toBe('err\n');
  }, 30_000);

  it('pipes stdin; without a command runs the shell (/bin/sh here: no bash in the image)', async () => {
    const piped = await caller({ stdin: 'echo "$0 in $DYNO"\nexit 3\n' });
    expect(await piped.call(schedulerEnter, enterInput({ processType: 'worker' }))).toEqual({ exitCode: 3 });
    expect(piped.io.stdoutText()).toBe('/bin/sh in worker.1\n');
  }, 30_000);

  it('with a TTY: raw output and the exit status', async () => {
    host.io.clear();
    expect(await host.call(schedulerEnter, enterInput({ processType: 'web', command: ['sh', '-c', 'echo "tty $DYNO"; exit 5'], tty: true }))).toEqual({ exitCode: 5 });
    expect(host.io.stdoutText()).toBe('tty web.1\r\n');
  }, 30_000);

  it('a container-id prefix', async () => {
    const worker = (await containersOf(app)).find((c) => c.name === `${app}.worker.1`)!;
    host.io.clear();
    await host.call(schedulerEnter, enterInput({ containerId: worker.id.slice(0, 6), command: ['sh', '-c', 'echo $DYNO'] }));
    expect(host.io.stdoutText()).toBe('worker.1\n');
  }, 30_000);

  it.each([
    ['no type with two running types', {}, ' !     No container type specified.\n', 'Available types for app (pier-dl-enter-app): web worker'],
    ['an unknown type', { processType: 'cron' }, " !     No containers found for type 'cron'\n", 'Available types for app (pier-dl-enter-app): web worker'],
    ['an unknown container id', { containerId: 'zzz' }, ' !     Invalid container id for app: zzz\n', /^Available ids for app \(pier-dl-enter-app\): [0-9a-f]{64} [0-9a-f]{64} [0-9a-f]{64}$/],
  ])('%s', async (_name, input, warning, message) => {
    host.io.clear();
    const attempt = host.call(schedulerEnter, enterInput({ ...input, command: ['true'] }));
    await expect(attempt).rejects.toMatchObject({ code: ErrorCodes.COMMAND_FAILED, message: typeof message === 'string' ? message : expect.stringMatching(message) });
    expect(host.io.stderrText()).toBe(warning);
  }, 30_000);

  it('a stopped container', async () => {
    await host.call(schedulerStop, { app, removeContainers: false, processType: 'worker' });
    await expect(host.call(schedulerEnter, enterInput({ processType: 'worker', command: ['true'] }))).rejects.toThrow('Container is not running');
    // With only web running, no type is needed any more.
    host.io.clear();
    await host.call(schedulerEnter, enterInput({ command: ['sh', '-c', 'echo $DYNO'] }));
    expect(host.io.stdoutText()).toBe('web.1\n');
  }, 30_000);
});
