import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { schedulerRetire } from '@pier/plugin-api';
import { readText, swapJournalFile } from './state-files.js';
import { processSpec, release, shopHost, type ShopHost } from './test-support/unit-host.js';

let t: ShopHost;
beforeEach(async () => {
  t = await shopHost();
});
afterEach(() => t.dispose());

/**
 * web.1 and worker.1 deployed, then a deploy of web alone that fails after its swap: the old
 * worker cannot be renamed aside. It leaves the old web renamed aside and running, with no
 * SIGTERM and no retire job, and a journal written by this very process.
 */
async function failAfterTheSwap(): Promise<string> {
  await t.deploy(release([processSpec('web', 1), processSpec('worker', 1)]));
  const oldWeb = t.docker.byName('shop.web.1')!.id;
  const rename = t.docker.renameContainer.bind(t.docker);
  t.docker.renameContainer = async (id, name) => {
    if (name.startsWith('shop.worker.1.')) throw new Error('device busy');
    return rename(id, name);
  };
  await expect(t.deploy(release([processSpec('web', 1)], { image: 'shop:2' }))).rejects.toThrow('device busy');
  t.docker.renameContainer = rename;
  expect(await readText(swapJournalFile(t.host.root, 'shop'))).toContain(`"pid":${process.pid}`);
  expect(t.docker.containers.get(oldWeb)).toMatchObject({ name: expect.stringMatching(/^shop\.web\.1\.\d+$/), status: 'running' });
  return oldWeb;
}

describe('a journal a failed deploy of this same process left (a long-lived embedded host)', () => {
  it('is resumed by the next deploy, which holds the app lock: the old container gets its SIGTERM and retire job', async () => {
    const oldWeb = await failAfterTheSwap();
    t.retireJobs.length = 0;
    t.docker.calls.length = 0;

    await t.deploy(release([processSpec('web', 1)], { image: 'shop:2' }));

    const name = t.docker.containers.get(oldWeb)!.name;
    expect(t.docker.calls).toContain(`kill ${name} SIGTERM`);
    expect(t.retireJobs[0]).toMatchObject({ app: 'shop', ids: [oldWeb] });
  });

  it('is left alone by a ps:retire, which cannot tell it from a deploy of this process still at it', async () => {
    await failAfterTheSwap();
    t.docker.calls.length = 0;

    await t.call(schedulerRetire, { app: 'shop' });

    expect(t.docker.calls).toEqual([]);
    expect(await readText(swapJournalFile(t.host.root, 'shop'))).not.toBeNull();
  });
});
