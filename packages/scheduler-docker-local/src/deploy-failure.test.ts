import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Release } from '@pier/plugin-api';
import { processSpec, release, shopHost, type ShopHost } from './test-support/unit-host.js';

let t: ShopHost;
beforeEach(async () => {
  t = await shopHost();
});
afterEach(() => t.dispose());

const deploy = (r: Release) => t.deploy(r);

/** stdout, stderr and engine stops in the order they happened. */
function recordOrder(): string[] {
  const events: string[] = [];
  for (const [name, stream] of [['out', t.host.io.stdout], ['err', t.host.io.stderr]] as const) {
    const write = stream.write.bind(stream) as (chunk: unknown) => boolean;
    stream.write = ((chunk: unknown) => (events.push(`${name}: ${String(chunk).trimEnd()}`), write(chunk))) as typeof stream.write;
  }
  const stop = t.docker.stopContainer.bind(t.docker);
  t.docker.stopContainer = async (id, timeout) => {
    events.push(`stop ${t.docker.containers.get(id)?.name ?? id} t=${timeout}`);
    return stop(id, timeout);
  };
  return events;
}

const crashOnStart = (prefix: string) => {
  t.docker.onStart = (c) => {
    if (!c.name.startsWith(prefix)) return;
    c.status = 'exited';
    c.logs = 'boom\n';
  };
};

describe('a failed deploy (fake engine)', () => {
  it('in Dokku’s order: stop, the reason, the container’s output; then the rest of the clean-up', async () => {
    await deploy(release([processSpec('web', 1)]));
    crashOnStart('shop.web.1.upcoming-');
    const events = recordOrder();

    // Marked as printed already: the CLI does not print it a second time (Dokku does, §7.10).
    await expect(deploy(release([processSpec('web', 1)], { image: 'shop:2' }))).rejects.toMatchObject({
      message: 'Could not start due to 1 failed checks (web.1)',
      reported: true,
    });

    const from = events.findIndex((e) => e.startsWith('stop shop.web.1.upcoming-'));
    expect(events.slice(from).map((e) => e.replace(/upcoming-\d+/, 'upcoming-N').replace(/\([0-9a-f]{12} /, '(ID '))).toEqual([
      'stop shop.web.1.upcoming-N t=2',
      'err:  !     Could not start due to 1 failed checks (web.1)',
      'out: =====> Start of shop container output (ID web.1)',
      'out: boom',
      'out: =====> End of shop container output (ID web.1)',
    ]);
  });

  it('stops a failed container with Docker’s 10 s, not a longer app stop timeout', async () => {
    crashOnStart('shop.web.1.upcoming-');

    await expect(deploy(release([processSpec('web', 1)], { stopTimeoutSeconds: 30 }))).rejects.toThrow('failed checks');

    expect(t.docker.calls.filter((c) => c.startsWith('stop'))).toEqual([expect.stringMatching(/ t=10$/)]);
  });

  it('kills a failed container that cannot be stopped', async () => {
    // Still running when its (command) check fails.
    t.docker.onExec = () => ({ exitCode: 1, output: '' });
    const stop = t.docker.stopContainer.bind(t.docker);
    t.docker.stopContainer = async (id, timeout) => {
      if (t.docker.containers.get(id)?.name.includes('upcoming')) throw new Error('stop timed out');
      return stop(id, timeout);
    };

    await expect(deploy(release([processSpec('web', 1, { healthchecks: [{ command: ['check'], attempts: 1 }] })]))).rejects.toThrow('failed checks');

    expect(t.docker.calls).toContainEqual(expect.stringMatching(/^kill shop\.web\.1\.upcoming-\d+ SIGKILL$/));
  });

  it('announces no shutdown of old containers when a later type fails', async () => {
    await deploy(release([processSpec('web', 1), processSpec('worker', 1)]));
    crashOnStart('shop.worker.1.upcoming-');
    t.host.io.clear();

    await expect(deploy(release([processSpec('web', 1), processSpec('worker', 1)], { image: 'shop:2' }))).rejects.toThrow('(worker.1)');

    expect(t.stdout()).toContain('All checks successful (web.1)');
    expect(t.stdout()).not.toContain('Scheduling');
  });

  it('a successful deploy announces every shutdown, type by type, before post-deploy', async () => {
    await deploy(release([processSpec('web', 2), processSpec('worker', 2)]));
    t.host.io.clear();

    await deploy(release([processSpec('web', 1), processSpec('worker', 2)], { image: 'shop:2', waitToRetireSeconds: 5 }));

    const out = t.stdout();
    expect(out.slice(out.indexOf('All checks successful (worker.2)'), out.indexOf('-----> Renaming containers'))).toBe(
      [
        'All checks successful (worker.2)',
        '       Scheduling old container shutdown in 5 seconds (web.1)',
        '       Scheduling orphaned container shutdown in 5 seconds (web.2)',
        '       Scheduling old container shutdown in 5 seconds (worker.1)',
        '       Scheduling old container shutdown in 5 seconds (worker.2)',
        '-----> Running post-deploy',
        '',
      ].join('\n'),
    );
  });
});
