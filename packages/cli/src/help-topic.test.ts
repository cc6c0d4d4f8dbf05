import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { pierSandbox, type PierSandbox } from './test-support/pier-in-process.js';

let sandbox: PierSandbox;
beforeEach(() => {
  sandbox = pierSandbox();
});
afterEach(() => sandbox.dispose());

describe('pier help <topic>', () => {
  it.each(['apps', 'plugin', 'scheduler'])('prints the %s topic, exactly as <topic>:help does', async (topic) => {
    const viaHelp = await sandbox.pier('help', topic);
    const viaTopic = await sandbox.pier(`${topic}:help`);

    expect(viaHelp).toEqual(viaTopic);
    expect(viaHelp.exitCode).toBe(0);
    expect(viaHelp.stdout).toContain(`${topic}:`);
  });

  it('`logs <app> -h` prints the bytes of `logs:help` (the logs plugin renders its own topic)', async () => {
    await sandbox.pier('apps:create', 'blog');
    const viaTopic = await sandbox.pier('logs:help');

    expect(await sandbox.pier('logs', 'blog', '-h')).toEqual(viaTopic);
    expect(viaTopic.stdout).toMatch(/^Usage: pier logs\[:COMMAND\]\n/);
  });

  it('still prints the general help for pier help and pier help --all', async () => {
    expect((await sandbox.pier('help')).stdout).toBe((await sandbox.pier()).stdout);
    expect((await sandbox.pier('help', '--all')).exitCode).toBe(0);
  });
});
