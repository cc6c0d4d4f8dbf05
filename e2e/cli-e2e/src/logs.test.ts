import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { asPierResult, createHostApp, pierInTerminal, pierOk, spawnPier, tearDownApps } from './support/apps.js';
import { buildFixtureImage, waitFor } from './support/docker.js';
import { pierBin, pierEnvironment, type PierEnvironment, type PierResult } from './support/pier.js';
import { inPipeline } from './support/shell.js';

// Issue #4: `pier logs <app> [-n N] [-t] [-q] [-p <type>]` on the real engine. The fixture
// (e2e/fixtures/apps/chatty) prints known lines: "web web.<n> says hello", "worker line 1..5",
// and the worker prints the content of /app/more whenever that file appears.
const app = 'e2e-logs';
const idle = 'e2e-logs-idle';
const image = 'e2e-logs-img:1';
let env: PierEnvironment;

const TS = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z';
const workerLines = [1, 2, 3, 4, 5].map((i) => `worker line ${i}`);

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'chatty');
  await createHostApp(env, app, ['web=2', 'worker=1']);
  await pierOk(env, ['checks:skip', app]);
  await pierOk(env, ['deploy', app, image]);
  await pierOk(env, ['apps:create', idle]);
  // Every container has printed its first lines.
  await waitFor(async () => (await pierOk(env, ['logs', app])).split('\n').filter(Boolean).length >= 7, { what: 'the first log lines' });
}, 60_000);
const followers: { kill(signal: 'SIGKILL'): boolean }[] = [];
afterAll(async () => {
  for (const child of followers) child.kill('SIGKILL'); // a failed test must not leave a follower behind
  await tearDownApps(env, { apps: [app, idle], images: [image] });
}, 60_000);

/** `[dyno, message]` of each prefixed line; fails on a line that is not `<time> app[<dyno>]: <message>`. */
function parse(output: string): [string, string][] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = new RegExp(`^${TS} app\\[([a-z]+\\.\\d+)\\]: (.*)$`).exec(line);
      if (!match) throw new Error(`not a prefixed log line: ${JSON.stringify(line)}`);
      return [match[2]!, match[3]!];
    });
}

describe('pier logs', () => {
  it('prints every container’s lines as `<timestamp> app[<type>.<n>]: <line>`, in order per container', async () => {
    const result = await env.pier(['logs', app]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const lines = parse(result.stdout);
    expect(lines.filter(([dyno]) => dyno === 'web.1')).toEqual([['web.1', 'web web.1 says hello']]);
    expect(lines.filter(([dyno]) => dyno === 'web.2')).toEqual([['web.2', 'web web.2 says hello']]);
    expect(lines.filter(([dyno]) => dyno === 'worker.1')).toEqual(workerLines.map((line) => ['worker.1', line]));
    expect(lines).toHaveLength(7);
  });

  it('-p <type> keeps one process type; -p web.1 matches nothing, as in Dokku', async () => {
    expect(parse((await pierOk(env, ['logs', app, '-p', 'worker']))).map(([dyno]) => dyno)).toEqual(Array(5).fill('worker.1'));
    expect(parse(await pierOk(env, ['logs', app, '--ps', 'web'])).map(([dyno]) => dyno).sort()).toEqual(['web.1', 'web.2']);
    expect(await env.pier(['logs', app, '-p', 'web.1'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('-q prints the raw lines', async () => {
    expect(await env.pier(['logs', app, '-q', '-p', 'worker'])).toEqual({ exitCode: 0, stdout: workerLines.map((l) => `${l}\n`).join(''), stderr: '' });
  });

  it('-n N prints the last N lines of each container', async () => {
    expect(parse(await pierOk(env, ['logs', app, '-n', '2', '-p', 'worker']))).toEqual([
      ['worker.1', 'worker line 4'],
      ['worker.1', 'worker line 5'],
    ]);
    expect(parse(await pierOk(env, ['logs', app, '--num', '1'])).sort()).toEqual([
      ['web.1', 'web web.1 says hello'],
      ['web.2', 'web web.2 says hello'],
      ['worker.1', 'worker line 5'],
    ]);
  });

  it('colours the prefix on a terminal, and not with NO_COLOR', async () => {
    const coloured = await pierInTerminal(env, ['logs', app, '-p', 'web'], { NO_COLOR: undefined });
    const plain = await pierInTerminal(env, ['logs', app, '-p', 'web']);

    expect(coloured.exitCode).toBe(0);
    expect(coloured.stdout).toMatch(new RegExp(`^\\x1b\\[(36|33)m${TS} app\\[web\\.1\\]:\\x1b\\[0m web web\\.1 says hello$`, 'm'));
    expect(plain.stdout).not.toContain('\x1b[');
    expect(parse(plain.stdout)).toHaveLength(2);
  });
});

describe('pier logs in a pipeline, and its help', () => {
  it('a slow reader gets every line (`pier logs … | (sleep 1; wc -l)`), and nothing on stderr', async () => {
    // Written by the worker's own stdout (PID 1's), so they are in its log like any other output.
    await pierOk(env, ['enter', app, 'worker', 'sh', '-c', 'seq 1 100000 > /proc/1/fd/1']);
    await waitFor(async () => (await pierOk(env, ['logs', app, '-p', 'worker', '-n', '1', '-q'])) === '100000\n', { what: 'the lines in the log' });

    const prefixed = await inPipeline(env, `{pier} logs ${app} -p worker -n 200000 | (sleep 1; wc -l)`);
    const raw = await inPipeline(env, `{pier} logs ${app} -p worker -n 200000 -q | (sleep 1; tail -n 2)`);

    expect(prefixed).toEqual({ exitCode: 0, stdout: `${workerLines.length + 100000}\n`, stderr: '' });
    expect(raw).toEqual({ exitCode: 0, stdout: '99999\n100000\n', stderr: '' });
  });

  it('`logs <app> -h` prints the logs help, as `logs:help` does (Dokku’s usage())', async () => {
    const help = await pierOk(env, ['logs:help']);

    expect(await env.pier(['logs', app, '-h'])).toEqual({ exitCode: 0, stdout: help, stderr: '' });
    expect(help).toContain('Display recent log output');
  });
});

describe('pier logs -t', () => {
  function follow(args: string[]) {
    const child = spawnPier(env, ['logs', app, '-t', ...args]);
    followers.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }
  /** The follower's result once it has ended, or 'still running' after the deadline. */
  async function endsWithin(child: Promise<Parameters<typeof asPierResult>[0]>, ms: number): Promise<PierResult | 'still running'> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), ms)));
    try {
      return await Promise.race([child.then(asPierResult), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  it.each([['SIGINT'], ['SIGTERM']] as const)('follows new lines until interrupted (%s), then exits 0 at once', async (signal) => {
    const { child, output } = follow(['-p', 'worker', '-n', '1']);
    await waitFor(async () => output().includes('\n'), { what: 'the last existing line' });
    const [existing] = parse(output());

    await pierOk(env, ['enter', app, 'worker', 'sh', '-c', `echo followed ${signal} > /app/more.tmp && mv /app/more.tmp /app/more`]);
    await waitFor(async () => output().includes(`followed ${signal}`), { what: 'the new line' });
    child.kill(signal);

    const ended = await endsWithin(child, 5_000);
    if (ended === 'still running') child.kill('SIGKILL');
    expect(ended).toEqual({ exitCode: 0, stdout: expect.any(String), stderr: '' });
    expect(parse(output())).toEqual([existing, ['worker.1', `followed ${signal}`]]);
  });

  it('ends when its stdout is closed (`| head -1`) at the next line it writes', async () => {
    const pipeline = execa('sh', ['-c', `"${process.execPath}" "${pierBin}" logs ${app} -t -p worker -n 1 | head -1`], {
      reject: false,
      env: { PIER_ROOT: env.root, NO_COLOR: '1' },
      timeout: 60_000,
    });
    followers.push(pipeline);
    let output = '';
    pipeline.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(async () => output.includes('\n'), { what: 'the first line through head' });

    // head has exited; pier notices the closed pipe when it writes the next line.
    await pierOk(env, ['enter', app, 'worker', 'sh', '-c', 'echo after head > /app/more.tmp && mv /app/more.tmp /app/more']);

    const ended = await endsWithin(pipeline, 10_000);
    if (ended === 'still running') pipeline.kill('SIGKILL');
    expect(ended).toMatchObject({ exitCode: 0, stderr: '' });
    expect(parse(output)).toHaveLength(1);
  });

  it('ends by itself when the followed containers stop', async () => {
    const { child, output } = follow(['-p', 'worker', '-n', '1']);
    await waitFor(async () => output().includes('\n'), { what: 'the last existing line' });

    await pierOk(env, ['ps:stop', app, 'worker']);

    const ended = await endsWithin(child, 20_000);
    if (ended === 'still running') child.kill('SIGKILL');
    expect(ended).toMatchObject({ exitCode: 0, stderr: '' });
  });
});

describe('pier logs errors', () => {
  it.each([
    [[idle], 1, `App ${idle} has not been deployed`],
    [['e2e-logs-nope'], 20, 'App e2e-logs-nope does not exist'],
  ])('logs %j → exit %i with one line', async (args, exitCode, message) => {
    expect(await env.pier(['logs', ...args])).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });
});
