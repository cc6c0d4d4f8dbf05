import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guideFiles, guideProject, type GuideProject } from './support/guide-project.js';

// User kind 3: someone writing a scheduler outside this repository, following
// docs/writing-a-scheduler.md to the letter. The guide's files are its standalone project; it
// must install, pass the contract suite from the packed test kit, pack, and then install into
// and deploy with pier. If the guide rots, this fails.
const pierBin = join(createRequire(import.meta.url).resolve('@pier/cli/package.json'), '..', 'bin', 'pier.js');
let project: GuideProject;
let root: string;
beforeAll(async () => {
  project = await guideProject();
  root = mkdtempSync(join(tmpdir(), 'pier-guide-root-'));
}, 300_000);
afterAll(() => {
  project?.dispose();
  rmSync(root, { recursive: true, force: true });
});

const pier = async (...args: string[]) => {
  // npm may not use the network: the plugin's peer comes from this pier.
  const result = await execa('node', [pierBin, ...args], { reject: false, stripFinalNewline: false, env: { PIER_ROOT: root, NO_COLOR: '1', npm_config_offline: 'true' } });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
};

describe('the scheduler package of docs/writing-a-scheduler.md, outside the repository', () => {
  it('spells out every file the package needs', () => {
    expect(Object.keys(guideFiles()).sort()).toEqual(['jest.config.js', 'package.json', 'src/index.ts', 'src/plugin.test.ts', 'src/plugin.ts', 'tsconfig.json']);
  });

  it('builds and passes the contract suite from the packed test kit with the options the guide shows', async () => {
    const result = await project.npm(['test']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/scheduler contract: k3s/);
    expect(result.stderr).toMatch(/pier deploy/);
    expect(result.stderr).toMatch(/has the "pier" manifest plugin:install accepts/);
    expect(result.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
  });

  it('packs to dist/ and package.json only, compiled tests left out', async () => {
    const { stdout } = await project.npm(['pack', '--dry-run', '--json']);
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];

    expect(packed!.files.map((f) => f.path).sort()).toEqual(['dist/index.d.ts', 'dist/index.js', 'dist/plugin.d.ts', 'dist/plugin.js', 'package.json']);
  });

  it('installs into pier offline and deploys an app there', async () => {
    const { stdout } = await project.npm(['pack', '--json']);
    const tarball = join(project.dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);

    expect(await pier('plugin:install', tarball)).toEqual({
      exitCode: 0,
      stdout: '-----> Installing @acme/pier-scheduler-k3s@1.0.0\n-----> Plugin @acme/pier-scheduler-k3s@1.0.0 installed and enabled (scheduler k3s)\n',
      stderr: '',
    });
    await pier('apps:create', 'blog');
    expect((await pier('scheduler:set', 'blog', 'selected', 'k3s')).exitCode).toBe(0);
    const deploy = await pier('deploy', 'blog', 'my-image:latest');
    expect(deploy).toMatchObject({ exitCode: 0, stderr: '' });
    expect(deploy.stdout).toContain('-----> Deploying blog via the k3s scheduler...\n=====> Application deployed:\n');
    expect((await pier('ps:report', 'blog', '--running')).stdout).toBe('true\n');
    expect((await pier('ps:stop', 'blog')).exitCode).toBe(0);
    expect((await pier('ps:report', 'blog', '--running')).stdout).toBe('false\n');
  });
});
