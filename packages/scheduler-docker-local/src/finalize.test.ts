import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { schedulerAppStatus, type Release } from '@pier/plugin-api';
import { readFile } from 'node:fs/promises';
import { deadContainersFile } from './state-files.js';
import { processSpec, release, shopHost, type ShopHost } from './test-support/unit-host.js';

let t: ShopHost;
beforeEach(async () => {
  t = await shopHost();
});
afterEach(() => t.dispose());

const deploy = (r: Release) => t.deploy(r);
const nowSeconds = () => Math.floor(t.clock.now() / 1000);

describe('retiring the old containers of a deploy (fake engine)', () => {
  it('hands them to the background job, due after wait-to-retire, with this deploy’s stop timeout', async () => {
    await deploy(release([processSpec('web', 2)]));
    const old = ['shop.web.1', 'shop.web.2'].map((n) => t.docker.byName(n)!.id);

    await deploy(release([processSpec('web', 2)], { image: 'shop:2', waitToRetireSeconds: 45, stopTimeoutSeconds: 3 }));

    expect(t.retireJobs).toEqual([{ app: 'shop', root: t.host.root, ids: old, at: nowSeconds() + 45, stopTimeoutSeconds: 3 }]);
    // The job only stops them; they stay listed for ps:retire to remove.
    expect(await readFile(deadContainersFile(t.host.root), 'utf8')).toBe(old.map((id) => `shop ${id} ${nowSeconds() + 45}\n`).join(''));
  });

  it('a stop timeout unset since the last deploy (ps’s default in this release) is not the last release’s', async () => {
    await deploy(release([processSpec('web', 1)], { stopTimeoutSeconds: 60 }));
    const old = t.docker.byName('shop.web.1')!.id;

    await deploy(release([processSpec('web', 1)], { image: 'shop:2', waitToRetireSeconds: 45, stopTimeoutSeconds: 30 }));

    expect(t.retireJobs).toEqual([{ app: 'shop', root: t.host.root, ids: [old], at: nowSeconds() + 45, stopTimeoutSeconds: 30 }]);
  });

  it('a first deploy replaces nothing and starts no job', async () => {
    await deploy(release([processSpec('web', 1)]));
    expect(t.retireJobs).toEqual([]);
  });

  it('with wait-to-retire 0 stops and removes them itself, with this deploy’s stop timeout', async () => {
    await deploy(release([processSpec('web', 1)]));

    await deploy(release([processSpec('web', 1)], { image: 'shop:2', waitToRetireSeconds: 0, stopTimeoutSeconds: 4 }));

    expect(t.retireJobs).toEqual([]);
    expect(t.docker.calls.filter((c) => c.startsWith('stop'))).toEqual([expect.stringMatching(/^stop shop\.web\.1\.\d+ t=4$/)]);
    expect(t.docker.names()).toEqual(['shop.web.1']);
  });
});

describe('a process type the new image lacks, while the formation keeps it (fake engine)', () => {
  it('keeps its running containers: not replaced, not "no longer defined", not retired', async () => {
    await deploy(release([processSpec('web', 1), processSpec('worker', 1)]));
    const web = t.docker.byName('shop.web.1')!;
    t.host.io.clear();
    const before = t.docker.calls.length;

    await deploy(release([processSpec('worker', 1)], { image: 'shop:2', retainedTypes: ['web'], waitToRetireSeconds: 0 }));

    expect(t.stdout()).not.toContain('no longer defined');
    expect(t.docker.containers.get(web.id)).toMatchObject({ name: 'shop.web.1', status: 'running' });
    expect(t.docker.calls.slice(before).filter((c) => c.includes('shop.web.'))).toEqual([]);
    expect(await t.call(schedulerAppStatus, { app: 'shop' })).toMatchObject({ processes: 2, running: 'true' });
  });

  it('without the formation keeping it, it is no longer defined and retired as before', async () => {
    await deploy(release([processSpec('web', 1), processSpec('worker', 1)]));
    t.host.io.clear();

    await deploy(release([processSpec('worker', 1)], { image: 'shop:2', waitToRetireSeconds: 0 }));

    expect(t.stdout()).toContain('       Container type (web) is no longer defined. Removing state\n');
    expect(t.docker.names()).toEqual(['shop.worker.1']);
  });
});
