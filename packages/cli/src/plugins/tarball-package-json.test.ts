import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTarballPackageJson } from './tarball-package-json.js';

const scratch = mkdtempSync(join(tmpdir(), 'pier-tarball-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A tarball made by the system tar, in `format` (ustar, gnu or pax), with files under `top/`. */
function tarball(name: string, files: Record<string, string>, format = 'pax', top = 'package'): string {
  const dir = join(scratch, `${name}-src`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, top, path, '..'), { recursive: true });
    writeFileSync(join(dir, top, path), content);
  }
  const file = join(scratch, `${name}.tgz`);
  execFileSync('tar', ['czf', file, `--format=${format}`, '-C', dir, top]);
  return file;
}

describe('readTarballPackageJson', () => {
  it.each(['ustar', 'gnu', 'pax'])('reads package/package.json from a %s tarball', async (format) => {
    const file = tarball(`plain-${format}`, { 'index.js': 'x', 'package.json': '{"name":"p","pier":{"apiVersion":1}}' }, format);

    expect(await readTarballPackageJson(file)).toEqual({ name: 'p', pier: { apiVersion: 1 } });
  });

  it('finds it after long file names (GNU long-name and pax headers)', async () => {
    const long = `${'deep/'.repeat(30)}file.js`;
    for (const format of ['gnu', 'pax']) {
      const file = tarball(`long-${format}`, { [long]: 'x', 'package.json': '{"name":"long"}' }, format);
      expect(await readTarballPackageJson(file)).toEqual({ name: 'long' });
    }
  });

  it('accepts another top-level directory name, and ignores nested package.json files', async () => {
    const file = tarball('top', { 'node_modules/x/package.json': '{"name":"x"}', 'package.json': '{"name":"top"}' }, 'pax', 'my-plugin');

    expect(await readTarballPackageJson(file)).toEqual({ name: 'top' });
  });

  it.each([
    ['not gzip', () => (writeFileSync(join(scratch, 'plain.tgz'), 'hello'), join(scratch, 'plain.tgz')), /is not a gzip'd npm tarball/],
    ['without package.json', () => tarball('nopkg', { 'index.js': 'x' }), /has no package\.json: is it an npm package tarball\?$/],
    ['with a broken package.json', () => tarball('badjson', { 'package.json': '{' }), /^the package\.json in .* is not valid JSON/],
  ])('explains a tarball that is %s', async (_case, make, message) => {
    await expect(readTarballPackageJson(make())).rejects.toThrow(message);
  });
});
