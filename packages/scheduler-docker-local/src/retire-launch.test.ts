import { describe, expect, it, jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { spawn } from 'node:child_process';
import { detachedRetireLauncher } from './retire-launch.js';

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

    detachedRetireLauncher({ DOCKER_HOST: 'unix:///x.sock', UNSET: undefined }, run, process.execPath)(job);

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
    detachedRetireLauncher({}, run, '/nonexistent/retire-worker.js')(job);
    expect(run).not.toHaveBeenCalled();
  });

  it('a spawn that throws does not fail the deploy', () => {
    const run = jest.fn(() => {
      throw new Error('EAGAIN');
    }) as unknown as Spawn;
    expect(() => detachedRetireLauncher({}, run, process.execPath)(job)).not.toThrow();
  });
});
