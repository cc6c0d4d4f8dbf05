import { describe, expect, it } from '@jest/globals';
import { memoryHost } from '../test-support/memory-host.js';
import { configuredShell, needsFallback, resolveShell } from './app-shell.js';

async function withShell(app?: string, global?: string) {
  const host = await memoryHost([]);
  if (app !== undefined) host.values.set('scheduler/blog/shell', app);
  if (global !== undefined) host.values.set('scheduler/--global/shell', global);
  return host.bus;
}

const paths = (existing: string[]) => ({ pathExists: async (_id: string, path: string) => existing.includes(path) });

describe('the app shell', () => {
  it('is the app’s shell property, else the global one, split unquoted as Dokku expands it', async () => {
    expect(await configuredShell(await withShell('/bin/ash -l', '/bin/zsh'), 'blog')).toEqual(['/bin/ash', '-l']);
    expect(await configuredShell(await withShell(undefined, '/bin/zsh'), 'blog')).toEqual(['/bin/zsh']);
  });

  it('is null unconfigured, and the default /bin/bash, not configured, for resolveShell', async () => {
    expect(await configuredShell(await withShell(), 'blog')).toBeNull();
    expect(await configuredShell(await withShell('   '), 'blog')).toBeNull();
    expect(await resolveShell(await withShell(), 'blog')).toEqual({ argv: ['/bin/bash'], configured: false });
    expect(await resolveShell(await withShell('/bin/ash'), 'blog')).toEqual({ argv: ['/bin/ash'], configured: true });
  });

  it('keeps a value it cannot split as one word', async () => {
    expect(await configuredShell(await withShell('/bin/sh "unclosed'), 'blog')).toEqual(['/bin/sh "unclosed']);
  });

  it('falls back to /bin/sh only for the default shell in a container without /bin/bash', async () => {
    const unconfigured = { argv: ['/bin/bash'], configured: false };
    expect(await needsFallback(paths([]), 'c1', unconfigured)).toBe(true);
    expect(await needsFallback(paths(['/bin/bash']), 'c1', unconfigured)).toBe(false);
    expect(await needsFallback(paths([]), 'c1', { argv: ['/bin/bash'], configured: true })).toBe(false);
  });
});
