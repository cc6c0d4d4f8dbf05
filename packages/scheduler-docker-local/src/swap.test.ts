import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { schedulerRetire, type Release } from '@pier/plugin-api';
import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { deadContainersFile, readStoredRelease, swapJournalFile } from './state-files.js';
import { processSpec, release, shopHost, type ShopHost } from './test-support/unit-host.js';

let t: ShopHost;
beforeEach(async () => {
  t = await shopHost();
});
afterEach(() => t.dispose());

const deploy = (r: Release) => t.deploy(r);
const foreignLabels = { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy', 'com.pier.root': '/other/root' };
const deadContainers = async () => (existsSync(deadContainersFile(t.host.root)) ? readFile(deadContainersFile(t.host.root), 'utf8') : '');
const byName = (name: string) => t.docker.byName(name);

describe('a live name taken while the deploy ran (another root deploying the same app)', () => {
  it('is noticed again just before the swap: the deploy fails and nothing is renamed', async () => {
    await deploy(release([processSpec('web', 1)]));
    const old = byName('shop.web.1')!;
    t.docker.onStart = (c) => {
      if (c.name.startsWith('shop.web.2.upcoming-')) t.docker.addContainer('shop.web.2', foreignLabels);
    };
    const calls = t.docker.calls.length;

    const error = await deploy(release([processSpec('web', 2)], { image: 'shop:2' })).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'PIER_ERR_DEPLOY_FAILED', message: expect.stringContaining('Container shop.web.2 belongs to another Pier state root') });
    expect(t.docker.calls.slice(calls).filter((c) => c.startsWith('rename') || c.startsWith('kill'))).toEqual([]);
    expect(byName('shop.web.1')).toMatchObject({ id: old.id, status: 'running' });
    expect(t.docker.names().filter((n) => n.includes('upcoming'))).toEqual([]);
    expect((await readStoredRelease(t.host.root, 'shop'))?.release.image).toBe('shop:1');
  });

  it('taken between two renames: the deploy fails (exit 1), the swap is undone, the old containers keep serving', async () => {
    await deploy(release([processSpec('web', 2)]));
    const old = ['shop.web.1', 'shop.web.2'].map((n) => byName(n)!);
    const rename = t.docker.renameContainer.bind(t.docker);
    t.docker.renameContainer = async (id, name) => {
      // The other root's container takes web.2's name the moment ours has moved it aside.
      if (name === 'shop.web.2' && id !== old[1]!.id && !byName('shop.web.2')) t.docker.addContainer('shop.web.2', foreignLabels);
      return rename(id, name);
    };
    t.host.io.clear();

    const error = await deploy(release([processSpec('web', 2)], { image: 'shop:2' })).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'PIER_ERR_DEPLOY_FAILED' });
    expect((error as Error).message).toMatch(
      /^Failed to rename container shop\.web\.2\.upcoming-\d+ \([0-9a-f]{12}\) to shop\.web\.2: the name is taken \(another Pier state root deploying shop\?\); the deploy was undone and the previous containers keep running$/,
    );
    // web.1 is back as it was; web.2's name is the other root's now, so ours stays aside, running.
    expect(byName('shop.web.1')).toMatchObject({ id: old[0]!.id, status: 'running' });
    expect(t.docker.containers.get(old[1]!.id)).toMatchObject({ status: 'running' });
    expect(t.stderr()).toContain(`Could not rename container ${old[1]!.id.slice(0, 12)} back to shop.web.2; the next deploy replaces it`);
    expect(t.docker.names().filter((n) => n.includes('upcoming'))).toEqual([]);
    expect(t.docker.calls.filter((c) => c.startsWith('kill'))).toEqual([]);
    expect((await readStoredRelease(t.host.root, 'shop'))?.release.image).toBe('shop:1');
    expect(await deadContainers()).toBe('');
    expect(existsSync(swapJournalFile(t.host.root, 'shop'))).toBe(false);
    expect(t.retireJobs).toEqual([]);
    expect(t.stdout()).not.toContain('Shutting down old containers');
  });
});

describe('a deploy killed outright after its swap (kill -9)', () => {
  it('has stored the new release before the first rename, so a run right after uses the new image', async () => {
    await deploy(release([processSpec('web', 1)]));
    const seen: (string | undefined)[] = [];
    const rename = t.docker.renameContainer.bind(t.docker);
    t.docker.renameContainer = async (id, name) => {
      seen.push((await readStoredRelease(t.host.root, 'shop'))?.release.image);
      return rename(id, name);
    };

    await deploy(release([processSpec('web', 1)], { image: 'shop:2' }));

    expect(seen).toEqual(['shop:2', 'shop:2']);
  });

  /** What a deploy killed right after its swap leaves: the journal (of a pid long gone) and old containers aside, running. */
  async function killedAfterSwap(journal: Record<string, unknown>) {
    writeFileSync(swapJournalFile(t.host.root, 'shop'), JSON.stringify({ pid: 2 ** 22 + 11, app: 'shop', at: 1_735_689_700, stopTimeoutSeconds: 9, ...journal }));
  }

  it('the next ps:retire gives the old containers their SIGTERM and retire job, and undoes a half-swapped dyno', async () => {
    await deploy(release([processSpec('web', 3)]));
    const [web1, web2, web3] = ['shop.web.1', 'shop.web.2', 'shop.web.3'].map((n) => byName(n)!);
    // web.1 was swapped (a new container holds its name), web.2 only moved aside, web.3 was scaled away.
    await t.docker.renameContainer(web1!.id, 'shop.web.1.1735689600');
    t.docker.addContainer('shop.web.1', { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy', 'com.pier.root': t.host.root });
    await t.docker.renameContainer(web2!.id, 'shop.web.2.1735689600');
    await t.docker.renameContainer(web3!.id, 'shop.web.3.1735689600');
    await killedAfterSwap({ replaced: [{ id: web1!.id, dyno: 'web.1' }, { id: web2!.id, dyno: 'web.2' }], gone: [web3!.id] });
    const calls = t.docker.calls.length;

    await t.call(schedulerRetire, {});

    expect(t.docker.calls.slice(calls)).toEqual([
      'rename shop.web.2.1735689600 shop.web.2',
      'kill shop.web.1.1735689600 SIGTERM',
      'kill shop.web.3.1735689600 SIGTERM',
    ]);
    expect(t.retireJobs).toEqual([{ app: 'shop', root: t.host.root, ids: [web1!.id, web3!.id], at: 1_735_689_700, stopTimeoutSeconds: 9 }]);
    expect(t.docker.containers.get(web1!.id)!.restartPolicy).toEqual({ Name: 'no' });
    expect(existsSync(swapJournalFile(t.host.root, 'shop'))).toBe(false);
  });

  it('the next deploy of the app does the same before it starts', async () => {
    await deploy(release([processSpec('web', 1)]));
    const old = byName('shop.web.1')!;
    await t.docker.renameContainer(old.id, 'shop.web.1.1735689600');
    t.docker.addContainer('shop.web.1', { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy', 'com.pier.root': t.host.root });
    await killedAfterSwap({ replaced: [{ id: old.id, dyno: 'web.1' }], gone: [] });

    await deploy(release([processSpec('web', 1)], { image: 'shop:2' }));

    expect(t.docker.calls).toContain('kill shop.web.1.1735689600 SIGTERM');
    expect(t.retireJobs[0]).toMatchObject({ ids: [old.id], at: 1_735_689_700 });
    expect(existsSync(swapJournalFile(t.host.root, 'shop'))).toBe(false);
  });

  it('leaves alone the journal of a deploy that is still running', async () => {
    await deploy(release([processSpec('web', 1)]));
    const old = byName('shop.web.1')!;
    await t.docker.renameContainer(old.id, 'shop.web.1.1735689600');
    await killedAfterSwap({ pid: process.pid, replaced: [{ id: old.id, dyno: 'web.1' }], gone: [] });
    const calls = t.docker.calls.length;

    await t.call(schedulerRetire, {});

    expect(t.docker.calls.slice(calls)).toEqual([]);
    expect(existsSync(swapJournalFile(t.host.root, 'shop'))).toBe(true);
  });
});
