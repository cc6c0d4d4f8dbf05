/**
 * The scheduler contract every Pier scheduler passes (plugin-testkit), run against docker-swarm
 * with the fake swarm: registration and the package manifest, schema-valid answers from every
 * capability it has (run and run:* included), the documented error for those it lacks, and the app
 * lifecycle.
 */
import { contractRelease, describeSchedulerContract } from '@pier/plugin-testkit/contract';
import { manualInterrupts } from '@pier/plugin-testkit';
import { schedulerDockerSwarm } from './plugin.js';
import { FakeClock } from './test-support/fake-clock.js';
import { FakeSwarm } from './test-support/fake-swarm.js';

describeSchedulerContract(
  'docker-swarm',
  () => {
    const clock = new FakeClock();
    const swarm = new FakeSwarm(clock);
    const release = contractRelease();
    swarm.addImage(release.image);
    return { plugin: schedulerDockerSwarm({ engine: swarm, clock, interrupts: manualInterrupts(), pollMs: 250 }), release };
  },
  // The "pier" manifest must name what the code registers, as plugin:install checks it.
  { tracksDeployments: true, packageJson: new URL('../package.json', import.meta.url) },
);
