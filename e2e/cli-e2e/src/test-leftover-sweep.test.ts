import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { buildFixtureImage, docker, removeImages } from './support/docker.js';
import { workspaceRoot } from './support/npm-pack.js';

// The full suite starts with tools/docker/sweep-test-leftovers.mjs: a run that was killed leaves
// its containers running, and the next run met them ("belongs to another Pier state root"). The
// sweep removes exactly a test run's leftovers and nothing of the user's. Here it works on a
// scratch temp dir (--tmp), so it cannot touch the roots of the suite that runs it.
const sweeper = join(workspaceRoot, 'tools', 'docker', 'sweep-test-leftovers.mjs');
const labelledUnused = 'e2e-sweep-unused:1';
const labelledInUse = 'e2e-sweep-in-use:1';
const unlabelled = 'e2e-sweep-users:1';
let tmp: string;
const containers: string[] = [];

async function startContainer(name: string, image: string, root: string): Promise<string> {
  const container = await docker.createContainer({
    name,
    Image: image,
    Cmd: ['sleep', '600'],
    Labels: { 'com.dokku.app-name': 'e2e-sweep', 'com.pier.root': root },
    // No restart policy: should this file be killed, its containers do not come back with the engine.
    HostConfig: { NetworkMode: 'none' },
  });
  containers.push(container.id);
  await container.start();
  return container.id;
}

const exists = (id: string) => docker.getContainer(id).inspect().then(() => true, () => false);
const imageExists = (ref: string) => docker.getImage(ref).inspect().then(() => true, () => false);

beforeAll(async () => {
  // A name the suite's own sweep matches, should this file be killed before afterAll.
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'pier-e2e-sweep-')));
  await buildFixtureImage(labelledUnused, 'oneoff');
  await buildFixtureImage(labelledInUse, 'oneoff');
  await buildFixtureImage(unlabelled, 'oneoff', { labelled: false });
}, 60_000);
afterAll(async () => {
  for (const id of containers) await docker.getContainer(id).remove({ force: true }).catch(() => {});
  await removeImages([labelledUnused, labelledInUse, unlabelled]);
  rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe('sweep-test-leftovers.mjs', () => {
  it('removes a killed run’s containers, temp roots and unused fixture images, and nothing else', async () => {
    const staleRoot = join(tmp, 'pier-e2e-Ab12Cd');
    mkdirSync(join(staleRoot, 'apps', 'e2e-sweep'), { recursive: true });
    mkdirSync(join(tmp, 'keep-me'));
    writeFileSync(join(tmp, 'pier-notes-Ab12Cd'), 'a file, not a mkdtemp directory');
    const stale = await startContainer('e2e-sweep.web.1', labelledInUse, staleRoot);
    const nested = await startContainer('e2e-sweep-nested.web.1', unlabelled, join(staleRoot, 'link', 'root'));
    // Roots the sweep must leave: not in a `pier-*` directory of its temp dir. (Outside the
    // scratch dir, or inside it; either way the suite's own sweep would take them after a kill.)
    const outside = await startContainer('e2e-sweep-users.web.1', unlabelled, join(realpathSync(tmpdir()), 'pier-e2e-Zz99Yy'));
    const besides = await startContainer('e2e-sweep-besides.web.1', unlabelled, join(tmp, 'keep-me', 'root'));

    const result = await execa('node', [sweeper, '--tmp', tmp], { reject: false });

    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(result.stdout.split('\n').sort()).toEqual(
      [
        '-----> Removed 5 leftovers of an interrupted test run',
        '       container e2e-sweep.web.1',
        '       container e2e-sweep-nested.web.1',
        `       image ${labelledUnused}`,
        `       image ${labelledInUse}`,
        `       dir ${staleRoot}`,
      ].sort(),
    );
    expect({ stale: await exists(stale), nested: await exists(nested), outside: await exists(outside), besides: await exists(besides) }).toEqual({
      stale: false,
      nested: false,
      outside: true,
      besides: true,
    });
    expect({ unused: await imageExists(labelledUnused), inUse: await imageExists(labelledInUse), users: await imageExists(unlabelled) }).toEqual({
      unused: false,
      inUse: false,
      users: true,
    });
    expect([existsSync(staleRoot), existsSync(join(tmp, 'keep-me')), existsSync(join(tmp, 'pier-notes-Ab12Cd'))]).toEqual([false, true, true]);
  });

  it('says nothing when there is nothing to sweep', async () => {
    const result = await execa('node', [sweeper, '--tmp', tmp], { reject: false });

    expect({ exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});
