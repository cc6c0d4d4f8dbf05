import { describe, expect, it } from '@jest/globals';
import { memoryHost } from '../test-support/memory-host.js';
import { definePlugin } from '../plugin/define-plugin.js';
import { registerCommands } from '../commands/register-commands.js';
import { defineProperties } from './define-properties.js';
import { propertyClient } from './property-client.js';
import { runPropertySetCommand } from './property-set-command.js';

const demo = defineProperties('demo', {
  mode: { default: 'fast', global: true },
  owner: {},
  secret: { public: false },
});

const demoPlugin = (validateValue?: (key: string, value: string) => void) =>
  definePlugin({
    name: 'demo',
    register(context) {
      registerCommands(context, {
        topic: 'demo',
        description: 'demo',
        commands: {
          'demo:set': { usage: 'demo:set', description: 'set', run: ({ args }) => runPropertySetCommand(context, demo, args, { validateValue }) },
          'demo:key-set': { usage: 'demo:key-set', description: 'set', run: ({ args }) => runPropertySetCommand(context, demo, args, { noun: 'key' }) },
        },
      });
    },
  });

describe('defineProperties', () => {
  it('lists public keys sorted and the global ones', () => {
    expect(demo.keys).toEqual(['mode', 'owner']);
    expect(demo.globalKeys).toEqual(['mode']);
  });

  it('refuses keys that could escape the property directory', () => {
    expect(() => defineProperties('demo', { '../x': {} })).toThrow('invalid property key "../x" for demo');
  });
});

describe('propertyClient', () => {
  it('computes app → global → default, and --global skips the app', async () => {
    const host = await memoryHost([]);
    const props = propertyClient(host.bus, demo);

    expect(await props.computed('blog', 'mode')).toBe('fast');
    await props.set('--global', 'mode', 'slow');
    expect(await props.computed('blog', 'mode')).toBe('slow');
    await props.set('blog', 'mode', 'safe');
    expect(await props.computed('blog', 'mode')).toBe('safe');
    expect(await props.computed('--global', 'mode')).toBe('slow');
  });

  it('derives report flags from the declaration', async () => {
    const host = await memoryHost([]);
    const props = propertyClient(host.bus, demo);
    await props.set('blog', 'owner', 'ana');
    await props.set('blog', 'secret', 'hidden');

    expect(await props.reportFlags('blog')).toEqual({
      '--demo-computed-mode': 'fast',
      '--demo-computed-owner': 'ana',
      '--demo-global-mode': '',
      '--demo-mode': '',
      '--demo-owner': 'ana',
    });
    expect(await props.reportFlags('--global')).toEqual({ '--demo-computed-mode': 'fast', '--demo-global-mode': '', '--demo-computed-owner': '' });
  });
});

describe('runPropertySetCommand (Dokku CommandPropertySet)', () => {
  it.each([
    ['demo:set', ['--global', 'owner', 'x'], 'Property cannot be specified globally'],
    ['demo:set', ['blog', 'secret', 'x'], 'Invalid property specified, valid properties include: mode, owner'],
    ['demo:key-set', ['blog'], 'No key specified'],
    ['demo:key-set', ['blog', 'nope', 'x'], 'Invalid key specified, valid keys include: mode, owner'],
  ])('%s %j fails with one line', async (command, args, message) => {
    const host = await memoryHost([demoPlugin()]);

    expect(await host.run(command, ...args)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('runs the extra value check only for non-empty values, before writing', async () => {
    const seen: string[] = [];
    const host = await memoryHost([
      demoPlugin((key, value) => {
        seen.push(`${key}=${value}`);
        if (value === 'bad') throw new Error('bad value');
      }),
    ]);

    expect(await host.run('demo:set', 'blog', 'mode', 'bad')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     [plugin demo] command:run: bad value\n',
    });
    expect(await host.run('demo:set', 'blog', 'mode')).toEqual({ exitCode: 0, stdout: '=====> Unsetting mode\n', stderr: '' });
    expect(seen).toEqual(['mode=bad']);
    expect(host.values.get('demo/blog/mode')).toBeUndefined();
  });
});
