import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandRun,
  createOutput,
  createTriggerBus,
  isPierError,
  reportPierError,
  type PierPlugin,
  type TriggerBus,
} from '@pier/plugin-api';
import { fakeAppRegistry, type FakeAppRegistry } from './fake-app-registry.js';
import { fakePropertyStore, type FakePropertyStore } from './fake-property-store.js';
import { createTestIO, type TestIO } from './test-io.js';

export interface TestHostOptions {
  /** The plugins under test, registered in order after the fake services. */
  plugins: PierPlugin[];
  /** Apps that exist from the start (fake registry). Pass `fakeServices: false` to bring real ones. */
  apps?: string[];
  /** Register the in-memory property store and app registry first (default true). */
  fakeServices?: boolean;
  /** Leave out only the fake app registry (when testing a real one); default: fakeServices. */
  fakeApps?: boolean;
  /** Treat the plugins under test as third-party (validate everything they send and return). */
  untrusted?: boolean;
  quiet?: boolean;
  isTTY?: boolean;
  stdin?: string;
  env?: Record<string, string | undefined>;
  /**
   * An existing state root, for several hosts that stand for successive commands on one machine
   * (the caller removes it); default: a fresh temporary root that dispose() removes.
   */
  root?: string;
}

export interface CommandOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface TestHost {
  readonly bus: TriggerBus;
  readonly io: TestIO;
  /** The PIER_ROOT: a temporary one removed by `dispose()`, unless one was given. */
  readonly root: string;
  readonly properties: FakePropertyStore | undefined;
  readonly registry: FakeAppRegistry | undefined;
  /** Runs a command the way the CLI does: a PierError is printed as the CLI prints it (reportPierError) and becomes the exit status. */
  run(command: string, ...args: string[]): Promise<CommandOutcome>;
  dispose(): void;
}

/**
 * A host for plugin tests: a bus in validate-everything mode, output captured in memory, a
 * temporary root and (by default) fake property and app services.
 */
export async function createTestHost(options: TestHostOptions): Promise<TestHost> {
  const bus = createTriggerBus({ validate: 'all' });
  const io = createTestIO({ isTTY: options.isTTY ?? false, stdin: options.stdin ?? '' });
  const log = createOutput(io, { quiet: options.quiet ?? false });
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'pier-test-'));
  const env = options.env ?? {};
  const withFakes = options.fakeServices ?? true;
  const properties = withFakes ? fakePropertyStore() : undefined;
  const registry = (options.fakeApps ?? withFakes) ? fakeAppRegistry(options.apps ?? []) : undefined;

  const services = [properties?.plugin, registry?.plugin].filter((p): p is PierPlugin => p !== undefined);
  for (const plugin of services) {
    await plugin.register({ bus: bus.scoped({ plugin: plugin.name, trusted: true }), log, io, root, env });
  }
  for (const plugin of options.plugins) {
    const scoped = bus.scoped({ plugin: plugin.name, trusted: !options.untrusted });
    await plugin.register({ bus: scoped, log, io, root, env });
  }

  return {
    bus,
    io,
    root,
    properties,
    registry,
    async run(command, ...args) {
      io.clear();
      let exitCode = 0;
      try {
        const result = await bus.keyed(commandRun, command, { command, args, force: false });
        exitCode = result?.exitCode ?? 0;
      } catch (error) {
        if (!isPierError(error)) throw error;
        // As the CLI prints it (nothing more for an error whose message was printed already).
        exitCode = reportPierError(error, log);
      }
      return { exitCode, stdout: io.stdoutText(), stderr: io.stderrText() };
    },
    dispose() {
      if (options.root === undefined) rmSync(root, { recursive: true, force: true });
    },
  };
}
