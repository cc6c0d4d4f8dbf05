import { describe, expect, it } from '@jest/globals';
import { dispatchToScheduler, inspectImage, schedulerDeploy, schedulerIsDeployed, schedulerStop } from '@pier/plugin-api';
import type { ContractRun } from './scheduler-contract.js';

/**
 * `pier deploy <app> <image>` as the CLI runs it, through the app's scheduler selection: first
 * the image (the scheduler's imageInfo, or the documented fallback when it has none, see
 * inspectImage), then the release. A scheduler with only the four required methods must pass.
 */
export function describeDeployPathContract(run: ContractRun): void {
  const { app } = run;

  describe('pier deploy', () => {
    it('can be deployed the way pier deploy does it: image info (its own or the fallback), then the release', async () => {
      const { host, release } = await run.start();

      const { info } = await inspectImage(host.bus, app, release.image, 'deploy');
      await dispatchToScheduler(host.bus, schedulerDeploy, { app, release }, 'deploy');

      expect(typeof info.id).toBe('string');
      expect(await dispatchToScheduler(host.bus, schedulerIsDeployed, { app }, 'deploy')).toBe(true);
      await dispatchToScheduler(host.bus, schedulerStop, { app, removeContainers: true }, 'ps:stop');
    });
  });
}
