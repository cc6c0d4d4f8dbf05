import { afterEach, describe } from '@jest/globals';
import type { PierPlugin, Release } from '@pier/plugin-api';
import { describeCapabilityContract } from './contract-capabilities.js';
import type { SchedulerMethod, SchedulerMethodInput } from './contract-inputs.js';
import { describeDeployPathContract } from './contract-deploy-path.js';
import { describeManifestContract } from './contract-manifest.js';
import { describeLifecycleContract } from './contract-lifecycle.js';
import { describeRegistrationContract } from './contract-registration.js';
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
  /**
   * Inputs for the capability check, by method, replacing the suite's defaults (see
   * contractInputs), e.g. a command your fake engine knows: `{ run: (app) => ({ ... }) }`.
   */
  capabilityInputs?: { [M in SchedulerMethod]?: (app: string, release: Release) => SchedulerMethodInput<M> };
  /**
   * The package's package.json, e.g. `new URL('../package.json', import.meta.url)`: its `"pier"`
   * manifest is then checked the way `pier plugin:install` checks it, with its messages (valid,
   * kind scheduler naming the scheduler the code registers, plugin name = package name).
   */
  packageJson?: string | URL;
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

/** What each part of the suite gets: a way to start a fresh host with the scheduler registered. */
export interface ContractRun {
  readonly scheduler: string;
  readonly options: SchedulerContractOptions;
  /** The app every test starts with (it exists, nothing is deployed). */
  readonly app: string;
  start(): Promise<{ host: TestHost; plugin: PierPlugin; release: Release }>;
}

/**
 * The contract every Pier scheduler passes, first- or third-party. It registers the scheduler in
 * a test host that validates every trigger input and output against the plugin-api schemas, and
 * checks: registration under its name, schema-valid answers from every capability it
 * implements, the documented error for every capability it lacks, `pier deploy`'s path (image
 * info or its fallback, then the release), and the app lifecycle
 * (deploy/stop, destroy, rename, clone) leaving nothing of an app behind.
 */
export function describeSchedulerContract(
  scheduler: string,
  subject: () => SchedulerContractSubject | Promise<SchedulerContractSubject>,
  options: SchedulerContractOptions,
): void {
  describe(`scheduler contract: ${scheduler}`, () => {
    let host: TestHost | undefined;
    let current: SchedulerContractSubject | undefined;

    const run: ContractRun = {
      scheduler,
      options,
      app: 'contract-app',
      async start() {
        current = await subject();
        host = await createTestHost({
          plugins: [fixedSchedulerSelection(scheduler), current.plugin],
          apps: [run.app],
          untrusted: options.untrusted ?? true,
        });
        return { host, plugin: current.plugin, release: current.release ?? contractRelease() };
      },
    };

    afterEach(async () => {
      await current?.cleanup?.();
      host?.dispose();
      host = undefined;
      current = undefined;
    });

    describeRegistrationContract(run);
    describeManifestContract(run);
    describeCapabilityContract(run);
    describeDeployPathContract(run);
    describeLifecycleContract(run);
  });
}
