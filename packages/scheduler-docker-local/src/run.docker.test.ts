/**
 * Real engine, network mode `host` (loopback only): one-off containers, attached and detached,
 * and everything run:list/logs/stop/retire do with them.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { schedulerDeploy, schedulerRun, schedulerRunList, schedulerRunLogs, schedulerRunRetire, schedulerRunStop, type InputOf } from '@pier/plugin-api';
import { readStoredRelease, writeStoredRelease } from './state-files.js';
import { containersOf, describeDocker, dockerFixture, type HostIO } from './test-support/docker-fixture.js';
import { processSpec } from './test-support/unit-host.js';

const fixture = dockerFixture('pier-dl-run');
const app = `${fixture.prefix}-app`;
let host: Awaited<ReturnType<typeof fixture.host>>;

type RunInput = InputOf<typeof schedulerRun>;
const runInput = (input: Partial<RunInput>): RunInput => ({ app, command: [], env: {}, detach: false, tty: false, ttlSeconds: 86400, ...input });
const runContainers = async () => (await containersOf(app)).filter((c) => c.name.startsWith(`${app}.run.`));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The run containers once the engine finished removing stopped ones (AutoRemove is asynchronous). */
async function settledRunContainers(expected: number) {
  for (let i = 0; i < 50 && (await runContainers()).length > expected; i++) await sleep(100);
  return runContainers();
}

/** Another caller (own stdin) of the same deployed app: the stored release is all a run needs. */
async function caller(io: HostIO) {
  const other = await fixture.host([app], 'host', {}, io);
  await writeStoredRelease(other.root, (await readStoredRelease(host.root, app))!);
  return other;
}

describeDocker('one-off containers on a real engine', () => {
  beforeAll(async () => {
    const image = await fixture.buildImage('1', {});
    host = await fixture.host([app], 'host');
    await host.call(schedulerDeploy, {
      app,
      release: {
        image,
        processes: [processSpec('web', 0, { command: 'httpd -f -p $PORT -h /app' }), processSpec('greet', 0, { command: 'echo "hello from the Procfile"' })],
        env: { FROM_CONFIG: 'config value' },
        restartPolicy: 'no',
        stopTimeoutSeconds: 1,
        waitToRetireSeconds: 0,
        defaultUptimeSeconds: 0,
      },
    });
  }, 120_000);
  afterAll(() => fixture.cleanup(), 60_000);

  it('attached: output, the exit status, and no container left behind', async () => {
    host.io.clear();
    const result = await host.call(schedulerRun, runInput({ command: ['sh', '-c', 'echo "$FROM_CONFIG as $DYNO"; echo oops >&2; exit 3'] }));
    expect(result).toEqual({ exitCode: 3 });
    expect(host.io.stdoutText()).toMatch(/^config value as run\.\d+\n$/);
    expect(host.io.stderrText()).toBe('oops\n');
    expect(await runContainers()).toEqual([]);
  }, 30_000);

  it('stdin is piped into the process (`echo hi | pier run app cat`)', async () => {
    const piped = await caller({ stdin: 'hi\n' });
    expect(await piped.call(schedulerRun, runInput({ command: ['cat'] }))).toEqual({ exitCode: 0 });
    expect(piped.io.stdoutText()).toBe('hi\n');
  }, 30_000);

  it('-e values are passed literally; host mode gets a loopback PORT; a Procfile type runs its command', async () => {
    host.io.clear();
    await host.call(schedulerRun, runInput({ command: ['sh', '-c', 'env | grep ^A=; echo "port=$PORT"'], env: { A: "$(id) `id` 'q'" } }));
    expect(host.io.stdoutText()).toMatch(/^A=\$\(id\) `id` 'q'\nport=\d+\n$/);
    host.io.clear();
    await host.call(schedulerRun, runInput({ command: ['greet'] }));
    expect(host.io.stdoutText()).toBe("-----> Found 'greet' in Procfile, running that command\nhello from the Procfile\n");
  }, 30_000);

  it('no command: the shell, /bin/sh in an image without bash', async () => {
    const shell = await caller({ stdin: 'echo "shell is $0"\nexit 5\n' });
    expect(await shell.call(schedulerRun, runInput({}))).toEqual({ exitCode: 5 });
    expect(shell.io.stdoutText()).toBe('shell is /bin/sh\n');
  }, 30_000);

  it('a TTY: raw output (CRLF, stdout and stderr merged) and the exit status', async () => {
    host.io.clear();
    expect(await host.call(schedulerRun, runInput({ command: ['sh', '-c', 'echo out; echo err >&2; exit 2'], tty: true }))).toEqual({ exitCode: 2 });
    expect(host.io.stdoutText()).toBe('out\r\nerr\r\n');
  }, 30_000);

  it('a command that does not exist exits 127', async () => {
    host.io.clear();
    expect(await host.call(schedulerRun, runInput({ command: ['no-such-command'] }))).toEqual({ exitCode: 127 });
    expect(await runContainers()).toEqual([]);
  }, 30_000);

  it('run:detached, run:list, run:logs and run:stop', async () => {
    const started = await host.call(schedulerRun, runInput({ command: ['sh', '-c', 'echo started; exec sleep 60'], detach: true }));
    const name = started.container!;
    expect(started).toEqual({ exitCode: 0, container: expect.stringMatching(new RegExp(`^${app}\\.run\\.\\d+$`)) });

    expect(await host.call(schedulerRunList, { app })).toEqual([
      {
        name,
        state: 'running',
        command: `"sh -c 'echo started; exec sleep 60'"`,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
        runningFor: expect.stringMatching(/(second|seconds) ago$/),
      },
    ]);

    host.io.clear();
    await sleep(300);
    await host.call(schedulerRunLogs, { app, container: name, follow: false, num: 10, quiet: false });
    const number = name.split('.').pop();
    expect(host.io.stdoutText()).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z app\\[${number}\\]: started\\n$`));

    host.io.clear();
    await host.call(schedulerRunStop, { app });
    expect(host.io.stdoutText()).toBe(`${name}\n`);
    // Dokku's --rm: the engine removes a stopped detached container.
    expect(await settledRunContainers(0)).toEqual([]);
    host.io.clear();
    await host.call(schedulerRunStop, { app });
    expect(host.io.stdoutText()).toBe('No run containers exist\n');
  }, 60_000);

  it('run:retire removes a container past a 1-second time to live, not before', async () => {
    const { container } = await host.call(schedulerRun, runInput({ command: ['sleep', '60'], detach: true, ttlSeconds: 1 }));
    const keep = await host.call(schedulerRun, runInput({ command: ['sleep', '60'], detach: true }));
    const id = (await containersOf(app)).find((c) => c.name === container)!.id;
    host.io.clear();
    await host.call(schedulerRunRetire, { app });
    expect(host.io.stdoutText()).toBe('');

    await sleep(2_200);
    await host.call(schedulerRunRetire, { app });

    expect(host.io.stdoutText()).toBe(`       Retiring container ${id.slice(0, 12)}\n`);
    expect((await settledRunContainers(1)).map((c) => c.name)).toEqual([keep.container]);
  }, 60_000);
});
