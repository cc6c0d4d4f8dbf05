/**
 * A test host with the scheduler registered against a FakeDocker and a FakeClock, plus builders
 * for releases. Triggers are called the way the host dispatches them (keyed 'docker-local').
 */
import { schedulerDeploy, type InputOf, type OutputOf, type ProcessSpec, type Release, type TriggerOfKind } from '@pier/plugin-api';
import { createTestHost, manualInterrupts, type ManualInterrupts, type TestHost } from '@pier/plugin-testkit';
import { schedulerDockerLocal } from '../plugin.js';
import type { Probes } from '../probes.js';
import type { RetireJob } from '../retire-job.js';
import { writeStoredRelease } from '../state-files.js';
import { FakeClock, FakeDocker, type FakeImage } from './fake-docker.js';

export interface UnitHost {
  host: TestHost;
  docker: FakeDocker;
  clock: FakeClock;
  interrupts: ManualInterrupts;
  /** The background retire jobs deploys started (recorded, not run). */
  retireJobs: RetireJob[];
  call<T extends TriggerOfKind<'keyed'>>(trigger: T, input: InputOf<T>): Promise<OutputOf<T>>;
  stdout(): string;
  stderr(): string;
  dispose(): void;
}

/** Probes that find nothing listening (fake containers never listen). */
export const deadProbes: Probes = {
  http: async () => {
    throw new Error('connect ECONNREFUSED');
  },
  tcp: async () => {
    throw new Error('connect ECONNREFUSED');
  },
};

export interface UnitHostOptions {
  apps?: string[];
  probes?: Probes;
  /** The caller's stdin (ended), terminal and --quiet. */
  stdin?: string;
  isTTY?: boolean;
  quiet?: boolean;
}

export async function unitHost(options: UnitHostOptions = {}): Promise<UnitHost> {
  const clock = new FakeClock();
  const docker = new FakeDocker(clock);
  const interrupts = manualInterrupts();
  const retireJobs: RetireJob[] = [];
  const host = await createTestHost({
    plugins: [schedulerDockerLocal({ docker, clock, probes: options.probes ?? deadProbes, interrupts, retireLauncher: (job) => void retireJobs.push(job) })],
    apps: options.apps ?? ['shop'],
    stdin: options.stdin ?? '',
    isTTY: options.isTTY ?? false,
    quiet: options.quiet ?? false,
  });
  return {
    host,
    docker,
    clock,
    interrupts,
    retireJobs,
    call: (trigger, input) => host.bus.keyed(trigger, 'docker-local', input),
    stdout: () => host.io.stdoutText(),
    stderr: () => host.io.stderrText(),
    dispose: () => host.dispose(),
  };
}

export type ShopHost = UnitHost & { deploy(release: Release, processType?: string): Promise<void> };

/** A unit host whose engine has the images shop:1 and shop:2, and a deploy of the app shop. */
export async function shopHost(options: UnitHostOptions = {}): Promise<ShopHost> {
  const u = await unitHost(options);
  u.docker.addImage('shop:1');
  u.docker.addImage('shop:2');
  const deploy = (r: Release, processType?: string) =>
    u.call(schedulerDeploy, { app: 'shop', release: r, ...(processType === undefined ? {} : { processType }) });
  return Object.assign(u, { deploy });
}

export function processSpec(type: string, quantity: number, overrides: Partial<ProcessSpec> = {}): ProcessSpec {
  return { type, quantity, command: `run-${type}`, maxParallel: 1, healthchecks: [], checks: 'enabled', ...overrides };
}

export function release(processes: ProcessSpec[], overrides: Partial<Release> = {}): Release {
  return {
    image: 'shop:1',
    processes,
    env: { SECRET: 'hunter2' },
    restartPolicy: 'on-failure:10',
    stopTimeoutSeconds: 2,
    waitToRetireSeconds: 60,
    defaultUptimeSeconds: 0,
    ...overrides,
  };
}

/** What a successful deploy leaves behind for one-off containers: the image and the stored release. */
export async function storeDeployedRelease(u: UnitHost, app: string, deployedRelease: Release, image: Partial<FakeImage> = {}): Promise<FakeImage> {
  const added = u.docker.addImage(deployedRelease.image, image);
  await writeStoredRelease(u.host.root, { app, release: deployedRelease, imageId: added.id, deployedAt: new Date(u.clock.now()).toISOString() });
  return added;
}
