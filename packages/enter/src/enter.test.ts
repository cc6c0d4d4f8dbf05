import { afterEach, describe, expect, it } from '@jest/globals';
import { createTestHost, fixedSchedulerSelection, recordingScheduler, type RecordingScheduler, type TestHost } from '@pier/plugin-testkit';
import { parseEnterArgs } from './parse-enter-args.js';
import { enter } from './plugin.js';

describe('parseEnterArgs', () => {
  it.each([
    [['blog'], { app: 'blog', command: [] }],
    [['blog', 'web'], { app: 'blog', processType: 'web', command: [] }],
    [['blog', 'web.2', 'ls', '-la'], { app: 'blog', processType: 'web.2', command: ['ls', '-la'] }],
    [['blog', 'web', '--', 'ls', '-la'], { app: 'blog', processType: 'web', command: ['ls', '-la'] }],
    [['blog', '--', 'env'], { app: 'blog', command: ['env'] }],
    [['blog', '--container-id', 'abc123', 'env'], { app: 'blog', containerId: 'abc123', command: ['env'] }],
    [['blog', '--container-id=abc123', '--', 'env'], { app: 'blog', containerId: 'abc123', command: ['env'] }],
  ])('%j', (args, expected) => {
    expect(parseEnterArgs(args)).toEqual(expected);
  });

  it('needs a value after --container-id and refuses other flags in the type position', () => {
    expect(() => parseEnterArgs(['blog', '--container-id'])).toThrow('flag --container-id needs a value');
    expect(() => parseEnterArgs(['blog', '--colour'])).toThrow('unknown flag: --colour');
  });
});

describe('enter command', () => {
  let host: TestHost;
  let scheduler: RecordingScheduler;
  afterEach(() => host.dispose());

  async function setup(extra = true, isTTY = false) {
    scheduler = recordingScheduler('docker-local', extra ? { enter: () => ({ exitCode: 42 }) } : {});
    host = await createTestHost({ plugins: [enter(), fixedSchedulerSelection('docker-local'), scheduler.plugin], apps: ['blog'], isTTY });
  }

  it('passes type, command and TTY to the scheduler and its exit status back', async () => {
    await setup(true, true);

    expect(await host.run('enter', 'blog', 'web', 'sh', '-c', 'exit 42')).toEqual({ exitCode: 42, stdout: '', stderr: '' });
    expect(scheduler.calls).toEqual([{ method: 'enter', input: { app: 'blog', processType: 'web', command: ['sh', '-c', 'exit 42'], tty: true } }]);
  });

  it('checks the app first', async () => {
    await setup();

    expect(await host.run('enter', 'nope')).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
    expect(await host.run('enter')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Please specify an app to run the command on\n' });
  });

  it('names the scheduler when it cannot enter processes', async () => {
    await setup(false);

    expect(await host.run('enter', 'blog', 'web')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Scheduler docker-local does not support enter\n' });
  });
});
