import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { asPierResult, deployHostApp, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, docker, waitFor } from './support/docker.js';
import { pierBin, pierEnvironment, type PierEnvironment } from './support/pier.js';
import { inPipeline, onHangingTerminal, onTerminal, startedPier } from './support/shell.js';

// Issue #4 audit, findings 1–3 and 10: `pier run` and `pier enter` inside a pipeline (a slow
// reader gets everything, a reader that goes away ends them quietly), a `pier run` that dies
// (SIGHUP, SIGKILL, its terminal closed) leaves no container behind: the engine removes it
// (`--rm`); on a terminal the output has no doubled CR and the process sees the terminal's size.
const app = 'e2e-runpipe';
const image = 'e2e-runpipe-img:1';
let env: PierEnvironment;
const children: { kill(signal: 'SIGKILL'): boolean }[] = [];

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'oneoff');
  await deployHostApp(env, app, image, ['web=1']);
}, 60_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL'); // a failed test must not leave a pier behind
  await tearDownApps(env, { apps: [app], images: [image] });
}, 60_000);

const runContainers = () => appContainers(app, { extraLabels: ['com.dokku.container-type=run'] });
const noRunContainers = () => waitFor(async () => (await runContainers()).length === 0, { timeoutMs: 20_000, what: 'no run container left' });
const runningRunContainer = () => waitFor(async () => (await runContainers()).some((c) => c.state === 'running'), { what: 'the run container to run' });

describe('pier run and enter in a pipeline', () => {
  it('a slow reader gets every line (`pier run app seq 1 200000 | (sleep 1; wc -l)`)', async () => {
    const result = await inPipeline(env, `{pier} run ${app} seq 1 200000 | (sleep 1; wc -l)`);

    expect(result).toEqual({ exitCode: 0, stdout: '200000\n', stderr: '' });
    expect(await noRunContainers()).toBe(true);
  });

  it('a reader that goes away (`| head -1`): the first line, no stack trace, status 141, no container left', async () => {
    const result = await inPipeline(env, `{pier} run ${app} sh -c 'seq 1 1000000' | head -1; echo "pier=\${PIPESTATUS[0]}" >&2`);

    expect(result).toEqual({ exitCode: 0, stdout: '1\n', stderr: 'pier=141\n' });
    expect(await noRunContainers()).toBe(true);
  });

  it('a reader that stalls, then goes away (`| (sleep 2; head -1)`): pier ends too, and the engine is not left stuck', async () => {
    // While the reader sleeps the output backs up and Pier stops reading the engine; when the
    // reader then goes away, Pier must drop the engine connection before removing the container
    // (the engine holds the container's lock while it copies output into that connection). The
    // `timeout` only turns a regression into a failure instead of a hung test.
    const result = await inPipeline(
      env,
      `timeout -s KILL 60 {pier} run ${app} sh -c 'seq 1 1000000' | (sleep 2; head -1); echo "pier=\${PIPESTATUS[0]}" >&2`,
    );

    expect(result).toEqual({ exitCode: 0, stdout: '1\n', stderr: 'pier=141\n' });
    expect(await noRunContainers()).toBe(true);
  });

  it('`pier enter … | head -1` ends the same way', async () => {
    const result = await inPipeline(env, `{pier} enter ${app} web sh -c 'seq 1 1000000' | head -1; echo "pier=\${PIPESTATUS[0]}" >&2`);

    expect(result).toEqual({ exitCode: 0, stdout: '1\n', stderr: 'pier=141\n' });
  });

  it('`pier enter … | (sleep 2; head -1)` ends as well', async () => {
    const result = await inPipeline(
      env,
      `timeout -s KILL 60 {pier} enter ${app} web sh -c 'seq 1 1000000' | (sleep 2; head -1); echo "pier=\${PIPESTATUS[0]}" >&2`,
    );

    expect(result).toEqual({ exitCode: 0, stdout: '1\n', stderr: 'pier=141\n' });
  });
});

describe('a pier run that ends before its command', () => {
  it('SIGHUP (a closed terminal or SSH session) is passed to the command, and the container goes', async () => {
    const { child } = await startedPier(env, ['run', app, 'sh', '-c', 'echo ready; exec sleep 300'], 'ready');
    children.push(child);

    child.kill('SIGHUP');

    expect(asPierResult(await child)).toEqual({ exitCode: 129, stdout: 'ready\n', stderr: '' });
    expect(await noRunContainers()).toBe(true);
  });

  it('killed with SIGKILL: the engine closes the command’s stdin and removes the container once it ends', async () => {
    // stdin stays open (nothing is written, nothing ends it): `cat` runs until its stdin closes.
    const child = execa('node', [pierBin, 'run', app, 'cat'], { reject: false, stdin: 'pipe', env: { PIER_ROOT: env.root }, timeout: 60_000 });
    children.push(child);
    await runningRunContainer();

    child.kill('SIGKILL');
    await child;

    expect(await noRunContainers()).toBe(true);
  });
});

describe('pier run on a terminal', () => {
  const size = 'stty rows 30 cols 100';

  it('passes the process’s output through as it is: CRLF, not a doubled CR', async () => {
    const terminal = onTerminal(env, `${size}; {pier} run ${app} sh -c 'echo hello; echo world'`);
    terminal.stdin.end();

    const result = await terminal;

    expect(result.exitCode).toBe(0);
    expect(String(result.stdout)).toContain('hello\r\nworld\r\n');
    expect(String(result.stdout)).not.toContain('\r\r\n');
  });

  it('the process gets the terminal’s size: from its start on an engine with API 1.42+, right after it otherwise', async () => {
    // Engines before API 1.42 ignore a size given at create (docker run has the same gap there):
    // the size then comes with the first resize, which the loop waits for.
    const waitForSize = `while [ "$(stty size 2>/dev/null)" = "" ] || [ "$(stty size)" = "0 0" ]; do sleep 0.05; done; stty size`;
    const eventually = onTerminal(env, `${size}; {pier} run ${app} sh -c '${waitForSize}'`);
    eventually.stdin.end();
    expect(String((await eventually).stdout)).toContain('30 100\r\n');

    if (Number((await docker.version()).ApiVersion) >= 1.42) {
      const immediate = onTerminal(env, `${size}; {pier} run ${app} stty size`);
      immediate.stdin.end();
      expect(String((await immediate).stdout)).toContain('30 100\r\n');
    }
  });

  it('the terminal closed under an interactive shell: the shell gets SIGHUP and the container goes', async () => {
    const terminal = onTerminal(env, `${size}; {pier} run ${app}`);
    children.push(terminal);
    await runningRunContainer();

    terminal.kill('SIGKILL');
    await terminal;

    expect(await noRunContainers()).toBe(true);
  });

  it('the terminal closed under pier run: pier ends as SIGHUP ends it (129), not with a crash of Node', async () => {
    // Node restores the terminal's settings on exit and crashed on one that hung up (SIGSEGV,
    // 139); pier now ends by the signal itself once it has cleaned up.
    const session = onHangingTerminal(env, ['run', app, 'sleep', '300']);
    try {
      await runningRunContainer();

      await session.hangUp();

      expect(await session.status()).toBe(129);
      expect(await noRunContainers()).toBe(true);
    } finally {
      session.dispose();
    }
  });
});
