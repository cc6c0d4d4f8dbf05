/** What the scheduler's operations share: the engine, output, streams, state root, time and interrupts. */
import type { Output, PluginIO, TriggerBus, InterruptSource } from '@pier/plugin-api';
import type { Clock } from '@pier/plugin-api';
import type { SwarmPort } from './swarm-port.js';

export interface Runtime {
  engine: SwarmPort;
  log: Output;
  /** Raw streams for logs, enter and attached runs. */
  io: PluginIO;
  /** Properties (this plugin's, and the scheduler plugin's shell). */
  bus: TriggerBus;
  /** The state root: its absolute path labels every service this Pier creates. */
  root: string;
  clock: Clock;
  interrupts: InterruptSource;
  /** How often a rollout is looked at while it converges. */
  pollMs: number;
}
