import { afterEach, describe, expect, it } from '@jest/globals';
import {
  ErrorCodes,
  dispatchToScheduler,
  requiredSchedulerMethods,
  schedulerInfo,
  schedulerTriggers,
  type PierPlugin,
  type Release,
  type SchedulerImplementation,
} from '@pier/plugin-api';
import { fixedSchedulerSelection } from './recording-scheduler.js';
import { createTestHost, type TestHost } from './test-host.js';

export interface SchedulerContractSubject {
  /** A fresh instance of the scheduler plugin (with fakes injected where it needs an engine). */
  plugin: PierPlugin;
  /** A release the scheduler can deploy in this test setting. */
  release?: Release;
  /** Runs after each test (e.g. removing containers the scheduler created). */
  cleanup?: () => Promise<void> | void;
}

export interface SchedulerContractOptions {
  /**
   * Whether deploy/stop/post-delete change what isDeployed and appStatus report. False for
   * schedulers that manage nothing (null reports `1 true` forever).
   */
  tracksDeployments: boolean;
  /** Treat the plugin as a third-party one (default true): every input and output is validated. */
  untrusted?: boolean;
}

export const contractRelease = (image = 'contract-test:latest'): Release => ({
  image,
  processes: [{ type: 'web', quantity: 1, command: null, maxParallel: 1, healthchecks: [], checks: 'skipped' }],
  env: {},
  restartPolicy: 'on-failure:10',
  stopTimeoutSeconds: 1,
  waitToRetireSeconds: 0,
  defaultUptimeSeconds: 0,
});

type Method = keyof SchedulerImplementation;
const optionalMethods = (Object.keys(schedulerTriggers) as Method[]).filter(
  (m) => !(requiredSchedulerMethods as readonly string[]).includes(m),
);

/**
 * The contract every Pier scheduler passes, first- or third-party. It registers the scheduler in
 * a test host that validates every trigger input and output against the plugin-api schemas.
 */
export function describeSchedulerContract(
  scheduler: string,
  subject: () => SchedulerContractSubject | Promise<SchedulerContractSubject>,
  options: SchedulerContractOptions,
): void {
  describe(`scheduler contract: ${scheduler}`, () => {
    let host: TestHost | undefined;
    let current: SchedulerContractSubject | undefined;
    const app = 'contract-app';

    async function start(): Promise<TestHost> {
      current = await subject();
      host = await createTestHost({
        plugins: [fixedSchedulerSelection(scheduler), current.plugin],
        apps: [app],
        untrusted: options.untrusted ?? true,
      });
      return host;
    }
    const release = () => current?.release ?? contractRelease();

    afterEach(async () => {
      await current?.cleanup?.();
      host?.dispose();
      host = undefined;
    });

    it(`registers as "${scheduler}" with its package name`, async () => {
      const { bus } = await start();

      expect(bus.keys(schedulerInfo)).toContain(scheduler);
      const info = await bus.keyed(schedulerInfo, scheduler, {});
      expect(info.plugin).toBe(current?.plugin.name);
      expect(info.description.length).toBeGreaterThan(0);
    });

    it('implements the required methods: deploy, stop, appStatus, isDeployed', async () => {
      const { bus } = await start();

      for (const method of requiredSchedulerMethods) {
        expect({ method, keys: bus.keys(schedulerTriggers[method]) }).toEqual({ method, keys: [scheduler] });
      }
    });

    it('reports an app it never deployed with valid status values', async () => {
      const { bus } = await start();

      const status = await bus.keyed(schedulerTriggers.appStatus, scheduler, { app });
      const deployed = await bus.keyed(schedulerTriggers.isDeployed, scheduler, { app });

      expect(['true', 'false', 'mixed']).toContain(status.running);
      if (options.tracksDeployments) {
        expect(deployed).toBe(false);
        expect(status).toEqual({ processes: 0, running: 'false', containers: [] });
      }
    });

    it('deploys a release, reports it, stops it and forgets it after post-delete', async () => {
      const { bus } = await start();

      await bus.keyed(schedulerTriggers.deploy, scheduler, { app, release: release() });
      expect(await bus.keyed(schedulerTriggers.isDeployed, scheduler, { app })).toBe(true);
      const status = await bus.keyed(schedulerTriggers.appStatus, scheduler, { app });
      if (options.tracksDeployments) {
        expect(status.processes).toBe(1);
        expect(status.containers.map((c) => c.dyno)).toEqual(['web.1']);
      }

      await bus.keyed(schedulerTriggers.stop, scheduler, { app, removeContainers: true });
      if (bus.keys(schedulerTriggers.postDelete).includes(scheduler)) {
        await bus.keyed(schedulerTriggers.postDelete, scheduler, { app });
      }
      if (options.tracksDeployments) {
        expect(await bus.keyed(schedulerTriggers.isDeployed, scheduler, { app })).toBe(false);
      }
    });

    it('fails every capability it lacks with an error naming the scheduler and the command', async () => {
      const { bus } = await start();
      const missing = optionalMethods.filter((m) => !bus.keys(schedulerTriggers[m]).includes(scheduler));

      for (const method of missing) {
        const trigger = schedulerTriggers[method];
        const attempt = dispatchToScheduler(bus, trigger, { app } as never, `test:${method}`);
        await expect(attempt).rejects.toMatchObject({
          code: ErrorCodes.SCHEDULER_UNSUPPORTED,
          message: `Scheduler ${scheduler} does not support test:${method}`,
        });
      }
    });
  });
}
