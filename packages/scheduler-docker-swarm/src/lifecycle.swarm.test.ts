/**
 * The scheduler against a real engine in swarm mode: deploy with an in-task health check,
 * status, logs, enter, inspect, one-offs (an attached run with stdin, output and status passed
 * through; detached ones as one-off services, listed, logged, stopped and retired), a failing
 * redeploy that Swarm rolls back while the old tasks keep running, ps:stop and start, and
 * destroy leaving nothing behind. Tasks get no network attached
 * (only loopback on an engine started with --bridge=none); checks run inside the tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  schedulerAppStatus,
  schedulerDeploy,
  schedulerEnter,
  schedulerImageInfo,
  schedulerInspect,
  schedulerIsDeployed,
  schedulerLogs,
  schedulerLogsFailed,
  schedulerPostDelete,
  schedulerStop,
  propertySet,
  type Release,
} from '@pier/plugin-api';
import { schedulerRun, schedulerRunList, schedulerRunLogs, schedulerRunRetire, schedulerRunStop } from '@pier/plugin-api';
import { docker, swarmFixture } from './test-support/real-swarm.js';

const fixture = swarmFixture('pier-swarm-it');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` (every 250 ms, up to 60 s) until it gives a value other than undefined. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const app = 'pier-swarm-it-shop';
let host: Awaited<ReturnType<typeof fixture.host>>;
let image: string;

const webCheck = { type: 'startup' as const, name: 'web check', path: '/', content: 'hello from swarm', attempts: 5, wait: 1, timeout: 2 };
const release = (overrides: Partial<Release> = {}, webPath = '/'): Release => ({
  image,
  processes: [
    { type: 'web', quantity: 2, command: 'httpd -f -p 127.0.0.1:$PORT -h /app/public', maxParallel: 1, healthchecks: [{ ...webCheck, path: webPath }], checks: 'enabled' },
    { type: 'worker', quantity: 1, command: `sh -c 'while true; do echo "tick $DYNO"; sleep 1; done'`, maxParallel: 1, healthchecks: [], checks: 'enabled' },
  ],
  env: { GREETING: 'hi' },
  restartPolicy: 'on-failure:10',
  stopTimeoutSeconds: 2,
  waitToRetireSeconds: 0,
  defaultUptimeSeconds: 1,
  ...overrides,
});

/** task id → state of the app's live tasks. */
async function liveTasks(): Promise<Record<string, string>> {
  const services = await docker.listServices({ filters: { label: [`com.dokku.app-name=${app}`] } });
  const tasks = await docker.listTasks({ filters: { service: services.map((s) => s.ID), 'desired-state': ['running'] } });
  return Object.fromEntries(tasks.map((t) => [t.ID, t.Status?.State ?? '']));
}

describe('docker-swarm on a real swarm', () => {
  beforeAll(async () => {
    await fixture.start();
    image = await fixture.buildImage('1', { 'public/index.html': 'hello from swarm\n', Procfile: 'web: httpd -f -p 127.0.0.1:$PORT -h /app/public\n' });
    host = await fixture.host([app], { 'update-monitor-seconds': '1', 'deploy-timeout-seconds': '120' });
  }, 120_000);
  afterAll(() => fixture.cleanup(), 120_000);

  it('reads the Procfile from the image', async () => {
    const info = await host.call(schedulerImageInfo, { app, image });
    expect(info).toMatchObject({ id: expect.stringMatching(/^sha256:/), procfile: 'web: httpd -f -p 127.0.0.1:$PORT -h /app/public\n', appJson: null });
    const probes = await docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`, 'com.dokku.container-type=image-info'] } });
    expect(probes).toEqual([]);
  });

  it('deploys web=2 behind an in-task health check, then worker=1', async () => {
    await host.call(schedulerDeploy, { app, release: release() });

    const status = await host.call(schedulerAppStatus, { app });
    expect(status).toMatchObject({ processes: 3, running: 'true' });
    expect(status.containers.map((c) => `${c.dyno} ${c.state}`)).toEqual(['web.1 running', 'web.2 running', 'worker.1 running']);
    expect(host.io.stdoutText()).toContain('       Service pier-swarm-it-shop_web converged: 2 of 2 tasks running');
    expect(await host.call(schedulerIsDeployed, { app })).toBe(true);
  }, 120_000);

  it('enter runs a command inside a web task; it reaches the server on 127.0.0.1 there', async () => {
    host.io.clear();
    const { exitCode } = await host.call(schedulerEnter, { app, processType: 'web.2', command: ['wget', '-q', '-O', '-', 'http://127.0.0.1:5000/'], tty: false });
    expect({ exitCode, stdout: host.io.stdoutText() }).toEqual({ exitCode: 0, stdout: 'hello from swarm\n' });
  });

  it('logs show each task under its dyno', async () => {
    host.io.clear();
    // The worker ticks every second; wait for a line rather than for time.
    for (let attempt = 0; attempt < 50 && !host.io.stdoutText().includes('app[worker.1]: tick worker.1'); attempt++) {
      host.io.clear();
      await host.call(schedulerLogs, { app, processType: 'worker', follow: false, num: 5, quiet: false });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(host.io.stdoutText()).toMatch(/^\S+Z app\[worker\.1\]: tick worker\.1$/m);
  });

  it('ps:inspect masks the env', async () => {
    const [web] = (await host.call(schedulerInspect, { app })) as { Spec: { TaskTemplate: { ContainerSpec: { Env: string[] } } } }[];
    expect(web!.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['GREETING=XXXXXX', 'DYNO=web.{{.Task.Slot}}', 'PORT=5000']);
  });

  describe('one-offs', () => {
    const runInput = { app, env: {}, detach: false, tty: false, ttlSeconds: 86400 };
    const names = async () => ((await host.call(schedulerRunList, { app })) ?? []).map((entry) => `${entry.name} ${entry.state}`);
    const oneOffContainers = () => docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`, 'com.dokku.container-type=run'] } });

    it('run passes stdin, stdout, stderr and the exit status through; -e values are literal; the container goes', async () => {
      const piped = await fixture.host([app], {}, { stdin: 'hello\n' });
      const command = ['sh', '-c', 'read line; echo "got $line $GREETING $EXTRA $DYNO"; echo oops >&2; exit 7'];

      const result = await piped.call(schedulerRun, { ...runInput, command, env: { EXTRA: '$HOME {{x}}' } });

      expect(result).toEqual({ exitCode: 7 });
      expect(piped.io.stdoutText()).toMatch(/^got hello hi \$HOME \{\{x\}\} run\.\d+\n$/);
      expect(piped.io.stderrText()).toBe('oops\n');
      expect(await eventually('the one-off container to go', async () => ((await oneOffContainers()).length === 0 ? true : undefined))).toBe(true);
    }, 60_000);

    it('run without a command runs the shell (/bin/sh in an image without bash); a missing command is 127', async () => {
      const shell = await fixture.host([app], {}, { stdin: 'echo "in $0"; exit 3\n' });
      expect(await shell.call(schedulerRun, { ...runInput, command: [] })).toEqual({ exitCode: 3 });
      expect(shell.io.stdoutText()).toBe('in /bin/sh\n');

      host.io.clear();
      expect(await host.call(schedulerRun, { ...runInput, command: ['no-such-command'] })).toEqual({ exitCode: 127 });
      expect(host.io.stderrText()).toContain('no-such-command');
    }, 60_000);

    it('run:detached starts a one-off service; run:list, run:logs and run:stop find it by its name', async () => {
      const { container: name } = await host.call(schedulerRun, { ...runInput, detach: true, command: ['sh', '-c', 'echo "detached $DYNO"; exec sleep 300'] });
      const number = name!.split('.').at(-1);
      expect(await names()).toEqual([`${name} running`]);

      host.io.clear();
      const line = await eventually('the one-off’s line', async () => {
        host.io.clear();
        await host.call(schedulerRunLogs, { app, container: name!, follow: false, num: 10, quiet: false });
        return host.io.stdoutText() === '' ? undefined : host.io.stdoutText();
      });
      expect(line).toMatch(new RegExp(`^\\S+Z app\\[${number}\\]: detached run\\.${number}\\n$`));

      host.io.clear();
      await host.call(schedulerRunStop, { app, container: name! });
      expect(host.io.stdoutText()).toBe(`${name}\n`);
      expect(await names()).toEqual([]);
    }, 120_000);

    it('run:logs -t follows a one-off task until it has finished; a TTY task’s lines too', async () => {
      const { container: name } = await host.call(schedulerRun, { ...runInput, detach: true, tty: true, command: ['sh', '-c', 'echo one; sleep 2; echo two'] });

      host.io.clear();
      await host.call(schedulerRunLogs, { app, container: name!, follow: true, num: 100, quiet: true });

      expect(host.io.stdoutText()).toBe('one\ntwo\n');
    }, 120_000);

    it('run:retire stops what outlived its TTL (an attached run too) and removes finished one-offs', async () => {
      const background = await fixture.host([app]);
      const attached = background.call(schedulerRun, { ...runInput, ttlSeconds: 1, command: ['sh', '-c', 'echo attached; exec sleep 300'] });
      await host.call(schedulerRun, { ...runInput, detach: true, ttlSeconds: 1, command: ['sleep', '300'] });
      const { container: kept } = await host.call(schedulerRun, { ...runInput, detach: true, command: ['sleep', '300'] });
      const listed = await eventually('the attached run to be listed', async () => ((await names()).length === 4 ? names() : undefined));
      expect(listed.filter((entry) => entry.endsWith(' running'))).toHaveLength(3);

      // The deadline is in whole seconds: sweep until it has passed.
      const left = await eventually('run:retire to retire the expired ones', async () => {
        await host.call(schedulerRunRetire, { app });
        const now = await names();
        return now.length === 1 ? now : undefined;
      });

      expect(left).toEqual([`${kept} running`]);
      expect(await attached).toEqual({ exitCode: 143 });
      expect(background.io.stdoutText()).toBe('attached\n');
      await host.call(schedulerRunStop, { app });
      expect(await names()).toEqual([]);
    }, 120_000);
  });

  it('run on the host network: the node’s network and a port of its own, though the engine keeps the network by id', async () => {
    const hostApp = 'pier-swarm-it-hostnet';
    const net = await fixture.host([hostApp]);
    await net.bus.first(propertySet, { plugin: 'scheduler-docker-swarm', scope: hostApp, key: 'network-mode', value: 'host' });
    await net.call(schedulerDeploy, { app: hostApp, release: release({ processes: [release().processes[1]!] }) });
    const [service] = await docker.listServices({ filters: { label: [`com.dokku.app-name=${hostApp}`] } });
    expect(service!.Spec!.TaskTemplate!.Networks!.map((n) => n.Target)).not.toEqual(['host']);
    // Interface names seen from a host-network task and from the one-off: the same namespace.
    const interfaces = ['sh', '-c', 'echo "PORT=$PORT"; sed 1,2d /proc/net/dev | cut -d: -f1 | tr -d " " | sort | tr "\\n" " "'];

    net.io.clear();
    expect(await net.call(schedulerEnter, { app: hostApp, processType: 'worker.1', command: interfaces, tty: false })).toMatchObject({ exitCode: 0 });
    const inTask = net.io.stdoutText().split('\n')[1];
    net.io.clear();
    expect(await net.call(schedulerRun, { app: hostApp, command: interfaces, env: {}, detach: false, tty: false, ttlSeconds: 60 })).toEqual({ exitCode: 0 });
    const [portLine, inRun] = net.io.stdoutText().split('\n');

    expect(inRun).toBe(inTask);
    expect(Number(portLine!.slice('PORT='.length))).toBeGreaterThan(0);
    expect(portLine).not.toBe('PORT=5000');
    await net.call(schedulerStop, { app: hostApp, removeContainers: true });
    await net.call(schedulerPostDelete, { app: hostApp });
  }, 120_000);

  it('a redeploy failing its health check is rolled back; the old tasks never stopped', async () => {
    const before = await liveTasks();

    const attempt = host.call(schedulerDeploy, { app, release: release({}, '/missing') });

    await expect(attempt).rejects.toMatchObject({ message: expect.stringMatching(/^Could not deploy web: web\.\d failed \(.*unhealthy container\); the previous release keeps running$/) });
    expect(await liveTasks()).toEqual(before);
    // The failed task was recorded (httpd says nothing, so its output is empty).
    host.io.clear();
    await host.call(schedulerLogsFailed, { app });
    expect(host.io.stderrText()).toBe('');
  }, 180_000);

  it('ps:stop scales to zero; a deploy brings the app back', async () => {
    await host.call(schedulerStop, { app, removeContainers: false });
    expect(await host.call(schedulerAppStatus, { app })).toMatchObject({ processes: 3, running: 'false' });
    expect(Object.keys(await liveTasks())).toEqual([]);

    await host.call(schedulerDeploy, { app, release: release() });
    expect(await host.call(schedulerAppStatus, { app })).toMatchObject({ processes: 3, running: 'true' });
  }, 120_000);

  it('destroy removes the services and their containers', async () => {
    await host.call(schedulerStop, { app, removeContainers: true });
    await host.call(schedulerPostDelete, { app });

    expect(await docker.listServices({ filters: { label: [`com.dokku.app-name=${app}`] } })).toEqual([]);
    expect(await docker.listContainers({ all: true, filters: { label: [`com.dokku.app-name=${app}`] } })).toEqual([]);
    expect(await host.call(schedulerIsDeployed, { app })).toBe(false);
  }, 120_000);
});
