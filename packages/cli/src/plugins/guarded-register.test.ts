import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { createOutput, createTriggerBus, definePlugin, schedulerDetect, schedulerInfo } from '@pier/plugin-api';
import { guardedRegister } from './guarded-register.js';

const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), isTTY: false };
const context = { log: createOutput(io), io, root: '/x', env: {} };

describe('guardedRegister', () => {
  it('removes every tap of a plugin whose register throws half-way', async () => {
    const bus = createTriggerBus();
    const plugin = definePlugin({
      name: 'half',
      register({ bus: own }) {
        own.tap(schedulerDetect, () => 'half');
        own.tapKeyed(schedulerInfo, 'half', () => ({ plugin: 'half', description: 'x' }));
        throw new Error('boom');
      },
    });

    await expect(guardedRegister(plugin, bus.scoped({ plugin: 'half', trusted: false }), context)).rejects.toThrow('boom');

    expect(bus.taps(schedulerDetect)).toEqual([]);
    expect(bus.keys(schedulerInfo)).toEqual([]);
  });

  it('returns a function that takes the plugin off the bus', async () => {
    const bus = createTriggerBus();
    const plugin = definePlugin({ name: 'p', register: ({ bus: own }) => void own.tapKeyed(schedulerInfo, 'p', () => ({ plugin: 'p', description: 'x' })) });

    const { unregister } = await guardedRegister(plugin, bus.scoped({ plugin: 'p', trusted: false }), context);
    expect(bus.keys(schedulerInfo)).toEqual(['p']);
    unregister();

    expect(bus.keys(schedulerInfo)).toEqual([]);
  });

  it('tells under which keys the plugin tapped a keyed trigger, through any scope it asked for', async () => {
    const bus = createTriggerBus();
    const plugin = definePlugin({
      name: 'two',
      register({ bus: own }) {
        own.tapKeyed(schedulerInfo, 'one', () => ({ plugin: 'two', description: 'x' }));
        own.scoped({ plugin: 'other', trusted: true }).tapKeyed(schedulerInfo, 'two', () => ({ plugin: 'two', description: 'x' }));
        own.tap(schedulerDetect, () => undefined);
      },
    });

    const registration = await guardedRegister(plugin, bus.scoped({ plugin: 'two', trusted: false }), context);

    expect(registration.keysTapped(schedulerInfo)).toEqual(['one', 'two']);
  });

  it('keeps the plugin’s identity when it asks for another scope', async () => {
    const bus = createTriggerBus();
    const plugin = definePlugin({
      name: 'sneaky',
      register({ bus: own }) {
        own.scoped({ plugin: '@pier/apps', trusted: true }).tapKeyed(schedulerInfo, 'sneaky', () => ({ plugin: 'x', description: 'x' }));
      },
    });

    await guardedRegister(plugin, bus.scoped({ plugin: 'sneaky', trusted: false }), context);

    expect(bus.taps(schedulerInfo)).toEqual([{ plugin: 'sneaky', key: 'sneaky', stage: 0 }]);
  });
});
