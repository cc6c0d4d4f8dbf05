import { beforeEach, describe, expect, it } from '@jest/globals';
import { createOutput, type Healthcheck } from '@pier/plugin-api';
import { createTestIO, type TestIO } from '@pier/plugin-testkit';
import { checkDyno, planChecks, runChecks, type CheckDeps, type CheckTarget } from './checks.js';
import type { Probes } from './probes.js';
import { FakeClock, FakeDocker, type FakeContainer } from './test-support/fake-docker.js';
import { deadProbes, processSpec } from './test-support/unit-host.js';

const target = (overrides: Partial<CheckTarget> = {}): CheckTarget => ({
  app: 'shop',
  type: 'web',
  index: 1,
  containerId: 'x',
  port: 5000,
  networkMode: 'bridge',
  ...overrides,
});

const web = (healthchecks: Healthcheck[]) => processSpec('web', 1, { healthchecks });

describe('planChecks', () => {
  it('adds the default uptime check when there are no startup checks', () => {
    const { checks } = planChecks(web([{ type: 'liveness', path: '/' }]), target(), 10);
    expect(checks).toEqual([{ kind: 'uptime', name: 'default', warn: false, seconds: 10 }]);
  });

  it('adds Dokku’s warn-only port listening check to web in host mode', () => {
    const { checks } = planChecks(web([]), target({ networkMode: 'host', port: 41000 }), 10);
    expect(checks.map((c) => [c.kind, c.name, c.warn])).toEqual([
      ['uptime', 'default', false],
      ['listening', 'port listening check', true],
    ]);
  });

  it('targets 127.0.0.1:PORT in host mode with the healthchecker defaults', () => {
    const { checks, warnings } = planChecks(web([{ name: 'ready', path: 'health', content: 'ok', listening: false }]), target({ networkMode: 'host', port: 41000 }), 10);
    expect(warnings).toEqual([]);
    expect(checks[0]).toEqual({
      kind: 'http',
      name: 'ready',
      warn: false,
      url: 'http://127.0.0.1:41000/health',
      content: 'ok',
      retry: { attempts: 3, waitSeconds: 5, timeoutSeconds: 5, initialDelaySeconds: 0 },
    });
  });

  it.each<[string, Healthcheck, string[], string]>([
    ['http, not warn', { name: 'h', path: '/' }, ['uptime:h (uptime fallback)'], 'running an uptime check of 7 seconds instead'],
    ['http, warn', { name: 'h', path: '/', warn: true }, ['uptime:default'], 'it is warn-only, so it counts as passed'],
    ['listening, not warn', { name: 'l', listening: true }, ['uptime:l (uptime fallback)'], 'running an uptime check of 7 seconds instead'],
  ])('never probes a bridge address: %s', (_name, hc, kinds, tail) => {
    const { checks, warnings } = planChecks(web([hc]), target({ networkMode: 'bridge' }), 7);
    // A warn-only check that cannot run leaves no check at all, hence the default uptime.
    expect(checks.map((c) => `${c.kind}:${c.name}`)).toEqual(kinds);
    expect(warnings).toEqual([`Cannot run healthcheck name='${hc.name}' (web.1) in network mode bridge: only host mode exposes the process on 127.0.0.1; ${tail}`]);
  });

  it('keeps command and uptime checks in every mode', () => {
    const { checks } = planChecks(web([{ command: ['true'], attempts: 2 }, { uptime: 3 }]), target({ networkMode: 'none' }), 10);
    expect(checks.map((c) => [c.kind, c.name])).toEqual([
      ['command', 'command true'],
      ['uptime', 'uptime 3'],
    ]);
  });
});

describe('runChecks', () => {
  let io: TestIO;
  let docker: FakeDocker;
  let clock: FakeClock;
  let container: FakeContainer;
  const deps = (probes: Probes = deadProbes): CheckDeps => ({ docker, clock, probes, log: createOutput(io) });

  beforeEach(async () => {
    io = createTestIO();
    clock = new FakeClock();
    docker = new FakeDocker(clock);
    docker.addImage('img');
    container = docker.containers.get(await docker.createContainer({ name: 'c', Image: 'img', Env: [], Labels: {}, HostConfig: { NetworkMode: 'none' } }))!;
    await docker.startContainer(container.id);
  });

  it('uptime waits until the container has been up N seconds, then looks again', async () => {
    const start = clock.now();
    expect(await runChecks(deps(), target({ containerId: container.id }), web([{ uptime: 4 }]), 10)).toBe(0);
    expect(clock.now() - start).toBe(4000);
  });

  it.each<[string, (c: FakeContainer) => void, string]>([
    ['exited', (c) => (c.status = 'exited'), "Failure in name='u': container state is not running (state=exited)"],
    ['restarted', (c) => (c.restartCount = 2), "Failure in name='u': container has restarted 2 times"],
  ])('uptime fails when the container %s', async (_name, change, message) => {
    const spec = web([{ name: 'u', uptime: 2 }]);
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms) => {
      change(container);
      await sleep(ms);
    };
    expect(await runChecks(deps(), target({ containerId: container.id }), spec, 10)).toBe(1);
    expect(io.stderrText()).toContain(message);
  });

  it('command: retries with wait between attempts, then passes', async () => {
    let calls = 0;
    docker.onExec = () => ({ exitCode: ++calls < 3 ? 1 : 0, output: 'ready' });
    const start = clock.now();
    const spec = web([{ name: 'cmd', command: ['check'], attempts: 3, wait: 2, content: 'ready' }]);
    expect(await runChecks(deps(), target({ containerId: container.id }), spec, 10)).toBe(0);
    expect(calls).toBe(3);
    expect(clock.now() - start).toBe(4000);
    expect(io.stdoutText()).toContain("       Running healthcheck name='cmd' attempts=3 delay=0 timeout=5\n       Healthcheck succeeded name='cmd'\n");
  });

  it('counts failed checks, not attempts, and not warn-only ones', async () => {
    docker.onExec = () => ({ exitCode: 7, output: '' });
    const spec = web([
      { name: 'a', command: ['a'], attempts: 2 },
      { name: 'b', command: ['b'], attempts: 2, warn: true },
      { name: 'c', command: ['c'], attempts: 1 },
    ]);
    expect(await runChecks(deps(), target({ containerId: container.id }), spec, 10)).toBe(2);
    expect(io.stderrText()).toContain(" !     Failure in name='b' (warn only): non-zero exit code 7\n");
  });

  it('http in host mode: status and content decide', async () => {
    const seen: string[] = [];
    const probes: Probes = {
      http: async (url) => {
        seen.push(url);
        return seen.length === 1 ? { status: 503, body: '' } : { status: 200, body: 'all good' };
      },
      tcp: async () => {},
    };
    const spec = web([{ name: 'h', path: '/up', content: 'good', attempts: 2, wait: 1 }]);
    expect(await runChecks(deps(probes), target({ containerId: container.id, networkMode: 'host', port: 41234 }), spec, 10)).toBe(0);
    expect(seen).toEqual(['http://127.0.0.1:41234/up', 'http://127.0.0.1:41234/up']);
  });

  it('honours initialDelay, counted from the container start', async () => {
    const start = clock.now();
    await runChecks(deps(), target({ containerId: container.id }), web([{ command: ['x'], initialDelay: 3 }]), 10);
    expect(clock.now() - start).toBe(3000);
  });

  it('a container that is not running fails at once', async () => {
    container.status = 'exited';
    expect(await runChecks(deps(), target({ containerId: container.id }), web([{ uptime: 30, warn: true }]), 10)).toBe(1);
    expect(io.stderrText()).toBe(' !     Container state: exited\n');
  });

  it('checkDyno frames the checks with Dokku’s lines', async () => {
    expect(await checkDyno(deps(), target({ containerId: container.id, index: 2 }), web([]), 0)).toBe(0);
    expect(io.stdoutText().split('\n')[0]).toBe('       Attempting pre-flight checks (web.2)');
    expect(io.stdoutText()).toMatch(/All checks successful \(web\.2\)\n$/);
  });
});
