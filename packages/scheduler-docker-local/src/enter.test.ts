import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { ErrorCodes, propertySet, schedulerEnter, type InputOf } from '@pier/plugin-api';
import { resolveEnterTarget } from './enter.js';
import { classifyName, type DeployContainer } from './naming.js';
import { processSpec, release, storeDeployedRelease, unitHost, type UnitHost } from './test-support/unit-host.js';

const container = (dyno: string, state = 'running', id = `${dyno.replace('.', '')}0000`): DeployContainer => ({
  id,
  name: `shop.${dyno}`,
  labels: {},
  state,
  created: 0,
  command: '',
  ...classifyName('shop', `shop.${dyno}`),
});

describe('resolveEnterTarget', () => {
  const webAndWorker = [container('web.1', 'running', 'aaa111'), container('web.2', 'running', 'aaa222'), container('worker.1', 'running', 'bbb111')];

  it.each([
    ['web', { processType: 'web' }, webAndWorker, 'web.1'],
    ['web.2', { processType: 'web.2' }, webAndWorker, 'web.2'],
    ['an id prefix', { containerId: 'bbb' }, webAndWorker, 'worker.1'],
    ['a full id', { containerId: 'aaa222' }, webAndWorker, 'web.2'],
    ['the only running type', {}, [container('web.1'), container('worker.1', 'exited')], 'web.1'],
  ])('%s', (_name, input, live, dyno) => {
    expect(resolveEnterTarget('shop', live, input)).toEqual({ container: expect.objectContaining({ dyno }) });
  });

  it.each([
    ['several running types', {}, webAndWorker, { warn: 'No container type specified.', fail: 'Available types for app (shop): web worker' }],
    ['nothing running', {}, [container('web.1', 'exited')], { fail: 'No containers found for app' }],
    ['no containers at all', {}, [], { fail: 'No containers found for app' }],
    ['an unknown type', { processType: 'cron' }, webAndWorker, { warn: "No containers found for type 'cron'", fail: 'Available types for app (shop): web worker' }],
    ['a missing index', { processType: 'web.3' }, webAndWorker, { warn: "No containers found for type 'web.3'", fail: 'Available types for app (shop): web worker' }],
    ['an unknown id', { containerId: 'ccc' }, webAndWorker, { warn: 'Invalid container id for app: ccc', fail: 'Available ids for app (shop): aaa111 aaa222 bbb111' }],
    ['a stopped container', { processType: 'web' }, [container('web.1', 'exited')], { fail: 'Container is not running' }],
  ])('%s', (_name, input, live, expected) => {
    expect(resolveEnterTarget('shop', live, input)).toEqual(expected);
  });
});

describe('enter (fake engine)', () => {
  let t: UnitHost;
  afterEach(() => t.dispose());

  async function deployedApp(options: { stdin?: string; isTTY?: boolean; files?: Record<string, string> } = {}) {
    t = await unitHost(options);
    await storeDeployedRelease(t, 'shop', release([processSpec('web', 1), processSpec('worker', 1)]));
    t.docker.addImage('fake', { files: options.files ?? {} });
    for (const type of ['web', 'worker']) {
      t.docker.addContainer(`shop.${type}.1`, { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy' });
    }
  }

  const enter = (input: Partial<InputOf<typeof schedulerEnter>> = {}) => t.call(schedulerEnter, { app: 'shop', command: [], tty: false, ...input });

  it('runs the command in the container and returns its exit status', async () => {
    await deployedApp({ stdin: 'piped\n' });
    t.docker.onExec = (c, command, stdin) => ({ exitCode: 4, output: `${c.name}: ${command.join(' ')} <${stdin.trim()}>\n` });

    expect(await enter({ processType: 'worker', command: ['sh', '-c', 'cat; exit 4'] })).toEqual({ exitCode: 4 });
    expect(t.stdout()).toBe('shop.worker.1: sh -c cat; exit 4 <piped>\n');
  });

  it('with a TTY the exec gets one and its output passes raw', async () => {
    await deployedApp({ isTTY: true });
    t.docker.onExec = () => ({ exitCode: 0, output: 'prompt$ \r\n' });

    await enter({ processType: 'web', command: ['sh'], tty: true });
    expect(t.docker.calls).toContain('exec shop.web.1 (tty) sh');
    expect(t.stdout()).toBe('prompt$ \r\n');
  });

  it('with a TTY on a terminal the exec gets its size from the start (ConsoleSize)', async () => {
    await deployedApp({ isTTY: true });
    Object.assign(t.host.io.stdout, { isTTY: true, rows: 30, columns: 100 });
    const createExec = jest.spyOn(t.docker, 'createExec');

    await enter({ processType: 'web', command: ['stty', 'size'], tty: true });

    expect(createExec).toHaveBeenCalledWith(expect.any(String), { command: ['stty', 'size'], tty: true, consoleSize: [30, 100] });
  });

  it.each([
    ['bash in the image', '', { '/bin/bash': '' }, '/bin/bash'],
    ['no bash in the image', '', {}, '/bin/sh'],
    ['a configured shell', '/bin/zsh', {}, '/bin/zsh'],
  ])('no command: the app’s shell, %s', async (_name, shell, files, expected) => {
    await deployedApp({ files });
    await t.host.bus.first(propertySet, { plugin: 'scheduler', scope: 'shop', key: 'shell', value: shell });
    await enter({ processType: 'web' });
    expect(t.docker.calls).toContain(`exec shop.web.1 ${expected}`);
  });

  it('a Dokku failure: the warning on stderr, then the error', async () => {
    await deployedApp();
    await expect(enter()).rejects.toMatchObject({ code: ErrorCodes.COMMAND_FAILED, message: 'Available types for app (shop): web worker' });
    expect(t.stderr()).toBe(' !     No container type specified.\n');
  });

  it('an app that was never deployed', async () => {
    t = await unitHost();
    await expect(enter()).rejects.toMatchObject({ code: ErrorCodes.APP_NOT_DEPLOYED, message: 'App shop has not been deployed' });
  });
});
