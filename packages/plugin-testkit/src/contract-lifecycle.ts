import { describe, expect, it } from '@jest/globals';
import { schedulerTriggers, type AppStatus, type Release } from '@pier/plugin-api';
import { appLifecycle } from './app-lifecycle.js';
import { pathsNaming } from './paths-naming.js';
import type { ContractRun } from './scheduler-contract.js';
import type { TestHost } from './test-host.js';

const forgotten: AppStatus = { processes: 0, running: 'false', containers: [] };

/**
 * Deploy/stop and the app lifecycle as `@pier/apps` drives it. For a scheduler that tracks
 * deployments, a destroyed (or renamed-away) app must be gone: not deployed, no processes, and no
 * file or directory under the state root named after it.
 */
export function describeLifecycleContract(run: ContractRun): void {
  const { scheduler, app, options } = run;
  const tracks = options.tracksDeployments;

  const call = {
    deploy: (host: TestHost, target: string, release: Release) =>
      host.bus.keyed(schedulerTriggers.deploy, scheduler, { app: target, release }),
    status: (host: TestHost, target: string) => host.bus.keyed(schedulerTriggers.appStatus, scheduler, { app: target }),
    deployed: (host: TestHost, target: string) => host.bus.keyed(schedulerTriggers.isDeployed, scheduler, { app: target }),
  };

  /** Nothing of `target` may remain (only checked for schedulers that track deployments). */
  async function expectGone(host: TestHost, target: string) {
    if (!tracks) return;
    expect({ deployed: await call.deployed(host, target), status: await call.status(host, target) }).toEqual({
      deployed: false,
      status: forgotten,
    });
    expect(pathsNaming(host.root, target)).toEqual([]);
  }

  describe('app lifecycle', () => {
    it('reports an app it never deployed with valid status values', async () => {
      const { host } = await run.start();

      const status = await call.status(host, app);

      expect(['true', 'false', 'mixed']).toContain(status.running);
      if (tracks) {
        expect(await call.deployed(host, app)).toBe(false);
        expect(status).toEqual(forgotten);
      }
    });

    it('deploys a release, reports it running, and reports it stopped after stop', async () => {
      const { host, release } = await run.start();

      await call.deploy(host, app, release);
      expect(await call.deployed(host, app)).toBe(true);
      const running = await call.status(host, app);
      await host.bus.keyed(schedulerTriggers.stop, scheduler, { app, removeContainers: false });
      const stopped = await call.status(host, app);

      if (tracks) {
        expect(running.processes).toBe(1);
        expect(running.running).toBe('true');
        expect(running.containers.map((c) => c.dyno)).toEqual(['web.1']);
        expect(stopped.running).toBe('false');
      }
    });

    it('forgets an app it was told to destroy (stop, post-delete, app:post-delete, retire)', async () => {
      const { host, release } = await run.start();
      await call.deploy(host, app, release);

      await appLifecycle(host).destroy(app);

      await expectGone(host, app);
    });

    it('follows a rename: the new app deploys, nothing of the old app remains', async () => {
      const { host, release } = await run.start();
      await call.deploy(host, app, release);

      await appLifecycle(host).rename(app, 'contract-renamed');
      await call.deploy(host, 'contract-renamed', release);

      expect(await call.deployed(host, 'contract-renamed')).toBe(true);
      await expectGone(host, app);
    });

    it('follows a clone: the clone is independent, destroying it leaves the source running', async () => {
      const { host, release } = await run.start();
      await call.deploy(host, app, release);
      const before = await call.status(host, app);

      await appLifecycle(host).clone(app, 'contract-clone');
      await call.deploy(host, 'contract-clone', release);
      expect(await call.deployed(host, 'contract-clone')).toBe(true);
      await appLifecycle(host).destroy('contract-clone');

      expect(await call.deployed(host, app)).toBe(true);
      expect(await call.status(host, app)).toEqual(before);
      await expectGone(host, 'contract-clone');
    });
  });
}
