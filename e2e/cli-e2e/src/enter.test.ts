import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierInTerminal, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #4 / reference §4.11: `pier enter <app> [<type>[.<n>] | --container-id <id>] [--] [cmd…]`
// execs in a running container of the app, with Dokku's choice of container and messages.
const app = 'e2e-enter';
const idle = 'e2e-enter-idle';
const image = 'e2e-enter-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await createHostApp(env, app, ['web=2', 'worker=1']);
  await pierOk(env, ['checks:skip', app]);
  await pierOk(env, ['deploy', app, image]);
  await pierOk(env, ['apps:create', idle]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app, idle], images: [image] }), 60_000);

const dynoOf = async (args: string[]) => env.pier(['enter', app, ...args, 'sh', '-c', 'echo $DYNO']);

describe('pier enter', () => {
  it.each([
    [['web', 'sh', '-c', 'exit 5'], 5],
    [['worker', 'true'], 0],
    [['web.2', '--', 'sh', '-c', 'exit 42'], 42],
  ])('propagates the exit status of %j (%i)', async (args, exitCode) => {
    expect((await env.pier(['enter', app, ...args])).exitCode).toBe(exitCode);
  });

  it('a command that cannot be started fails as docker exec does (126/127) and says why', async () => {
    const result = await env.pier(['enter', app, 'web', 'no-such-command']);

    expect([126, 127]).toContain(result.exitCode);
    // The engine sends its "executable file not found" on the exec's output stream; docker exec prints it the same way.
    expect(result.stdout + result.stderr).toContain('"no-such-command": executable file not found');
  });

  it('picks the container: <type> → its first one, <type>.<n> → exactly that one, -- before the command', async () => {
    expect(await dynoOf(['web'])).toEqual({ exitCode: 0, stdout: 'web.1\n', stderr: '' });
    expect(await dynoOf(['web.2'])).toEqual({ exitCode: 0, stdout: 'web.2\n', stderr: '' });
    expect(await dynoOf(['worker', '--'])).toEqual({ exitCode: 0, stdout: 'worker.1\n', stderr: '' });
  });

  it('--container-id takes a prefix of one of the app’s container ids', async () => {
    const worker = (await appContainers(app)).find((c) => c.name === `${app}.worker.1`)!;

    expect(await dynoOf(['--container-id', worker.id.slice(0, 12)])).toEqual({ exitCode: 0, stdout: 'worker.1\n', stderr: '' });
  });

  it('pipes stdin into the command', async () => {
    expect(await env.pier(['enter', app, 'web', 'cat'], { input: 'piped in\n' })).toEqual({ exitCode: 0, stdout: 'piped in\n', stderr: '' });
  });

  it('without a terminal the command has none ("not a tty"); on a pseudo-terminal it gets /dev/pts', async () => {
    expect(await env.pier(['enter', app, 'web', 'tty'])).toEqual({ exitCode: 1, stdout: 'not a tty\n', stderr: '' });

    const terminal = await pierInTerminal(env, ['enter', app, 'web', 'sh', '-c', 'tty']);

    expect(terminal.exitCode).toBe(0);
    expect(terminal.stdout).toMatch(/^\/dev\/pts\/\d+\n$/);
  });
});

describe('pier enter errors', () => {
  it('with several types and none given, lists the types', async () => {
    expect(await env.pier(['enter', app])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ` !     No container type specified.\n !     Available types for app (${app}): web worker\n`,
    });
  });

  it('an unknown type lists the types', async () => {
    expect(await env.pier(['enter', app, 'db', 'true'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ` !     No containers found for type 'db'\n !     Available types for app (${app}): web worker\n`,
    });
  });

  it('an unknown --container-id lists the valid ids', async () => {
    const result = await env.pier(['enter', app, '--container-id', 'deadbeef', 'true']);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    const [first, second, ...rest] = result.stderr.split('\n');
    expect(first).toBe(' !     Invalid container id for app: deadbeef');
    expect(rest).toEqual(['']);
    const listed = /^ ! {5}Available ids for app \((.+)\): (.+)$/.exec(second!);
    expect(listed?.[1]).toBe(app);
    expect(listed![2]!.split(' ').sort()).toEqual((await appContainers(app)).map((c) => c.id).sort());
  });

  it.each([
    [[idle], 1, `App ${idle} has not been deployed`],
    [['e2e-enter-nope'], 20, 'App e2e-enter-nope does not exist'],
  ])('enter %j → exit %i with one line', async (args, exitCode, message) => {
    expect(await env.pier(['enter', ...args, 'true'])).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('a stopped container cannot be entered', async () => {
    await pierOk(env, ['ps:stop', app, 'worker']);

    const result = await env.pier(['enter', app, 'worker', 'true']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(' !     Container is not running\n');
  });
});

describe('an app with a single process type', () => {
  it('enter without a type uses it; without a command runs the shell', async () => {
    await pierOk(env, ['ps:scale', app, 'worker=0']);

    expect(await env.pier(['enter', app], { input: 'echo "$DYNO via $0"\n' })).toEqual({ exitCode: 0, stdout: 'web.1 via /bin/sh\n', stderr: '' });
  });
});
