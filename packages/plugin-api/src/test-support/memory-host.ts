// A minimal host for plugin-api's own tests. plugin-api cannot use @pier/plugin-testkit (that
// package depends on this one), so this is the smallest bus + services the helpers here need.
import { Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { createTriggerBus, type TriggerBus } from '../bus/trigger-bus.js';
import { commandRun } from '../triggers/command.js';
import { appExists } from '../triggers/app.js';
import { propertyGet, propertyGetAll, propertySet } from '../triggers/property.js';
import { createOutput } from '../output/output.js';
import { isPierError, reportPierError } from '../errors/index.js';
import type { PierPlugin } from '../plugin/define-plugin.js';

export interface MemoryHost {
  bus: TriggerBus;
  values: Map<string, string>;
  run(command: string, ...args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
}

export async function memoryHost(plugins: PierPlugin[], apps: string[] = ['blog']): Promise<MemoryHost> {
  const bus = createTriggerBus({ validate: 'all' });
  const values = new Map<string, string>();
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({ write: (chunk, _encoding, done) => (append(String(chunk)), done()) });
  const io = { stdout: sink((t) => (out += t)), stderr: sink((t) => (err += t)), stdin: new PassThrough(), isTTY: false };
  const log = createOutput(io);

  const services = bus.scoped({ plugin: 'memory-host', trusted: true });
  services.tap(appExists, ({ app }) => apps.includes(app));
  services.tap(propertyGet, ({ plugin, scope, key }) => values.get(`${plugin}/${scope}/${key}`));
  services.tap(propertySet, ({ plugin, scope, key, value }) => {
    if (value === '') values.delete(`${plugin}/${scope}/${key}`);
    else values.set(`${plugin}/${scope}/${key}`, value);
    return true as const;
  });
  services.tap(propertyGetAll, ({ plugin, scope }) => {
    const prefix = `${plugin}/${scope}/`;
    return Object.fromEntries([...values].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  });
  for (const plugin of plugins) {
    await plugin.register({ bus: bus.scoped({ plugin: plugin.name, trusted: true }), log, io, root: '/nonexistent', env: {} });
  }

  return {
    bus,
    values,
    async run(command, ...args) {
      out = '';
      err = '';
      let exitCode = 0;
      try {
        exitCode = (await bus.keyed(commandRun, command, { command, args, force: false }))?.exitCode ?? 0;
      } catch (error) {
        if (!isPierError(error)) throw error;
        exitCode = reportPierError(error, log);
      }
      return { exitCode, stdout: out, stderr: err };
    },
  };
}
