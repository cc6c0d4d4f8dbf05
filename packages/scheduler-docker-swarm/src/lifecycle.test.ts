import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { schedulerAppStatus, schedulerDeploy, schedulerInspect, schedulerIsDeployed, schedulerPostDelete, schedulerStop } from '@pier/plugin-api';
import { liveDynos } from './app-status.js';
import type { TaskSummary } from './swarm-port.js';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

describe('status, stop and destroy (fake swarm)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost();
    t.swarm.addImage('shop:1');
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 2), processSpec('worker', 1)]) });
  });
  afterEach(() => t.dispose());

  const status = () => t.call(schedulerAppStatus, { app: 'shop' });
  const live = () => t.swarm.tasks.filter((task) => task.desiredState === 'running');

  it('ps:stop scales every service to zero; the app stays deployed and ps:start can bring it back', async () => {
    await t.call(schedulerStop, { app: 'shop', removeContainers: false });

    expect(live()).toEqual([]);
    expect(t.swarm.tasks.filter((task) => task.state === 'running')).toEqual([]);
    const stopped = await status();
    expect(stopped).toMatchObject({ processes: 3, running: 'false' });
    expect(stopped.containers.map((c) => `${c.dyno} ${c.state}`)).toEqual(['web.1 exited', 'web.2 exited', 'worker.1 exited']);
    expect(await t.call(schedulerIsDeployed, { app: 'shop' })).toBe(true);
    expect([...t.swarm.services.values()].map((s) => s.spec.Mode.Replicated.Replicas)).toEqual([0, 0]);

    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 2), processSpec('worker', 1)]) });
    expect(await status()).toMatchObject({ processes: 3, running: 'true' });
  });

  it('lists running and stopped dynos together in dyno order', async () => {
    await t.call(schedulerStop, { app: 'shop', removeContainers: false, processType: 'web' });
    expect((await status()).containers.map((c) => `${c.dyno} ${c.state}`)).toEqual(['web.1 exited', 'web.2 exited', 'worker.1 running']);
  });

  it('stops one process type', async () => {
    await t.call(schedulerStop, { app: 'shop', removeContainers: false, processType: 'worker' });
    expect((await status()).containers.map((c) => `${c.dyno} ${c.state}`)).toEqual(['web.1 running', 'web.2 running', 'worker.1 exited']);
    expect((await status()).running).toBe('mixed');
    // Stopping twice keeps what it had: the label is not lost to a second scale to zero.
    await t.call(schedulerStop, { app: 'shop', removeContainers: false, processType: 'worker' });
    expect((await status()).processes).toBe(3);
  });

  it('removeContainers (apps:destroy) removes the services; post-delete finds nothing left', async () => {
    await t.call(schedulerStop, { app: 'shop', removeContainers: true });
    await t.call(schedulerPostDelete, { app: 'shop' });

    expect([...t.swarm.services.values()].every((s) => s.removed)).toBe(true);
    expect(await t.call(schedulerIsDeployed, { app: 'shop' })).toBe(false);
    expect(await status()).toEqual({ processes: 0, running: 'false', containers: [] });
    expect(await t.swarm.listContainers([])).toEqual([]);
  });

  it('a dyno is the newest live task of its slot; one without a container yet shows its task id', () => {
    const task = (id: string, slot: number, createdAt: string, extra: Partial<TaskSummary> = {}): TaskSummary => ({
      id, serviceId: 's', slot, nodeId: 'n', desiredState: 'running', state: 'running', message: '', error: '', containerId: `c-${id}`, deployId: 'd', createdAt, raw: {}, ...extra,
    });
    const dynos = liveDynos('web', [
      task('old', 1, '2026-01-01T00:00:01Z'),
      task('new', 1, '2026-01-01T00:00:02Z', { state: 'starting' }),
      task('gone', 2, '2026-01-01T00:00:00Z', { desiredState: 'shutdown' }),
      task('two', 2, '2026-01-01T00:00:03Z', { state: 'pending', containerId: '' }),
    ]);
    expect(dynos.map((d) => `${d.dyno} ${d.task.id} ${d.task.state}`)).toEqual(['web.1 new starting', 'web.2 two pending']);
  });

  it('sees only its own state root’s services, on the same swarm and app name', async () => {
    const other = await unitHost({ swarm: t.swarm, clock: t.clock });
    try {
      expect(t.swarm.services.size).toBe(2);
      expect(await t.call(schedulerIsDeployed, { app: 'shop' })).toBe(true);
      expect(await other.call(schedulerIsDeployed, { app: 'shop' })).toBe(false);
      expect(await other.call(schedulerAppStatus, { app: 'shop' })).toMatchObject({ processes: 0, containers: [] });
    } finally {
      other.dispose();
    }
  });

  it('ps:inspect: the service documents with their live tasks, env masked, keys sorted', async () => {
    const documents = await t.call(schedulerInspect, { app: 'shop' });
    expect(documents).toHaveLength(2);
    const web = documents[0] as { Spec: { Name: string; TaskTemplate: { ContainerSpec: { Env: string[] } } }; Tasks: { Spec: { ContainerSpec: { Env: string[] } } }[] };
    expect(web.Spec.Name).toBe('shop_web');
    expect(web.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['SECRET=XXXXXX', 'DYNO=web.{{.Task.Slot}}', 'PORT=5000']);
    expect(web.Tasks).toHaveLength(2);
    expect(web.Tasks[0]!.Spec.ContainerSpec.Env).toEqual(['SECRET=XXXXXX', 'DYNO=web.{{.Task.Slot}}', 'PORT=5000']);
    expect(Object.keys(web)).toEqual([...Object.keys(web)].sort());
  });
});
