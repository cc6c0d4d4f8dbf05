import { describe, expect, it } from '@jest/globals';
import { rolloutJudge, type RolloutWatch } from './rollout-judge.js';
import type { ServiceSummary, TaskSummary, UpdateStatus } from './swarm-port.js';

const watch = (overrides: Partial<RolloutWatch> = {}): RolloutWatch => ({
  type: 'web',
  deployId: 'new',
  replicas: 2,
  rolling: true,
  previousUpdateStart: 'T0',
  monitorMs: 1_000,
  ...overrides,
});
const service = (updateStatus: UpdateStatus | null) => ({ updateStatus }) as ServiceSummary;
const task = (id: string, deployId: string, state: string, extra: Partial<TaskSummary> = {}) =>
  ({ id, slot: Number(id.slice(-1)), deployId, state, desiredState: 'running', error: '', message: '', ...extra }) as TaskSummary;
const running = [task('n1', 'new', 'running'), task('n2', 'new', 'running')];

describe('rolloutJudge', () => {
  it('a rolling update ignores the status of the previous update and waits for its own', () => {
    const judge = rolloutJudge(watch());
    expect(judge.observe(service({ state: 'rollback_completed', startedAt: 'T0', message: '' }), running, 0)).toEqual({ kind: 'waiting' });
    expect(judge.observe(service({ state: 'completed', startedAt: 'T1', message: '' }), running, 0)).toEqual({ kind: 'converged' });
  });

  it('a rolling update: Swarm’s rollback is the failure, with the first failed task as the reason', () => {
    const judge = rolloutJudge(watch());
    const failed = [task('o1', 'old', 'running'), task('n1', 'new', 'failed', { desiredState: 'shutdown', error: 'unhealthy container' })];
    expect(judge.observe(service({ state: 'updating', startedAt: 'T1', message: '' }), failed, 0)).toEqual({ kind: 'waiting' });
    expect(judge.observe(service({ state: 'rollback_started', startedAt: 'T1', message: 'rolled back: task n1' }), failed, 0)).toEqual({
      kind: 'rolling-back',
      reason: 'web.1 failed (unhealthy container)',
    });
    expect(judge.observe(service({ state: 'rollback_completed', startedAt: 'T1', message: 'rollback completed' }), failed, 0)).toEqual({
      kind: 'failed',
      reason: 'web.1 failed (unhealthy container)',
      rolledBack: true,
    });
  });

  it('a paused update or rollback fails without a rollback', () => {
    expect(rolloutJudge(watch()).observe(service({ state: 'paused', startedAt: 'T1', message: 'update paused' }), [], 0)).toEqual({
      kind: 'failed',
      reason: 'update paused; the update paused (update paused)',
      rolledBack: false,
    });
  });

  it('completed is only converged once the old tasks are gone', () => {
    const judge = rolloutJudge(watch());
    const tasks = [...running, task('o1', 'old', 'running')];
    expect(judge.observe(service({ state: 'completed', startedAt: 'T1', message: '' }), tasks, 0)).toEqual({ kind: 'waiting' });
  });

  it('without a rolling update: converged once every replica ran unchanged for the monitor period', () => {
    const judge = rolloutJudge(watch({ rolling: false, previousUpdateStart: '' }));
    expect(judge.observe(service(null), [running[0]!], 0)).toEqual({ kind: 'waiting' });
    expect(judge.observe(service(null), running, 100)).toEqual({ kind: 'waiting' });
    expect(judge.observe(service(null), running, 1_099)).toEqual({ kind: 'waiting' });
    expect(judge.observe(service(null), running, 1_100)).toEqual({ kind: 'converged' });
  });

  it('without a rolling update: a replaced task restarts the monitor period, a failed one fails at once', () => {
    const judge = rolloutJudge(watch({ rolling: false }));
    expect(judge.observe(service(null), running, 0)).toEqual({ kind: 'waiting' });
    const restarted = [running[0]!, task('n3', 'new', 'running', { slot: 2 })];
    expect(judge.observe(service(null), restarted, 900)).toEqual({ kind: 'waiting' });
    expect(judge.observe(service(null), restarted, 1_500)).toEqual({ kind: 'waiting' });
    expect(judge.observe(service(null), [...restarted, task('n4', 'new', 'complete', { desiredState: 'shutdown', message: 'finished' })], 1_600)).toEqual({
      kind: 'failed',
      reason: 'web.4 failed (the process exited with status 0)',
      rolledBack: false,
    });
  });

  it('a removed service fails', () => {
    expect(rolloutJudge(watch()).observe(null, [], 0)).toEqual({ kind: 'failed', reason: 'the service was removed', rolledBack: false });
  });
});
