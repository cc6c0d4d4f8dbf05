import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, propertySet, schedulerAppStatus, schedulerDeploy, schedulerLogsFailed } from '@pier/plugin-api';
import { LABEL_DEPLOY } from './naming.js';
import type { ServiceSpec } from './service-spec-types.js';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

const lines = (text: string) => text.split('\n').filter(Boolean);
const webCheck = { type: 'startup' as const, name: 'web check', path: '/', attempts: 3, wait: 1, timeout: 2 };

describe('deploy (fake swarm)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost();
    t.swarm.addImage('shop:1');
    t.swarm.addImage('shop:2');
  });
  afterEach(() => t.dispose());

  const deploy = (r = release([processSpec('web', 2, { healthchecks: [webCheck] }), processSpec('worker', 1)]), processType?: string) =>
    t.call(schedulerDeploy, { app: 'shop', release: r, ...(processType ? { processType } : {}) });
  const setProperty = (key: string, value: string, scope = 'shop') =>
    t.host.bus.first(propertySet, { plugin: 'scheduler-docker-swarm', scope, key, value });
  const service = (name: string) => [...t.swarm.services.values()].find((s) => s.spec.Name === name && !s.removed);
  const liveTasks = (name: string) => t.swarm.tasks.filter((task) => task.serviceId === service(name)?.id && task.desiredState === 'running');
  const liveIds = () => ['shop_web', 'shop_worker'].flatMap((name) => liveTasks(name).map((task) => task.id));

  it('first deploy: one service per type, web first, Dokku-like lines, everything running', async () => {
    await deploy();

    expect(lines(t.stdout())).toEqual([
      '-----> Deploying web (count=2)',
      "       Healthcheck name='web check' runs inside each new task",
      '       Creating service shop_web (start-first, 1 at a time, monitor 1s)',
      expect.stringMatching(/^ {7}web\.1 running \(task task\d+\)$/),
      expect.stringMatching(/^ {7}web\.2 running \(task task\d+\)$/),
      '       Service shop_web converged: 2 of 2 tasks running',
      '-----> Deploying worker (count=1)',
      '       No healthchecks defined: the default check asks each new task to stay up 2 seconds',
      '       Creating service shop_worker (start-first, 1 at a time, monitor 2s)',
      expect.stringMatching(/^ {7}worker\.1 running/),
      '       Service shop_worker converged: 1 of 1 tasks running',
    ]);
    expect(t.stderr()).toBe('');
    expect(await t.call(schedulerAppStatus, { app: 'shop' })).toEqual({
      processes: 3,
      running: 'true',
      containers: [
        { dyno: 'web.1', state: 'running', id: expect.stringMatching(/^ctr/) },
        { dyno: 'web.2', state: 'running', id: expect.stringMatching(/^ctr/) },
        { dyno: 'worker.1', state: 'running', id: expect.stringMatching(/^ctr/) },
      ],
    });
  });

  it('writes the service spec: image by id, argv with $PORT, env with DYNO per slot, labels (network mode and Procfile command too), restart, rollout', async () => {
    await deploy();
    const web = service('shop_web')!.spec;
    const image = t.swarm.images.get('shop:1')!.id;

    expect(web).toEqual({
      Name: 'shop_web',
      Labels: {
        'com.dokku.app-name': 'shop',
        'com.dokku.process-type': 'web',
        'com.pier.root': t.host.root,
        'com.pier.network-mode': 'bridge',
        'com.pier.procfile-command': 'run-web --port $PORT',
      },
      TaskTemplate: {
        ContainerSpec: {
          Image: image,
          Args: ['run-web', '--port', '5000'],
          Env: ['SECRET=hunter2', 'DYNO=web.{{.Task.Slot}}', 'PORT=5000'],
          Labels: { 'com.dokku.app-name': 'shop', 'com.dokku.process-type': 'web', 'com.pier.root': t.host.root, [LABEL_DEPLOY]: expect.stringMatching(/^[0-9a-f]{12}$/) },
          Init: true,
          StopGracePeriod: 2e9,
          Healthcheck: {
            Test: ['CMD-SHELL', "{ wget -q -O - http://127.0.0.1:5000/ 2>/dev/null || curl -fsS http://127.0.0.1:5000/; }"],
            Interval: 1e9,
            Timeout: 2e9,
            StartPeriod: 0,
            Retries: 3,
          },
        },
        RestartPolicy: { Condition: 'on-failure', MaxAttempts: 10 },
        Placement: {},
      },
      Mode: { Replicated: { Replicas: 2 } },
      UpdateConfig: { Parallelism: 1, Delay: 0, FailureAction: 'rollback', Monitor: 1e9, MaxFailureRatio: 0, Order: 'start-first' },
      RollbackConfig: { Parallelism: 1, Delay: 0, FailureAction: 'pause', Monitor: 1e9, MaxFailureRatio: 0, Order: 'start-first' },
      EndpointSpec: { Mode: 'dnsrr' },
    });
    const worker = service('shop_worker')!.spec.TaskTemplate.ContainerSpec;
    expect(worker.Env).toEqual(['SECRET=hunter2', 'DYNO=worker.{{.Task.Slot}}']);
    expect(worker.Healthcheck).toBeUndefined();
    expect(worker.Labels[LABEL_DEPLOY]).toBe(web.TaskTemplate.ContainerSpec.Labels[LABEL_DEPLOY]);
  });

  it('redeploy: a rolling update replaces every task, start-first, and completes', async () => {
    await deploy();
    const before = liveIds();
    t.host.io.clear();

    await deploy(release([processSpec('web', 2, { healthchecks: [webCheck] }), processSpec('worker', 1)], { image: 'shop:2' }));

    expect(lines(t.stdout())).toContain('       Updating service shop_web (start-first, 1 at a time, monitor 1s)');
    const after = liveIds();
    expect(after).toHaveLength(3);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    expect(service('shop_web')!.updateStatus?.state).toBe('completed');
    expect(service('shop_web')!.spec.TaskTemplate.ContainerSpec.Image).toBe(t.swarm.images.get('shop:2')!.id);
  });

  it('a redeploy whose web fails its health check is rolled back by Swarm; the old tasks never stopped', async () => {
    await deploy();
    const before = liveIds();
    const oldSpec = service('shop_web')!.spec;
    t.swarm.behave = (spec) => (spec.TaskTemplate.ContainerSpec.Image === t.swarm.images.get('shop:2')!.id ? 'unhealthy' : 'healthy');
    t.host.io.clear();

    const attempt = deploy(release([processSpec('web', 2, { healthchecks: [webCheck] }), processSpec('worker', 1)], { image: 'shop:2' }));

    await expect(attempt).rejects.toMatchObject({
      code: ErrorCodes.DEPLOY_FAILED,
      message: 'Could not deploy web: web.1 failed (task: non-zero exit (137): dockerexec: unhealthy container); the previous release keeps running',
    });
    expect(t.stderr()).toContain(' !     web.1 failed (task ');
    expect(t.stderr()).toContain(' !     Swarm rolled web back to the previous release');
    expect(liveIds()).toEqual(before);
    expect(service('shop_web')!.spec).toEqual(oldSpec);
    expect(t.stdout()).not.toContain('Deploying worker');

    // logs:failed prints what the failed task said, until a deploy succeeds.
    t.host.io.clear();
    await t.call(schedulerLogsFailed, { app: 'shop' });
    expect(t.stdout()).toMatch(/^task\d+ is failing\n$/);
    t.swarm.behave = () => 'healthy';
    await deploy();
    t.host.io.clear();
    await t.call(schedulerLogsFailed, { app: 'shop' });
    expect([t.stdout(), t.stderr()]).toEqual(['', ' !     No failed containers found\n']);
  });

  it('all or nothing: a worker failing after web converged rolls web back too', async () => {
    await deploy();
    const webSpec = service('shop_web')!.spec;
    t.swarm.behave = (spec, _slot) =>
      spec.Name === 'shop_worker' && spec.TaskTemplate.ContainerSpec.Image === t.swarm.images.get('shop:2')!.id ? 'crash' : 'healthy';
    t.host.io.clear();

    const attempt = deploy(release([processSpec('web', 2, { healthchecks: [webCheck] }), processSpec('worker', 1)], { image: 'shop:2' }));

    await expect(attempt).rejects.toMatchObject({ message: 'Could not deploy worker: worker.1 failed (task: non-zero exit (1)); the previous release keeps running' });
    expect(t.stderr()).toContain(' !     Rolling web back to the previous release');
    expect(service('shop_web')!.spec).toEqual(webSpec);
    expect(service('shop_web')!.updateStatus?.state).toBe('rollback_completed');
    expect(liveTasks('shop_web').map((task) => task.state)).toEqual(['running', 'running']);
  });

  it('a failed first deploy removes the services it created, keeping what the failed task said', async () => {
    t.swarm.behave = (spec) => (spec.Name === 'shop_worker' ? 'crash' : 'healthy');

    await expect(deploy()).rejects.toMatchObject({ message: 'Could not deploy worker: worker.1 failed (task: non-zero exit (1)); the services of this deploy were removed' });
    expect(t.stdout()).toContain('       Removing service shop_web of the failed deploy');
    t.host.io.clear();
    await t.call(schedulerLogsFailed, { app: 'shop' });
    expect(t.stdout()).toMatch(/^task\d+ is failing\n$/);

    expect(service('shop_web')).toBeUndefined();
    expect(service('shop_worker')).toBeUndefined();
  });

  it('a rollout that does not converge in deploy-timeout-seconds is rolled back by Pier', async () => {
    await deploy();
    await setProperty('deploy-timeout-seconds', '5');
    const before = liveIds();
    t.swarm.behave = (spec) => (spec.TaskTemplate.ContainerSpec.Image === t.swarm.images.get('shop:2')!.id ? 'unhealthy' : 'healthy');
    // Longer than the timeout: Swarm has not given up yet when Pier does.
    const attempt = deploy(release([processSpec('web', 2, { healthchecks: [{ ...webCheck, attempts: 100 }] }), processSpec('worker', 1)], { image: 'shop:2' }));

    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining('Could not deploy web: it did not converge within 5 seconds (deploy-timeout-seconds); web.1 is starting; the previous release keeps running') });
    expect(t.stderr()).toContain(' !     Rolling web back to the previous release');
    expect(liveIds()).toEqual(before);
    expect(service('shop_web')!.updateStatus?.state).toBe('rollback_completed');
  });

  it('Ctrl-C during a rollout: Pier rolls back what it changed and ends with the signal’s status', async () => {
    await deploy();
    const before = liveIds();
    const webSpec = service('shop_web')!.spec;
    const next = t.swarm.images.get('shop:2')!.id;
    // The interrupt comes while Swarm starts the first new task.
    t.swarm.behave = (spec) => {
      if (spec.TaskTemplate.ContainerSpec.Image === next) t.interrupts.interrupt();
      return 'unhealthy';
    };
    t.host.io.clear();

    const attempt = deploy(release([processSpec('web', 2, { healthchecks: [webCheck] }), processSpec('worker', 1)], { image: 'shop:2' }));

    await expect(attempt).rejects.toMatchObject({
      code: ErrorCodes.INTERRUPTED,
      exitCode: 130,
      message: 'Deploy interrupted by SIGINT: rolled back, the previous release keeps running',
    });
    expect(t.stderr()).toContain(' !     SIGINT: rolling back, this takes a moment');
    expect(service('shop_web')!.spec).toEqual(webSpec);
    expect(liveIds()).toEqual(before);
    expect(t.stdout()).not.toContain('Deploying worker');
  });

  it('deploys one process type only, leaving the others alone', async () => {
    await deploy();
    const worker = liveTasks('shop_worker').map((task) => task.id);

    await deploy(release([processSpec('web', 3, { healthchecks: [webCheck] }), processSpec('worker', 1)]), 'web');

    expect(liveTasks('shop_web')).toHaveLength(3);
    expect(liveTasks('shop_worker').map((task) => task.id)).toEqual(worker);
  });

  it('refuses an undefined process type', async () => {
    await expect(deploy(release([processSpec('web', 1)]), 'clock')).rejects.toMatchObject({
      code: ErrorCodes.DEPLOY_FAILED,
      message: 'Process type clock is not defined for shop',
    });
  });

  it('removes the services of types the release no longer has', async () => {
    await deploy();
    await deploy(release([processSpec('web', 1)]));
    expect(t.stdout()).toContain('       Process type worker is no longer defined, removing service shop_worker');
    expect(service('shop_worker')).toBeUndefined();
  });

  it('scales a type to zero and back', async () => {
    await deploy();
    await deploy(release([processSpec('web', 2, { healthchecks: [webCheck] }), processSpec('worker', 0)]));
    expect(liveTasks('shop_worker')).toEqual([]);
    await deploy(release([processSpec('web', 2, { healthchecks: [webCheck] }), processSpec('worker', 2)]));
    expect(liveTasks('shop_worker').map((task) => task.state)).toEqual(['running', 'running']);
  });

  it('host network: stop-first (old and new tasks would share the port), attached to host, the mode in a label', async () => {
    await setProperty('network-mode', 'host');
    await deploy();
    const written = t.swarm.written.find((spec) => spec.Name === 'shop_web')!;
    expect(written.TaskTemplate.Networks).toEqual([{ Target: 'host' }]);
    const web = service('shop_web')!.spec;
    // The engine keeps Swarm's host network by its id: the label is what tells it was `host`.
    expect(web.TaskTemplate.Networks).toEqual([{ Target: [...t.swarm.networks.values()].find((n) => n.name === 'host')!.id }]);
    expect(web.Labels['com.pier.network-mode']).toBe('host');
    expect(web.UpdateConfig.Order).toBe('stop-first');
    expect(t.stdout()).toContain('Creating service shop_web (stop-first, 1 at a time, monitor 1s)');
  });

  it('checks disabled: stop-first without health check; skipped: no health check either', async () => {
    await deploy(release([processSpec('web', 1, { checks: 'disabled', healthchecks: [webCheck] }), processSpec('worker', 1, { checks: 'skipped' })]));
    expect(service('shop_web')!.spec.UpdateConfig.Order).toBe('stop-first');
    expect(service('shop_web')!.spec.TaskTemplate.ContainerSpec.Healthcheck).toEqual({ Test: ['NONE'] });
    expect(service('shop_worker')!.spec.UpdateConfig).toMatchObject({ Order: 'start-first', Monitor: 0 });
    expect(t.stdout()).toContain('       Zero downtime is disabled: old tasks stop before new ones start (web)');
    expect(t.stdout()).toContain('=====> Zero downtime checks have been skipped (worker)');
  });

  it('applies placement, replica limit, monitor override and image-reference name', async () => {
    await setProperty('placement-constraints', 'node.role==worker, node.labels.zone != eu', '--global');
    await setProperty('max-replicas-per-node', '1');
    await setProperty('update-monitor-seconds', '7');
    await setProperty('image-reference', 'name');
    await deploy();
    const web = service('shop_web')!.spec;
    expect(web.TaskTemplate.Placement).toEqual({ Constraints: ['node.role==worker', 'node.labels.zone != eu'], MaxReplicas: 1 });
    expect(web.UpdateConfig.Monitor).toBe(7e9);
    expect(web.TaskTemplate.ContainerSpec.Image).toBe('shop:1');
  });

  it('warns that an image referenced by id cannot run on other nodes of a bigger swarm', async () => {
    t.swarm.node = { nodeId: 'node-1', isManager: true, nodes: 3 };
    await deploy(release([processSpec('web', 1)]));
    expect(t.stderr()).toContain(' !     The swarm has 3 nodes and tasks run image sha256:');
  });

  it('refuses an engine that is no swarm manager, a missing image, and a service name taken by another root', async () => {
    t.swarm.node = null;
    await expect(deploy()).rejects.toMatchObject({ message: expect.stringMatching(/^The Docker engine at unix:\/\/\/fake\/docker.sock is not part of a swarm: run `docker swarm init` there/) });
    t.swarm.node = { nodeId: 'node-1', isManager: false, nodes: 2 };
    await expect(deploy()).rejects.toMatchObject({ message: expect.stringContaining('is a swarm worker: point DOCKER_HOST at a swarm manager') });
    t.swarm.node = { nodeId: 'node-1', isManager: true, nodes: 1 };
    await expect(deploy(release([processSpec('web', 1)], { image: 'nope:1' }))).rejects.toMatchObject({ code: ErrorCodes.IMAGE_NOT_FOUND, message: 'Image nope:1 not found' });

    await t.swarm.createService({ ...(await firstSpec()), Labels: { 'com.dokku.app-name': 'shop', 'com.pier.root': '/elsewhere' } });
    await expect(deploy(release([processSpec('web', 1)]))).rejects.toMatchObject({
      message: `Service shop_web already exists but was not created for shop by this Pier (state root ${t.host.root}); remove it or rename the app`,
    });
  });

  /** A spec as a deploy writes it, to plant a foreign service with the same name. */
  async function firstSpec(): Promise<ServiceSpec> {
    await deploy(release([processSpec('web', 1)]));
    const spec = service('shop_web')!.spec;
    await t.swarm.removeService(service('shop_web')!.id);
    return spec;
  }
});
