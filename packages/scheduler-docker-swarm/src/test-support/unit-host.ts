/**
 * A test host with the scheduler registered against a FakeSwarm and a FakeClock, plus builders
 * for releases. Triggers are called the way the host dispatches them (keyed 'docker-swarm').
 */
import type { InputOf, OutputOf, ProcessSpec, Release, TriggerOfKind } from '@pier/plugin-api';
import { createTestHost, manualInterrupts, type ManualInterrupts, type TestHost } from '@pier/plugin-testkit';
import { schedulerDockerSwarm } from '../plugin.js';
import { FakeClock } from './fake-clock.js';
import { FakeSwarm } from './fake-swarm.js';

export interface UnitHost {
  host: TestHost;
  swarm: FakeSwarm;
  clock: FakeClock;
  interrupts: ManualInterrupts;
  call<T extends TriggerOfKind<'keyed'>>(trigger: T, input: InputOf<T>): Promise<OutputOf<T>>;
  stdout(): string;
  stderr(): string;
  dispose(): void;
}

/** `swarm` (with its clock) shares one fake engine between hosts: two state roots on one swarm. */
export async function unitHost(options: { apps?: string[]; stdin?: string; isTTY?: boolean; swarm?: FakeSwarm; clock?: FakeClock } = {}): Promise<UnitHost> {
  const clock = options.clock ?? new FakeClock();
  const swarm = options.swarm ?? new FakeSwarm(clock);
  const interrupts = manualInterrupts();
  const host = await createTestHost({
    plugins: [schedulerDockerSwarm({ engine: swarm, clock, interrupts, pollMs: 250 })],
    apps: options.apps ?? ['shop'],
    stdin: options.stdin ?? '',
    isTTY: options.isTTY ?? false,
  });
  return {
    host,
    swarm,
    clock,
    interrupts,
    call: (trigger, input) => host.bus.keyed(trigger, 'docker-swarm', input),
    stdout: () => host.io.stdoutText(),
    stderr: () => host.io.stderrText(),
    dispose: () => host.dispose(),
  };
}

export function processSpec(type: string, quantity: number, overrides: Partial<ProcessSpec> = {}): ProcessSpec {
  return { type, quantity, command: `run-${type} --port $PORT`, maxParallel: 1, healthchecks: [], checks: 'enabled', ...overrides };
}

export function release(processes: ProcessSpec[], overrides: Partial<Release> = {}): Release {
  return {
    image: 'shop:1',
    processes,
    env: { SECRET: 'hunter2' },
    restartPolicy: 'on-failure:10',
    stopTimeoutSeconds: 2,
    waitToRetireSeconds: 60,
    defaultUptimeSeconds: 2,
    ...overrides,
  };
}
