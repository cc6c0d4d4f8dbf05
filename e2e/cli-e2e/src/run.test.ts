import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { asPierResult, deployHostApp, pierInTerminal, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, waitFor } from './support/docker.js';
import { pierBin, pierEnvironment, type PierEnvironment } from './support/pier.js';
import { startedPier } from './support/shell.js';

// Issue #4: `pier run` — a one-off container from the app's current image, attached, removed
// afterwards, its exit code propagated. The fixture's Procfile has `greet: echo greeting from the Procfile`.
const app = 'e2e-run';
const idle = 'e2e-run-idle';
const image = 'e2e-run-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'oneoff');
  await deployHostApp(env, app, image, ['web=1']);
  await pierOk(env, ['apps:create', idle]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app, idle], images: [image] }), 60_000);

/** One-off containers left on the engine (attached runs must remove theirs). */
const runContainers = () => appContainers(app, { extraLabels: ['com.dokku.container-type=run'] });
const noRunContainers = () => waitFor(async () => (await runContainers()).length === 0, { timeoutMs: 10_000, what: 'run containers removed' });

describe('pier run', () => {
  it.each([
    [['sh', '-c', 'exit 7'], 7],
    [['true'], 0],
    [['sh', '-c', 'kill -TERM $$'], 143],
    [['no-such-command'], 127],
  ])('propagates the exit code of %j (%i)', async (command, exitCode) => {
    const result = await env.pier(['run', app, ...command]);

    expect(result.exitCode).toBe(exitCode);
    expect(await noRunContainers()).toBe(true);
  });

  it('pipes stdin into the command', async () => {
    expect(await env.pier(['run', app, 'cat'], { input: 'hello\n' })).toEqual({ exitCode: 0, stdout: 'hello\n', stderr: '' });
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n');
    expect((await env.pier(['run', app, 'wc', '-l'], { input: `${lines}\n` })).stdout.trim()).toBe('2000');
  });

  it('keeps stdout and stderr apart, also for large interleaved output (Docker’s stream demultiplexed)', async () => {
    expect(await env.pier(['run', app, 'sh', '-c', 'echo out; echo err >&2; exit 2'])).toEqual({ exitCode: 2, stdout: 'out\n', stderr: 'err\n' });

    const big = await env.pier(['run', app, 'sh', '-c', 'i=0; while [ $i -lt 3000 ]; do i=$((i+1)); echo "out $i"; echo "err $i" >&2; done']);

    expect(big.exitCode).toBe(0);
    expect(big.stdout).toBe(Array.from({ length: 3000 }, (_, i) => `out ${i + 1}\n`).join(''));
    expect(big.stderr).toBe(Array.from({ length: 3000 }, (_, i) => `err ${i + 1}\n`).join(''));
  });

  it('passes binary stdin through byte for byte', async () => {
    const bytes = randomBytes(1_500_000);

    const result = await execa('node', [pierBin, 'run', app, 'cat'], { input: bytes, encoding: 'buffer', reject: false, env: { PIER_ROOT: env.root } });

    expect(result.exitCode).toBe(0);
    expect(Buffer.compare(Buffer.from(result.stdout), bytes)).toBe(0);
  });

  it('forwards an interrupt to the command', async () => {
    const { child } = await startedPier(env, ['run', app, 'sh', '-c', 'trap "echo got INT; exit 3" INT; echo ready; while true; do sleep 1; done'], 'ready');

    child.kill('SIGINT');

    expect(asPierResult(await child)).toEqual({ exitCode: 3, stdout: 'ready\ngot INT\n', stderr: '' });
    expect(await noRunContainers()).toBe(true);
  });

  it('passes -e values literally, with no shell expansion', async () => {
    const result = await env.pier(['run', '-e', 'A=$(id)', '--env', 'B=`whoami` and $HOME', '--env=C=x=y', app, 'sh', '-c', 'printf "%s|%s|%s\\n" "$A" "$B" "$C"']);

    expect(result).toEqual({ exitCode: 0, stdout: '$(id)|`whoami` and $HOME|x=y\n', stderr: '' });
  });

  it('gives the container DYNO=run.<n> and, in host mode, its own PORT', async () => {
    const result = await env.pier(['run', app, 'sh', '-c', 'echo "$DYNO $PORT"']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^run\.\d+ \d+\n$/);
  });

  it('runs the Procfile command when the first word is a process type, followed by the other words', async () => {
    const result = await env.pier(['run', app, 'greet', 'and', 'more']);

    expect(result).toEqual({
      exitCode: 0,
      stdout: "-----> Found 'greet' in Procfile, running that command\ngreeting from the Procfile and more\n",
      stderr: '',
    });
  });

  it('without a command runs the shell: /bin/sh when the image has no bash', async () => {
    const result = await env.pier(['run', app], { input: 'echo "shell=$0"; exit 5\n' });

    expect(result).toEqual({ exitCode: 5, stdout: 'shell=/bin/sh\n', stderr: '' });
  });

  it('a configured shell is used as is', async () => {
    await pierOk(env, ['scheduler:set', app, 'shell', '/bin/ash']);
    const result = await env.pier(['run', app], { input: 'echo "shell=$0"\n' });
    await pierOk(env, ['scheduler:set', app, 'shell']);

    expect(result).toEqual({ exitCode: 0, stdout: 'shell=/bin/ash\n', stderr: '' });
  });

  it('without a terminal the command has none; on a pseudo-terminal it gets one', async () => {
    expect(await env.pier(['run', app, 'tty'])).toEqual({ exitCode: 1, stdout: 'not a tty\n', stderr: '' });

    const terminal = await pierInTerminal(env, ['run', app, 'sh', '-c', 'tty; exit 3']);

    expect(terminal.stdout).toMatch(/^\/dev\/pts\/\d+\n$/);
    expect(terminal.exitCode).toBe(3);
    expect((await pierInTerminal(env, ['run', '--no-tty', app, 'tty'])).stdout).toBe('not a tty\n');
  });

  it('--force-tty gives the command a terminal without one on the caller’s side, and stdin’s end still ends it', async () => {
    expect(await env.pier(['run', '--force-tty', app, 'tty'])).toEqual({ exitCode: 0, stdout: expect.stringMatching(/^\/dev\/pts\/\d+\r\n$/), stderr: '' });
    // The end of piped stdin reaches the process as a terminal's Ctrl-D: `cat` ends (its input is echoed, as on a terminal).
    expect(await env.pier(['run', '--force-tty', app, 'cat'], { input: 'typed\n' })).toEqual({ exitCode: 0, stdout: 'typed\r\ntyped\r\n', stderr: '' });
  });

  it('removes every attached container afterwards', async () => {
    expect(await noRunContainers()).toBe(true);
    expect((await appContainers(app)).map((c) => c.name)).toEqual([`${app}.web.1`]);
  });
});

describe('pier run errors', () => {
  it.each([
    [['run', idle, 'true'], 1, `App ${idle} has not been deployed`],
    [['run', 'e2e-run-nope', 'true'], 20, 'App e2e-run-nope does not exist'],
    [['run', '--ttl-seconds', 'soon', app, 'true'], 1, '--ttl-seconds must be a positive integer'],
  ])('%j → exit %i with one line', async (args, exitCode, message) => {
    expect(await env.pier(args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(await runContainers()).toEqual([]);
  });
});
