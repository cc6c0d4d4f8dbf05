import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, schedulerLogs, schedulerRunLogs, type InputOf } from '@pier/plugin-api';
import { streamLogs } from './log-stream.js';
import type { Runtime } from './runtime.js';
import { engineTimestamp } from './test-support/fake-streams.js';
import { settle, slowWritable } from './test-support/slow-writable.js';
import { processSpec, release, storeDeployedRelease, unitHost, type UnitHost } from './test-support/unit-host.js';

let t: UnitHost;
afterEach(() => t.dispose());

const deployLabels = (type: string, index: number) => ({
  'com.dokku.app-name': 'shop',
  'com.dokku.container-type': 'deploy',
  'com.dokku.process-type': type,
  'com.dokku.dyno': `${type}.${index}`,
});

/** A deployed app with web.1, web.2 and worker.1, each having written two lines (worker one on stderr). */
async function deployedApp() {
  t = await unitHost();
  await storeDeployedRelease(t, 'shop', release([processSpec('web', 2), processSpec('worker', 1)]));
  for (const [type, index] of [['web', 1], ['web', 2], ['worker', 1]] as const) {
    const c = t.docker.addContainer(`shop.${type}.${index}`, deployLabels(type, index));
    t.docker.writeLog(c, `${type}.${index} first\n`);
    t.docker.writeLog(c, `${type}.${index} second\n`, type === 'worker' ? 'stderr' : 'stdout');
  }
  // Leftovers of deploys are not the app's processes.
  t.docker.addContainer('shop.web.1.1700000000', deployLabels('web', 1), 'exited');
}

const ts = engineTimestamp(Date.UTC(2025, 0, 1));
type LogsInput = InputOf<typeof schedulerLogs>;
const logs = (input: Partial<LogsInput> = {}) => t.call(schedulerLogs, { app: 'shop', follow: false, num: 100, quiet: false, ...input });
const sortedLines = () => t.stdout().split('\n').filter(Boolean).sort();

describe('logs (fake engine)', () => {
  it('prefixes every line of every live container with its timestamp and dyno', async () => {
    await deployedApp();
    await logs();
    expect(sortedLines()).toEqual(
      ['web.1 first', 'web.1 second', 'web.2 first', 'web.2 second', 'worker.1 first', 'worker.1 second'].map(
        (text) => `${ts} app[${text.split(' ')[0]}]: ${text}`,
      ),
    );
    // Line by line: a container's lines stay in order.
    expect(t.stdout().split('\n').filter((l) => l.includes('web.2'))).toEqual([`${ts} app[web.2]: web.2 first`, `${ts} app[web.2]: web.2 second`]);
  });

  it('colours each container’s prefix, cycling by position, only when asked to', async () => {
    await deployedApp();
    await logs({ color: true, num: 1 });
    expect(sortedLines()).toEqual([
      `\x1b[32m${ts} app[worker.1]:\x1b[0m worker.1 second`,
      `\x1b[33m${ts} app[web.2]:\x1b[0m web.2 second`,
      `\x1b[36m${ts} app[web.1]:\x1b[0m web.1 second`,
    ]);
  });

  it.each([
    ['worker', ['worker.1 first', 'worker.1 second']],
    ['web.1', []],
    ['nope', []],
  ])('process type %s', async (processType, texts) => {
    await deployedApp();
    await logs({ processType, quiet: true });
    expect(sortedLines()).toEqual(texts);
  });

  it('quiet: raw lines, the last `num` of each container', async () => {
    await deployedApp();
    await logs({ quiet: true, num: 1 });
    expect(sortedLines()).toEqual(['web.1 second', 'web.2 second', 'worker.1 second']);
  });

  it('no containers: no output, no error', async () => {
    t = await unitHost();
    await storeDeployedRelease(t, 'shop', release([]));
    await logs();
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('');
  });

  it('an app that was never deployed', async () => {
    t = await unitHost();
    await expect(logs()).rejects.toMatchObject({ code: ErrorCodes.APP_NOT_DEPLOYED, message: 'App shop has not been deployed' });
  });
});

describe('logs --tail (fake engine)', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('prints new lines as they come and ends when the containers stop', async () => {
    await deployedApp();
    const following = logs({ follow: true, num: 0, processType: 'web', quiet: true });
    await tick();
    t.docker.writeLog(t.docker.byName('shop.web.2')!, 'late line\n');
    await tick();
    expect(t.stdout()).toBe('late line\n');
    await t.docker.stopContainer('shop.web.1', 1);
    await t.docker.stopContainer('shop.web.2', 1);
    await following;
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('ends cleanly on an interrupt', async () => {
    await deployedApp();
    const following = logs({ follow: true, num: 1 });
    await tick();
    expect(t.interrupts.subscribers).toBe(1);
    t.interrupts.interrupt();
    await following;
    expect(sortedLines()).toHaveLength(3);
    expect(t.stderr()).toBe('');
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('quiet: output without a newline (a prompt) is printed at once, raw', async () => {
    await deployedApp();
    const following = logs({ follow: true, num: 0, processType: 'worker', quiet: true });
    await tick();

    t.docker.writeLog(t.docker.byName('shop.worker.1')!, 'Continue? [y/N] ');
    await tick();

    expect(t.stdout()).toBe('Continue? [y/N] ');
    t.interrupts.interrupt();
    await following;
  });

  it('prefixed: a line still waiting for its newline is printed when the user interrupts', async () => {
    await deployedApp();
    const following = logs({ follow: true, num: 0, processType: 'worker' });
    await tick();
    t.docker.writeLog(t.docker.byName('shop.worker.1')!, 'half a line');
    await tick();
    expect(t.stdout()).toBe('');

    t.interrupts.interrupt();
    await following;

    expect(t.stdout()).toBe(`${ts} app[worker.1]: half a line\n`);
  });

  it('ends when stdout goes away (`pier logs --tail app | head`)', async () => {
    await deployedApp();
    const following = logs({ follow: true, num: 1 });
    await tick();
    t.host.io.stdout.destroy();
    await following;
    expect(t.interrupts.subscribers).toBe(0);
  });
});

describe('run:logs (fake engine)', () => {
  const runLabels = { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'run' };
  const runLogs = (input: Partial<InputOf<typeof schedulerRunLogs>> = {}) =>
    t.call(schedulerRunLogs, { app: 'shop', follow: false, num: 100, quiet: false, ...input });

  async function withRunContainers() {
    t = await unitHost();
    t.docker.writeLog(t.docker.addContainer('shop.run.12345', runLabels, 'exited'), 'job one\n');
    t.docker.writeLog(t.docker.addContainer('shop.run.777', runLabels), 'job two\n');
    t.docker.writeLog(t.docker.addContainer('other.run.1', { ...runLabels, 'com.dokku.app-name': 'other' }), 'not ours\n');
  }

  it('every run container of the app, exited ones too, labelled with the run number', async () => {
    await withRunContainers();
    await runLogs();
    expect(sortedLines()).toEqual([`${ts} app[12345]: job one`, `${ts} app[777]: job two`]);
  });

  it('one named container', async () => {
    await withRunContainers();
    await runLogs({ container: 'shop.run.777', color: true });
    expect(t.stdout()).toBe(`\x1b[36m${ts} app[777]:\x1b[0m job two\n`);
  });

  it.each(['shop.run.404', 'other.run.1'])('a container that is not one of the app’s run containers: %s', async (container) => {
    await withRunContainers();
    await expect(runLogs({ container })).rejects.toThrow(`No such container: ${container}`);
  });
});

describe('log output and a slow reader', () => {
  it('pauses the engine streams with one drain listener, and prints every line', async () => {
    await deployedApp();
    const out = slowWritable(64);
    const worker = t.docker.byName('shop.worker.1')!;
    for (let i = 0; i < 500; i++) t.docker.writeLog(worker, `line ${i}\n`);
    const rt = { docker: t.docker, io: { ...t.host.io, stdout: out.stream }, log: { warn: () => {} }, interrupts: t.interrupts } as unknown as Runtime;
    const target = { id: worker.id, dyno: 'worker.1', tty: false };

    const done = streamLogs(rt, [target], { follow: false, num: 'all', quiet: true, color: false });
    let maxListeners = 0;
    while (!out.text().includes('line 499\n')) {
      maxListeners = Math.max(maxListeners, out.stream.listenerCount('drain'));
      out.release();
      await settle();
    }
    await done;

    expect(maxListeners).toBe(1);
    expect(out.text().split('\n').filter(Boolean)).toHaveLength(502);
  });
});

