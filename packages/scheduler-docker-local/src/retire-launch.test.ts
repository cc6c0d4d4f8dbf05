import { describe, expect, it, jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { spawn } from 'node:child_process';
import { createDockerodePort } from './dockerode-port.js';
import { defaultRetireLauncher, detachedRetireLauncher } from './retire-launch.js';
import { FakeDocker } from './test-support/fake-docker.js';

type Spawn = typeof spawn;
const job = { app: 'shop', root: '/var/lib/pier', ids: ['0123456789ab'], at: 100, stopTimeoutSeconds: 7 };

function fakeSpawn() {
  const child = Object.assign(new EventEmitter(), { unref: jest.fn() });
  const run = jest.fn(() => child) as unknown as jest.MockedFunction<Spawn>;
  return { run, child };
}

describe('starting the background retire job', () => {
  it('in a detached process without stdio, unref’d, with the invocation’s environment', () => {
    const { run, child } = fakeSpawn();

    detachedRetireLauncher({ DOCKER_HOST: 'unix:///x.sock', UNSET: undefined }, {}, run, process.execPath)(job);

    expect(run).toHaveBeenCalledWith(process.execPath, [process.execPath, JSON.stringify(job)], {
      detached: true,
      stdio: 'ignore',
      cwd: '/',
      env: { DOCKER_HOST: 'unix:///x.sock' },
    });
    expect(child.unref).toHaveBeenCalled();
    // A failure to start is not the deploy's: it must not throw later either.
    expect(() => child.emit('error', new Error('EAGAIN'))).not.toThrow();
  });

  it('not at all when there is no built worker (running from sources)', () => {
    const { run } = fakeSpawn();
    detachedRetireLauncher({}, {}, run, '/nonexistent/retire-worker.js')(job);
    expect(run).not.toHaveBeenCalled();
  });

  it('a spawn that throws does not fail the deploy', () => {
    const run = jest.fn(() => {
      throw new Error('EAGAIN');
    }) as unknown as Spawn;
    expect(() => detachedRetireLauncher({}, {}, run, process.execPath)(job)).not.toThrow();
  });

  it.each([
    ['a socket', { socketPath: '/run/user/1000/docker.sock' }],
    ['a TCP host', { host: '127.0.0.1', port: 2375, protocol: 'http' as const }],
  ])('for an injected engine on %s, connected to that engine, not to the defaults', (_name, connection) => {
    const { run } = fakeSpawn();

    defaultRetireLauncher(createDockerodePort(connection), {}, run, process.execPath)(job);

    expect(run).toHaveBeenCalledWith(process.execPath, [process.execPath, JSON.stringify({ ...job, docker: connection })], expect.anything());
  });

  it('for the default engine, with dockerode’s defaults (the invocation’s DOCKER_HOST)', () => {
    const { run } = fakeSpawn();
    defaultRetireLauncher(createDockerodePort(), { DOCKER_HOST: 'unix:///x.sock' }, run, process.execPath)(job);
    expect(run).toHaveBeenCalledWith(process.execPath, [process.execPath, JSON.stringify(job)], expect.objectContaining({ env: { DOCKER_HOST: 'unix:///x.sock' } }));
  });

  it('not at all for an engine it cannot reach the same way (an embedder’s own DockerPort): ps:retire stops them', () => {
    const { run } = fakeSpawn();
    defaultRetireLauncher(new FakeDocker(), {}, run, process.execPath)(job);
    expect(run).not.toHaveBeenCalled();
  });
});
