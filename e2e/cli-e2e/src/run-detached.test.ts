import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deployHostApp, pierInTerminal, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';
import { inPipeline } from './support/shell.js';

// Issue #4: run:detached prints `<app>.run.<n>`; run:list, run:logs, run:stop and run:retire
// (containers past their --ttl-seconds are stopped and removed) on the real engine.
const app = 'e2e-rund';
const image = 'e2e-rund-img:1';
let env: PierEnvironment;
let first: string;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'oneoff');
  await deployHostApp(env, app, image, ['web=1']);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app, 'e2e-rund.dot'], images: [image] }), 60_000);

const runContainers = () => appContainers(app, { extraLabels: ['com.dokku.container-type=run'] });
const runNumber = (name: string) => name.slice(`${app}.run.`.length);

describe('run:detached and run:list', () => {
  it('run:detached starts the container and prints its name <app>.run.<n>', async () => {
    const result = await env.pier(['run:detached', app, 'sh', '-c', 'echo detached-out; echo detached-err >&2; exec sleep 300']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^${app}\\.run\\.\\d+\\n$`));
    first = result.stdout.trim();
    const [container] = await runContainers();
    expect(container).toMatchObject({ name: first, state: 'running' });
    expect(container!.labels).toMatchObject({
      'com.dokku.app-name': app,
      'com.dokku.container-type': 'run',
      'com.dokku.active-deadline-seconds': '86400',
    });
  });

  it('run:list shows it as a table and as JSON', async () => {
    const text = await env.pier(['run:list', app]);
    const lines = text.stdout.trimEnd().split('\n');
    expect(text.exitCode).toBe(0);
    expect(lines[0]).toBe(`=====> ${app} run containers`);
    expect(lines[1]).toMatch(/^NAMES +COMMAND +CREATED$/);
    expect(lines.slice(2)).toHaveLength(1);
    expect(lines[2]).toMatch(new RegExp(`^${first.replace(/\./g, '\\.')} +"sh -c 'echo detached-out; .*'" +(Less than a second|\\d+ seconds?) ago$`));

    const json = await env.pier(['run:list', '--format', 'json', app]);
    expect(json.exitCode).toBe(0);
    // docker's .CreatedAt, as Dokku's jq takes it: the time it was created, not the table's "ago".
    expect(JSON.parse(json.stdout)).toEqual([
      { name: first, state: 'running', command: expect.stringContaining('sh -c'), created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC$/) },
    ]);
  });
});

describe('run:logs', () => {
  it('prints the one-off container’s output, prefixed app[<n>]', async () => {
    const pattern = new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z app\\[${runNumber(first)}\\]: detached-(out|err)$`);
    const output = await waitFor(
      async () => {
        const result = await env.pier(['run:logs', app]);
        return result.stdout.includes('detached-out') && result.stdout.includes('detached-err') ? result : undefined;
      },
      { what: 'the detached container’s output' },
    );

    expect(output.exitCode).toBe(0);
    const lines = output.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(pattern);
  });

  it('with --container and -q prints the raw lines of that container', async () => {
    const result = await env.pier(['run:logs', '--container', first, '-q']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean).sort()).toEqual(['detached-err', 'detached-out']);
  });

  it('refuses a container that is not a run container', async () => {
    expect(await env.pier(['run:logs', '--container', `${app}.web.1`])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Specified container must be a run container\n',
    });
  });
});

describe('run:stop and run:retire', () => {
  it('run:stop --container stops it and it is removed', async () => {
    const result = await env.pier(['run:stop', '--container', first]);

    expect(result).toEqual({ exitCode: 0, stdout: `${first}\n`, stderr: '' });
    expect(await waitFor(async () => (await runContainers()).length === 0, { what: `${first} to be removed` })).toBe(true);
    expect(JSON.parse(await pierOk(env, ['run:list', '--format', 'json', app]))).toEqual([]);
    expect((await appContainers(app)).map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`]);
  });

  it('run:retire removes the containers past their --ttl-seconds and keeps the others', async () => {
    const short = (await pierOk(env, ['run:detached', '--ttl-seconds', '1', app, 'sleep', '300'])).trim();
    const long = (await pierOk(env, ['run:detached', app, 'sleep', '300'])).trim();
    const shortId = (await runContainers()).find((c) => c.name === short)!.id;

    // A sweep may find the container already stopping (its --rm removal is asynchronous), so
    // the outputs of every sweep are kept: exactly one of them retired it.
    const outputs: string[] = [];
    await waitFor(
      async () => {
        outputs.push(await pierOk(env, ['run:retire', app]));
        return !(await runContainers()).some((c) => c.name === short);
      },
      { timeoutMs: 20_000, intervalMs: 500, what: `run:retire to remove ${short}` },
    );

    for (const output of outputs) expect(output.startsWith(`-----> Retiring run and cron containers for app ${app}\n`)).toBe(true);
    const retiredLines = outputs.join('').match(new RegExp(`^ {7}Retiring container ${shortId.slice(0, 12)}$`, 'gm'));
    expect(retiredLines).toHaveLength(1);
    expect((await runContainers()).map((c) => `${c.name}:${c.state}`)).toEqual([`${long}:running`]);
  });

  it('run:stop <app> stops every one-off container; with none left it says so', async () => {
    const result = await env.pier(['run:stop', app]);

    expect(result.exitCode).toBe(0);
    expect(await waitFor(async () => (await runContainers()).length === 0, { what: 'run containers to be removed' })).toBe(true);
    expect(await env.pier(['run:stop', app])).toEqual({ exitCode: 0, stdout: 'No run containers exist\n', stderr: '' });
  });
});

describe('run:detached flags, labels and names (Dokku’s)', () => {
  const dotted = 'e2e-rund.dot';

  it('--no-tty is accepted, --ttl-seconds 0 too (retired at the next sweep), --no-tty with --force-tty is not', async () => {
    const name = (await pierOk(env, ['run:detached', '--no-tty', '--ttl-seconds', '0', app, 'sleep', '300'])).trim();
    expect((await runContainers()).find((c) => c.name === name)?.labels['com.dokku.active-deadline-seconds']).toBe('0');

    await waitFor(
      async () => {
        await pierOk(env, ['run:retire', app]);
        return !(await runContainers()).some((c) => c.name === name);
      },
      { timeoutMs: 20_000, intervalMs: 500, what: `run:retire to remove ${name}` },
    );

    expect(await env.pier(['run:detached', '--no-tty', '--force-tty', app, 'true'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Cannot specify both --force-tty and --no-tty\n',
    });
  });

  it('a Procfile type: labelled with it, the notice on stderr, only the name on stdout', async () => {
    const result = await env.pier(['run:detached', app, 'web']);

    expect(result.stderr).toBe("-----> Found 'web' in Procfile, running that command\n");
    expect(result.stdout).toMatch(new RegExp(`^${app}\\.run\\.\\d+\\n$`));
    const container = (await runContainers()).find((c) => c.name === result.stdout.trim())!;
    expect(container.labels['com.dokku.process-type']).toBe('web');
    const plain = (await pierOk(env, ['run:detached', app, 'sleep', '300'])).trim();
    expect((await runContainers()).find((c) => c.name === plain)!.labels).not.toHaveProperty('com.dokku.process-type');
    await pierOk(env, ['run:stop', app]);
  });

  it('run:logs is coloured on a terminal, like logs; a slow reader gets every line', async () => {
    const name = (await pierOk(env, ['run:detached', app, 'sh', '-c', 'seq 1 50000; exec sleep 300'])).trim();
    await waitFor(async () => (await pierOk(env, ['run:logs', '--container', name, '-n', '1', '-q'])) === '50000\n', { what: 'the lines in the log' });

    const coloured = await pierInTerminal(env, ['run:logs', '--container', name, '-n', '1'], { NO_COLOR: undefined });
    const piped = await inPipeline(env, `{pier} run:logs --container ${name} -n 100000 -q | (sleep 1; wc -l)`);

    expect(coloured.stdout).toMatch(new RegExp(`^\\x1b\\[36m\\S+Z app\\[${runNumber(name)}\\]:\\x1b\\[0m 50000\\n$`));
    expect(piped).toEqual({ exitCode: 0, stdout: '50000\n', stderr: '' });
    await pierOk(env, ['run:stop', app]);
  });

  it('an app name with a dot: the printed name works with --container', async () => {
    await deployHostApp(env, dotted, image, ['web=0']);
    const name = (await pierOk(env, ['run:detached', dotted, 'sh', '-c', 'echo dotted; exec sleep 300'])).trim();
    expect(name).toMatch(/^e2e-rund\.dot\.run\.\d+$/);

    await waitFor(async () => (await pierOk(env, ['run:logs', '--container', name, '-q'])) === 'dotted\n', { what: 'its output' });
    expect(await env.pier(['run:stop', '--container', name])).toEqual({ exitCode: 0, stdout: `${name}\n`, stderr: '' });
  });
});

