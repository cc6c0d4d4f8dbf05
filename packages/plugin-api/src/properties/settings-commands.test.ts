import { describe, expect, it } from '@jest/globals';
import { ErrorCodes, PierError } from '../errors/index.js';
import { memoryHost } from '../test-support/memory-host.js';
import { definePlugin } from '../plugin/define-plugin.js';
import { commandHelp } from '../triggers/command.js';
import { reportCollect } from '../triggers/report.js';
import { defineProperties } from './define-properties.js';
import { registerSettingsCommands } from './settings-commands.js';

const settings = defineProperties('scheduler-demo', { endpoint: { default: 'local', global: true } });

const demoPlugin = (validateValue?: (key: string, value: string) => void) =>
  definePlugin({
    name: 'demo',
    register(context) {
      registerSettingsCommands(context, settings, { description: 'Manage the demo scheduler', noun: 'key', helpStyle: 'bash', validateValue });
    },
  });

describe('registerSettingsCommands', () => {
  it('registers <plugin>:report and <plugin>:set under a help topic named after the property set', async () => {
    const host = await memoryHost([demoPlugin()]);

    expect(await host.bus.collect(commandHelp, {})).toEqual([
      {
        topic: 'scheduler-demo',
        description: 'Manage the demo scheduler',
        style: 'bash',
        commands: [
          { usage: 'scheduler-demo:report [<app>] [<flag>]', description: 'Displays a scheduler-demo report for one or more apps' },
          { usage: 'scheduler-demo:set [<app>|--global] <property> (<value>)', description: 'Set or clear a scheduler-demo property for an app' },
        ],
      },
    ]);
  });

  it(':set writes through the property store with the options given (noun, validation)', async () => {
    const refuse = (_key: string, value: string) => {
      if (value === 'nowhere') throw new PierError(ErrorCodes.PROPERTY_INVALID, 'Endpoint nowhere is unreachable');
    };
    const host = await memoryHost([demoPlugin(refuse)]);

    expect(await host.run('scheduler-demo:set', 'blog', 'endpoint', 'k3s.example')).toMatchObject({ exitCode: 0 });
    expect(host.values.get('scheduler-demo/blog/endpoint')).toBe('k3s.example');
    expect(await host.run('scheduler-demo:set', 'blog')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     No key specified\n' });
    expect(await host.run('scheduler-demo:set', 'blog', 'endpoint', 'nowhere')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Endpoint nowhere is unreachable\n',
    });
    expect(host.values.get('scheduler-demo/blog/endpoint')).toBe('k3s.example');
  });

  it('collects the report section with the stripped JSON keys only unless asked for the legacy prefix', async () => {
    const host = await memoryHost([demoPlugin()]);
    host.values.set('scheduler-demo/--global/endpoint', 'cluster');

    const section = await host.bus.keyed(reportCollect, 'scheduler-demo', { app: 'blog' });

    expect(section).toMatchObject({ trimPrefix: true, emitLegacyPrefix: false });
    expect(section.flags).toMatchObject({
      '--scheduler-demo-computed-endpoint': 'cluster',
      '--scheduler-demo-global-endpoint': 'cluster',
      '--scheduler-demo-endpoint': '',
    });
  });
});
