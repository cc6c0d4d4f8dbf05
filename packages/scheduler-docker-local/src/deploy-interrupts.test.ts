import { afterEach, describe, expect, it } from '@jest/globals';
import { propertySet, type Release } from '@pier/plugin-api';
import { readFile } from 'node:fs/promises';
import { deadContainersFile, failedContainersFile, readStoredRelease } from './state-files.js';
import { processSpec, release, shopHost, type ShopHost } from './test-support/unit-host.js';

let t: ShopHost;
afterEach(() => t.dispose());

async function setup(options: Parameters<typeof shopHost>[0] = {}) {
  t = await shopHost(options);
}

const deploy = (r: Release) => t.deploy(r);
const upcoming = () => [...t.docker.containers.values()].filter((c) => c.name.includes('.upcoming-'));

describe('an interrupted deploy (fake engine)', () => {
  it('stops the containers it started, records them for logs:failed and retirement, keeps the old ones, and exits 130', async () => {
    await setup();
    await deploy(release([processSpec('web', 2)]));
    const old = ['shop.web.1', 'shop.web.2'].map((n) => t.docker.byName(n)!);
    // Ctrl-C once web.2's new container is running: web.1's has passed, web.2's is being checked.
    t.docker.onStart = (c) => {
      if (c.name.startsWith('shop.web.2.upcoming-')) t.interrupts.interrupt('SIGINT');
    };
    t.host.io.clear();

    const error = await deploy(release([processSpec('web', 2)], { image: 'shop:2' })).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'PIER_ERR_INTERRUPTED', exitCode: 130 });
    expect((error as Error).message).toBe('Deploy interrupted by SIGINT: the new containers were stopped (see logs:failed); the previous ones keep running');
    const stopped = upcoming();
    expect(stopped.map((c) => c.status)).toEqual(['exited', 'exited']);
    expect(stopped.every((c) => c.restartPolicy?.Name === 'no')).toBe(true);
    for (const c of old) expect(t.docker.containers.get(c.id)).toMatchObject({ name: c.name, status: 'running' });
    const failed = await readFile(failedContainersFile(t.host.root, 'shop'), 'utf8');
    const dead = await readFile(deadContainersFile(t.host.root), 'utf8');
    for (const c of stopped) {
      expect(failed).toContain(`${c.id} ${c.name.split('.').slice(1, 3).join('.')}\n`);
      expect(dead).toContain(`shop ${c.id} `);
      expect(t.stdout()).toContain(`Stopping container ${c.name} (${c.id.slice(0, 12)}) of the interrupted deploy`);
    }
    expect(t.stdout()).not.toMatch(/Renaming|Scheduling|Shutting down/);
    expect((await readStoredRelease(t.host.root, 'shop'))?.release.image).toBe('shop:1');
    expect(t.retireJobs).toEqual([]);
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('a SIGTERM exits 143, and stops the new containers with Docker’s 10 s at most', async () => {
    await setup();
    t.docker.onStart = () => t.interrupts.interrupt('SIGTERM');

    await expect(deploy(release([processSpec('web', 1)], { stopTimeoutSeconds: 30 }))).rejects.toMatchObject({ code: 'PIER_ERR_INTERRUPTED', exitCode: 143 });

    expect(t.docker.calls.filter((c) => c.startsWith('stop'))).toEqual([expect.stringMatching(/^stop shop\.web\.1\.upcoming-\d+ t=10$/)]);
  });

  it('cuts a pending check short instead of waiting for it', async () => {
    let probing = 0;
    await setup({
      probes: {
        // A health endpoint that never answers: only the interrupt can end this wait.
        http: () => {
          probing++;
          t.interrupts.interrupt('SIGINT');
          return new Promise(() => {});
        },
        tcp: async () => {},
      },
    });
    await t.host.bus.first(propertySet, { plugin: 'scheduler-docker-local', scope: 'shop', key: 'network-mode', value: 'host' });

    await expect(deploy(release([processSpec('web', 1, { healthchecks: [{ path: '/', timeout: 600 }] })]))).rejects.toMatchObject({
      code: 'PIER_ERR_INTERRUPTED',
    });

    expect(probing).toBe(1);
    expect(upcoming().map((c) => c.status)).toEqual(['exited']);
    expect(t.stderr()).not.toContain('Could not start');
  });

  it('starts again the old containers it had stopped because checks are disabled', async () => {
    await setup();
    await deploy(release([processSpec('web', 1)]));
    const old = t.docker.byName('shop.web.1')!;
    t.docker.onStart = (c) => {
      if (c.name.includes('.upcoming-')) t.interrupts.interrupt('SIGINT');
    };

    await expect(deploy(release([processSpec('web', 1, { checks: 'disabled' })], { image: 'shop:2' }))).rejects.toMatchObject({ exitCode: 130 });

    expect(old).toMatchObject({ name: 'shop.web.1', status: 'running' });
    expect(upcoming().map((c) => c.status)).toEqual(['exited']);
  });

  it('once the new containers are being switched in, an interrupt only says the deploy finishes', async () => {
    await setup();
    await deploy(release([processSpec('web', 1)]));
    const rename = t.docker.renameContainer.bind(t.docker);
    t.docker.renameContainer = async (id, name) => {
      t.interrupts.interrupt('SIGINT');
      return rename(id, name);
    };

    await deploy(release([processSpec('web', 1)], { image: 'shop:2' }));

    expect(t.docker.byName('shop.web.1')!.spec.Image).toBe('shop:2');
    expect(t.stderr()).toContain(' !     SIGINT received while the new containers are switched in: finishing the deploy\n');
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('a second Ctrl-C while the interrupted deploy stops its containers kills them, saying so', async () => {
    await setup();
    t.docker.onStart = (c) => {
      if (c.name.includes('.upcoming-')) t.interrupts.interrupt('SIGINT');
    };
    // The new container ignores SIGTERM: its stop only ends once it is killed.
    const stop = t.docker.stopContainer.bind(t.docker);
    const kill = t.docker.killContainer.bind(t.docker);
    let killed: () => void = () => {};
    const dead = new Promise<void>((resolve) => (killed = resolve));
    t.docker.stopContainer = async (id, timeout) => {
      t.interrupts.interrupt('SIGINT'); // pressed again while waiting
      await dead;
      return stop(id, timeout);
    };
    t.docker.killContainer = async (id, signal) => {
      await kill(id, signal);
      killed();
    };

    await expect(deploy(release([processSpec('web', 1)]))).rejects.toMatchObject({ exitCode: 130 });

    expect(t.stderr()).toContain(' !     SIGINT received again: killing the containers of the interrupted deploy\n');
    expect(t.docker.calls.filter((c) => c.startsWith('kill'))).toEqual([expect.stringMatching(/^kill shop\.web\.1\.upcoming-\d+ SIGKILL$/)]);
    expect(upcoming().map((c) => c.status)).toEqual(['exited']);
  });

  it('a second Ctrl-C that came before the clean-up began is not lost', async () => {
    await setup();
    t.docker.onStart = (c) => {
      if (!c.name.includes('.upcoming-')) return;
      t.interrupts.interrupt('SIGINT');
      t.interrupts.interrupt('SIGTERM');
    };

    await expect(deploy(release([processSpec('web', 1)]))).rejects.toMatchObject({ exitCode: 130 });

    expect(t.stderr()).toContain(' !     SIGTERM received again: killing the containers of the interrupted deploy\n');
  });
});
