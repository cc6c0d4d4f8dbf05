import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { installByHand, writePluginFolder } from './test-support/plugin-fixtures.js';
import { pierSandbox, type PierSandbox } from './test-support/pier-in-process.js';

// Dokku lists the commands of plugins it does not ship under "Community plugin commands:".
let sandbox: PierSandbox;
beforeEach(() => {
  sandbox = pierSandbox();
});
afterEach(() => sandbox.dispose());

const hello = `import { definePlugin, registerCommands } from '@pier/plugin-api';
export const factory = () => definePlugin({ name: 'pier-plugin-hello', register(context) {
  registerCommands(context, { topic: 'hello', description: 'Says hello', commands: {
    'hello:world': { usage: 'hello:world <app>', description: 'Greets an app', run() {} },
  } });
} });
`;

describe('pier help with a third-party plugin', () => {
  beforeEach(async () => {
    const folder = writePluginFolder(sandbox.scratch, { name: 'pier-plugin-hello', pier: { apiVersion: 1, kind: 'plugin', factory: 'factory' }, code: hello });
    await installByHand(sandbox.root, folder);
  });

  it('lists its topic under "Community plugin commands:", not among the built-in ones', async () => {
    const help = (await sandbox.pier('help')).stdout;

    expect(help.endsWith('\n\nCommunity plugin commands:\n\n    hello  Says hello\n')).toBe(true);
    expect(help.indexOf('    hello ')).toBe(help.lastIndexOf('    hello '));
  });

  it('lists its commands there with --all', async () => {
    expect((await sandbox.pier('help', '--all')).stdout.endsWith('\n\nCommunity plugin commands:\n\n    hello:world <app>  Greets an app\n')).toBe(true);
  });
});
