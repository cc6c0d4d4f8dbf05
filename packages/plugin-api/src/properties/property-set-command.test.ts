import { describe, expect, it } from '@jest/globals';
import { memoryHost } from '../test-support/memory-host.js';
import { definePlugin } from '../plugin/define-plugin.js';
import { registerCommands } from '../commands/register-commands.js';
import { defineProperties } from './define-properties.js';
import { runPropertySetCommand } from './property-set-command.js';

const demo = defineProperties('demo', {
  mode: { default: 'fast', global: true },
  owner: {},
  secret: { public: false },
});

/** `demo:set` follows Dokku's Go CommandPropertySet, `demo:key-set` its bash `:set` commands. */
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

describe('runPropertySetCommand', () => {
  it.each([
    // Go: the global permission comes before everything else, so an empty property is "not global".
    ['demo:set', ['--global'], 'Property cannot be specified globally'],
    ['demo:set', ['--global', 'owner', 'x'], 'Property cannot be specified globally'],
    ['demo:set', ['blog'], 'No property specified'],
    ['demo:set', ['blog', 'secret', 'x'], 'Invalid property specified, valid properties include: mode, owner'],
    // bash: the key is checked first; a key that cannot be global is refused only then.
    ['demo:key-set', ['--global'], 'No key specified'],
    ['demo:key-set', ['--global', 'bogus'], 'Invalid key specified, valid keys include: mode, owner'],
    ['demo:key-set', ['--global', 'owner', 'x'], 'Key cannot be specified globally'],
    ['demo:key-set', ['blog'], 'No key specified'],
    ['demo:key-set', ['blog', 'nope', 'x'], 'Invalid key specified, valid keys include: mode, owner'],
  ])('%s %j fails with one line', async (command, args, message) => {
    const host = await memoryHost([demoPlugin()]);

    expect(await host.run(command, ...args)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('checks the app before anything else, in both dialects', async () => {
    const host = await memoryHost([demoPlugin()]);

    expect((await host.run('demo:set', 'nope')).stderr).toBe(' !     App nope does not exist\n');
    expect((await host.run('demo:key-set', 'nope')).stderr).toBe(' !     App nope does not exist\n');
  });

  it.each([
    [['blog', 'mode', '-l'], "unknown shorthand flag: 'l' in -l"],
    [['blog', 'mode', 'x', '--colour'], 'unknown flag: --colour'],
  ])('reads flags like pflag: %j', async (args, message) => {
    const host = await memoryHost([demoPlugin()]);

    expect(await host.run('demo:set', ...args)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('reads plain positionals in the bash dialect: -1 is a value, unknown --flags are still refused', async () => {
    const host = await memoryHost([demoPlugin()]);

    expect(await host.run('demo:key-set', 'blog', 'mode', '-1')).toEqual({ exitCode: 0, stdout: '=====> Setting mode to -1\n', stderr: '' });
    expect(await host.run('demo:key-set', 'mode', '-2', '--global')).toEqual({ exitCode: 0, stdout: '=====> Setting mode to -2\n', stderr: '' });
    expect((await host.run('demo:key-set', 'blog', 'mode', 'x', '--colour')).stderr).toBe(' !     unknown flag: --colour\n');
    expect(host.values.get('demo/blog/mode')).toBe('-1');
  });

  it('takes a value starting with a dash after --, and --global anywhere', async () => {
    const host = await memoryHost([demoPlugin()]);

    expect(await host.run('demo:set', 'blog', 'mode', '--', '-l')).toEqual({ exitCode: 0, stdout: '=====> Setting mode to -l\n', stderr: '' });
    expect(await host.run('demo:set', 'mode', 'slow', '--global')).toEqual({ exitCode: 0, stdout: '=====> Setting mode to slow\n', stderr: '' });
    expect(host.values.get('demo/blog/mode')).toBe('-l');
    expect(host.values.get('demo/--global/mode')).toBe('slow');
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
