import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockHolder, tryLockFile, withFileLock } from './file-lock.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pier-lock-'));
  path = join(dir, 'sub', 'app.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deadPid = 2 ** 22 + 11;

describe('file lock', () => {
  it('gives the lock to one taker and names the holder to the next', async () => {
    const first = await tryLockFile(path, { holder: 'deploy' });
    const second = await tryLockFile(path, { holder: 'ps:stop' });

    expect(first.lock?.record).toMatchObject({ holder: 'deploy', pid: process.pid });
    expect(second.lock).toBeUndefined();
    expect(second.heldBy).toMatchObject({ holder: 'deploy', pid: process.pid });
    expect(await lockHolder(path)).toMatchObject({ holder: 'deploy' });
  });

  it('releases only its own lock', async () => {
    const first = await tryLockFile(path);
    writeFileSync(path, JSON.stringify({ pid: process.pid, token: 'someone else' }));

    await first.lock?.release();

    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pid: process.pid, token: 'someone else' });
  });

  it('takes over a lock whose process is gone, and a garbled one', async () => {
    writeFileSync(join(dir, 'dead.lock'), JSON.stringify({ pid: deadPid, token: 't', holder: 'deploy' }));
    writeFileSync(join(dir, 'garbled.lock'), 'not json');

    expect((await tryLockFile(join(dir, 'dead.lock'))).lock).toBeDefined();
    expect((await tryLockFile(join(dir, 'garbled.lock'))).lock).toBeDefined();
    expect(await lockHolder(join(dir, 'nothing.lock'))).toBeUndefined();
  });

  it('withFileLock serialises work and removes the file afterwards', async () => {
    const order: string[] = [];
    const slow = (name: string) => async () => {
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push(`${name} out`);
    };

    await Promise.all([withFileLock(path, slow('a')), withFileLock(path, slow('b'))]);

    expect([order.slice(0, 2), order.slice(2)].map((pair) => pair[0]!.split(' ')[0] === pair[1]!.split(' ')[0])).toEqual([true, true]);
    expect(existsSync(path)).toBe(false);
  });

  it('withFileLock gives up after its timeout, naming the holder', async () => {
    await tryLockFile(path);

    await expect(withFileLock(path, async () => undefined, 60)).rejects.toThrow(`timed out waiting for ${path} (held by pid ${process.pid})`);
  });
});
