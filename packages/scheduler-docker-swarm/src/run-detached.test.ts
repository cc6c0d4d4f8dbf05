import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, propertySet, schedulerAppStatus, schedulerDeploy, schedulerRun } from '@pier/plugin-api';
import type { OneOffServiceSpec } from './service-spec-types.js';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

describe('run:detached (fake swarm): a one-off service', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost();
    t.swarm.addImage('shop:1');
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 1), processSpec('worker', 1)], { env: { SECRET: '{{x}}' } }) });
    t.host.io.clear();
  });
  afterEach(() => t.dispose());

  const detached = (command: string[], env: Record<string, string> = {}) =>
    t.call(schedulerRun, { app: 'shop', command, env, detach: true, tty: false, ttlSeconds: 60 });
  const oneOffServices = () => [...t.swarm.services.values()].filter((s) => !s.removed && s.spec.Labels['com.dokku.container-type'] === 'run');

  it('returns <app>.run.<n> once its task runs; the service runs one task, never restarted, named after it, labelled for run:*', async () => {
    const { exitCode, container } = await detached(['sleep', '300'], { EXTRA: '{{y}}' });

    expect(exitCode).toBe(0);
    const number = /^shop\.run\.(\d+)$/.exec(container!)![1];
    const [service] = oneOffServices();
    const spec = service!.spec as unknown as OneOffServiceSpec;
    expect(spec.Name).toBe(`shop__run_${number}`);
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 1 } });
    expect(spec.TaskTemplate.RestartPolicy).toEqual({ Condition: 'none' });
    expect(spec.Labels).toMatchObject({ 'com.pier.run-name': container, 'com.pier.root': t.host.root, 'com.dokku.active-deadline-seconds': '60' });
    // The release env as the app's services carry it (escaped for Swarm), the -e pair escaped too.
    expect(spec.TaskTemplate.ContainerSpec.Env).toEqual(['SECRET={{"{{"}}x}}', `DYNO=run.${number}`, 'EXTRA={{"{{"}}y}}']);
    expect(t.swarm.tasks.find((task) => task.serviceId === service!.id)?.state).toBe('running');
    expect(t.stdout()).toBe('');
  });

  it('is no part of the app: its status and deploys leave one-off services alone', async () => {
    await detached(['worker']);

    expect((await t.call(schedulerAppStatus, { app: 'shop' })).containers.map((c) => c.dyno)).toEqual(['web.1', 'worker.1']);
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 1)]) });
    expect(oneOffServices()).toHaveLength(1);
    // A Procfile type's notice goes to stderr: stdout is only the name.
    expect(t.stderr()).toBe("-----> Found 'worker' in Procfile, running that command\n");
  });

  it('a task that cannot start fails the command and its service is removed', async () => {
    t.swarm.behaveJob = () => ({ refused: 'exec: "nope": executable file not found in $PATH' });

    await expect(detached(['nope'])).rejects.toMatchObject({
      code: ErrorCodes.COMMAND_FAILED,
      message: expect.stringMatching(/^One-off shop\.run\.\d+ could not start: starting container failed: exec: "nope": executable file not found in \$PATH$/),
    });
    expect(oneOffServices()).toEqual([]);
  });

  it('reads only the setting it needs: another one edited into something invalid is the next deploy’s to refuse', async () => {
    const set = (key: string, value: string) => t.host.bus.first(propertySet, { plugin: 'scheduler-docker-swarm', scope: 'shop', key, value });
    await set('placement-constraints', 'not a constraint');

    expect(await detached(['sleep', '300'])).toMatchObject({ exitCode: 0 });

    await set('deploy-timeout-seconds', '0');
    await expect(detached(['sleep', '300'])).rejects.toMatchObject({ code: ErrorCodes.PROPERTY_INVALID, message: 'Invalid deploy-timeout-seconds "0": use a whole number of seconds, at least 1' });
  });

  it('a task that ran and exited at once is fine: it ran', async () => {
    t.swarm.behaveJob = () => ({ runMs: 0, exitCode: 1 });
    expect(await detached(['false'])).toMatchObject({ exitCode: 0, container: expect.stringMatching(/^shop\.run\./) });
  });

  it('without a command: /bin/sh when the image has no /bin/bash, looked up in a labelled container created and removed on the manager', async () => {
    await detached([]);

    expect(oneOffServices()[0]!.spec.TaskTemplate.ContainerSpec.Args).toEqual(['/bin/sh']);
    const [probe, ...others] = t.swarm.containers.created;
    expect(others).toEqual([]);
    expect(probe!.Labels).toEqual({ 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'image-info', 'com.pier.root': t.host.root });
    expect(t.swarm.containers.all.size).toBe(0);
  });

  it('an interrupt while the image is looked at: the container is removed, nothing starts, the signal’s status', async () => {
    t.swarm.pathExists = async () => {
      t.interrupts.interrupt('SIGTERM');
      return new Promise<boolean>(() => {}); // an engine that takes its time: only the interrupt ends this
    };

    expect(await detached([])).toEqual({ exitCode: 143 });
    expect(t.swarm.containers.all.size).toBe(0);
    expect(oneOffServices()).toEqual([]);
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('an interrupt while it is placed removes it and ends with the signal’s status', async () => {
    // Ctrl-C as Swarm takes the service, before its task runs.
    t.swarm.behaveJob = () => {
      t.interrupts.interrupt();
      return 'forever';
    };
    expect(await detached(['sleep', '1'])).toEqual({ exitCode: 130 });
    expect(oneOffServices()).toEqual([]);
  });
});
