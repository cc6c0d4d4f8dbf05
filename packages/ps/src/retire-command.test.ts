import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordingScheduler } from '@pier/plugin-testkit';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

const HEADERS = '-----> Retiring old containers and images\n-----> Retiring expired run and cron containers\n';

describe('ps:retire', () => {
  it('retires old containers, then expired one-off containers, and exits 0', async () => {
    h = await psHost();

    expect(await h.run('ps:retire')).toEqual({ exitCode: 0, stdout: HEADERS, stderr: '' });
    expect(h.scheduler.calls).toEqual([
      { method: 'retire', input: {} },
      { method: 'runRetire', input: {} },
    ]);
  });

  it('limits both steps to one app when given', async () => {
    h = await psHost();

    expect(await h.run('ps:retire', 'blog')).toEqual({ exitCode: 0, stdout: HEADERS, stderr: '' });
    expect(h.scheduler.calls).toEqual([
      { method: 'retire', input: { app: 'blog' } },
      { method: 'runRetire', input: { app: 'blog' } },
    ]);
    expect(h.host.registry?.locks.size).toBe(0);
  });

  it('runs while a deploy holds the app lock, as Dokku’s does (a cron job must not fail then)', async () => {
    h = await psHost();
    h.host.registry?.locks.set('blog', { holder: 'deploy', token: 'other' });

    expect(await h.run('ps:retire', 'blog')).toEqual({ exitCode: 0, stdout: HEADERS, stderr: '' });
    expect(h.scheduler.methods()).toEqual(['retire', 'runRetire']);
    expect(h.host.registry?.locks.get('blog')).toEqual({ holder: 'deploy', token: 'other' });
  });

  it('asks every installed scheduler some app selects, skipping those without the capability', async () => {
    const other = recordingScheduler('other', { retire: () => undefined });
    const bare = recordingScheduler('bare');
    const chosen: Record<string, string> = { blog: 'other', shop: 'bare', wiki: 'k3s' };
    h = await psHost({ apps: ['blog', 'shop', 'wiki'], plugins: [other.plugin, bare.plugin], select: (app) => chosen[app] ?? 'docker-local' });

    expect(await h.run('ps:retire')).toEqual({ exitCode: 0, stdout: HEADERS, stderr: '' });
    expect(h.scheduler.methods()).toEqual(['retire', 'runRetire']);
    expect(other.calls).toEqual([{ method: 'retire', input: {} }]);
    expect(bare.calls).toEqual([]);
  });

  it('leaves out the one-off step when the scheduler has no such thing', async () => {
    h = await psHost({ without: ['runRetire'] });

    expect((await h.run('ps:retire')).stdout).toBe('-----> Retiring old containers and images\n');
  });

  it('names the scheduler when an app’s scheduler cannot retire', async () => {
    h = await psHost({ without: ['retire'] });

    expect(await h.run('ps:retire', 'blog')).toEqual({
      exitCode: 1,
      stdout: '-----> Retiring old containers and images\n',
      stderr: ' !     Scheduler docker-local does not support ps:retire\n',
    });
  });

  it('exits 137 when another ps:retire holds the lock, and leaves that lock alone', async () => {
    h = await psHost();
    const lock = join(h.host.root, 'data', 'ps', 'retire.lock');
    mkdirSync(join(h.host.root, 'data', 'ps'), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: process.pid, token: 'other' }));

    expect(await h.run('ps:retire')).toEqual({ exitCode: 137, stdout: '', stderr: ' !     Failed to acquire ps:retire lock\n' });
    expect(h.scheduler.calls).toEqual([]);
    expect(existsSync(lock)).toBe(true);
  });

  it('takes over a lock left by a process that is gone, and releases it', async () => {
    h = await psHost();
    const lock = join(h.host.root, 'data', 'ps', 'retire.lock');
    mkdirSync(join(h.host.root, 'data', 'ps'), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: 2147483646, token: 'gone' }));

    expect((await h.run('ps:retire')).exitCode).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses an unknown app with exit 20', async () => {
    h = await psHost();

    expect(await h.run('ps:retire', 'nope')).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
  });
});
