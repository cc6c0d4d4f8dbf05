/**
 * Real engine, network mode `none`: `logs` over the engine's multiplexed, timestamped streams,
 * and `logs --tail` ending when the containers stop or on an interrupt.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { schedulerDeploy, schedulerLogs, schedulerStop, type InputOf } from '@pier/plugin-api';
import { describeDocker, dockerFixture } from './test-support/docker-fixture.js';
import { manualInterrupts } from '@pier/plugin-testkit';
import { processSpec } from './test-support/unit-host.js';

const fixture = dockerFixture('pier-dl-logs');
const app = `${fixture.prefix}-app`;
const interrupts = manualInterrupts();
let host: Awaited<ReturnType<typeof fixture.host>>;

const TS = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z';
const logs = (input: Partial<InputOf<typeof schedulerLogs>> = {}) => {
  host.io.clear();
  return host.call(schedulerLogs, { app, follow: false, num: 100, quiet: false, ...input });
};
const lines = () => host.io.stdoutText().split('\n').filter(Boolean);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeDocker('logs on a real engine', () => {
  beforeAll(async () => {
    const image = await fixture.buildImage('1', {});
    host = await fixture.host([app], 'none', { interrupts });
    await host.call(schedulerDeploy, {
      app,
      release: {
        image,
        processes: [
          processSpec('web', 2, { command: `sh -c 'echo "web $DYNO up"; exec sleep 3600'` }),
          processSpec('worker', 1, { command: `sh -c 'echo "worker out"; echo "worker err" >&2; exec sleep 3600'` }),
        ],
        env: {},
        restartPolicy: 'no',
        stopTimeoutSeconds: 1,
        waitToRetireSeconds: 0,
        defaultUptimeSeconds: 0,
      },
    });
  }, 120_000);
  afterAll(() => fixture.cleanup(), 60_000);

  it('every process, each line prefixed with its timestamp and dyno, stderr included', async () => {
    // The processes write their lines as they start; give a slow engine a moment.
    for (let i = 0; i < 20 && (await logs(), lines().length < 4); i++) await sleep(100);
    expect(lines().map((line) => line.replace(new RegExp(`^${TS} `), 'TS ')).sort()).toEqual([
      'TS app[web.1]: web web.1 up',
      'TS app[web.2]: web web.2 up',
      'TS app[worker.1]: worker err',
      'TS app[worker.1]: worker out',
    ]);
  }, 30_000);

  it('coloured per container when asked', async () => {
    await logs({ color: true, processType: 'web' });
    expect(lines().sort()).toEqual([
      expect.stringMatching(new RegExp(`^\\x1b\\[33m${TS} app\\[web\\.2\\]:\\x1b\\[0m web web\\.2 up$`)),
      expect.stringMatching(new RegExp(`^\\x1b\\[36m${TS} app\\[web\\.1\\]:\\x1b\\[0m web web\\.1 up$`)),
    ]);
  }, 30_000);

  it('one process type; `web.1` matches nothing; quiet gives raw lines', async () => {
    await logs({ processType: 'worker', quiet: true });
    expect(lines().sort()).toEqual(['worker err', 'worker out']);
    await logs({ processType: 'web.1' });
    expect(host.io.stdoutText()).toBe('');
  }, 30_000);

  it('--tail ends on an interrupt', async () => {
    const following = logs({ follow: true, processType: 'web', quiet: true });
    await sleep(500);
    expect(interrupts.subscribers).toBe(1);
    interrupts.interrupt();
    await following;
    expect(lines().sort()).toEqual(['web web.1 up', 'web web.2 up']);
    expect(host.io.stderrText()).toBe('');
    expect(interrupts.subscribers).toBe(0);
  }, 30_000);

  it('--tail ends by itself when the containers stop', async () => {
    const following = logs({ follow: true, processType: 'worker', num: 1, quiet: true });
    await sleep(300);
    await host.call(schedulerStop, { app, removeContainers: false, processType: 'worker' });
    await following;
    expect(lines()).toHaveLength(1);
    expect(interrupts.subscribers).toBe(0);
  }, 30_000);
});
