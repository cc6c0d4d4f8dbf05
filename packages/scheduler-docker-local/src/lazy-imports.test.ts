/**
 * Loading the plugin must not load dockerode or tar-stream (every `pier` command loads every
 * plugin; dockerode alone costs tens of milliseconds). Guarded statically: package code may only
 * reach them through `import type` or a dynamic `import()`.
 */
import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('heavy dependencies load lazily', () => {
  it('no package module imports dockerode or tar-stream statically', async () => {
    const files = (await readdir(here)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const offenders: string[] = [];
    for (const file of files) {
      const source = await readFile(`${here}/${file}`, 'utf8');
      for (const line of source.split('\n')) {
        if (/^import\s+(?!type\b).*from\s+'(dockerode|tar-stream)'/.test(line)) offenders.push(`${file}: ${line}`);
      }
    }
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
