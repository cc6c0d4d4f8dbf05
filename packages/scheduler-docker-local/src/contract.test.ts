/**
 * The scheduler contract every Pier scheduler passes (plugin-testkit), run against docker-local
 * with the fake engine: registration, schema-valid answers from every capability (run, logs,
 * enter, … included) and the app lifecycle.
 */
import { contractRelease, describeSchedulerContract } from '@pier/plugin-testkit/contract';
import { manualInterrupts } from '@pier/plugin-testkit';
import { schedulerDockerLocal } from './plugin.js';
import { FakeClock, FakeDocker } from './test-support/fake-docker.js';
import { deadProbes } from './test-support/unit-host.js';

describeSchedulerContract(
  'docker-local',
  () => {
    const clock = new FakeClock();
    const docker = new FakeDocker(clock);
    const release = contractRelease();
    docker.addImage(release.image);
    return { plugin: schedulerDockerLocal({ docker, clock, probes: deadProbes, interrupts: manualInterrupts() }), release };
  },
  { tracksDeployments: true },
);
