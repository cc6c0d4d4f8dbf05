/**
 * Loading the plugin must not load dockerode or tar-stream: every `pier` command registers every
 * plugin, and a property command must stay as cheap as docker-local's. Guarded statically:
 * package code reaches them only through `import type` or a dynamic `import()`.
 */
import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('heavy dependencies load lazily', () => {
  it('no package module imports dockerode or tar-stream statically', async () => {
    const modules = (await readdir(here)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const eager = /^import\s+(?!type\b)[^;]*from\s+'(dockerode|tar-stream)'/m;
    const offenders = [];
    for (const file of modules) if (eager.test(await readFile(`${here}/${file}`, 'utf8'))) offenders.push(file);
    expect(modules.length).toBeGreaterThan(15);
    expect(offenders).toEqual([]);
  });
});
