/**
 * The rollout settings of a service, explicit rather than Swarm's defaults (stop-first and
 * pause, which peers learned to override): replace `max_parallel` tasks at a time, start the new
 * task before stopping the old one, and roll back on the first failure. Two exceptions use
 * stop-first: checks disabled (Dokku then stops the old containers first), and the host network,
 * where an old and a new task of a slot would fight over the same port.
 */
import type { ProcessSpec } from '@pier/plugin-api';
import { seconds, type RolloutConfig } from './service-spec-types.js';

export function rolloutOrder(process: ProcessSpec, networkMode: string): RolloutConfig['Order'] {
  return process.checks === 'disabled' || networkMode === 'host' ? 'stop-first' : 'start-first';
}

export function rolloutConfigs(process: ProcessSpec, networkMode: string, monitorSeconds: number): { UpdateConfig: RolloutConfig; RollbackConfig: RolloutConfig } {
  const update: RolloutConfig = {
    Parallelism: process.maxParallel,
    Delay: 0,
    FailureAction: 'rollback',
    Monitor: seconds(monitorSeconds),
    // Any failed task fails the rollout.
    MaxFailureRatio: 0,
    Order: rolloutOrder(process, networkMode),
  };
  // A rollback that fails cannot roll back again: it pauses, and the deploy says so.
  return { UpdateConfig: update, RollbackConfig: { ...update, FailureAction: 'pause' } };
}
