import type { PierPlugin, PluginContext, TriggerBus } from '@pier/plugin-api';

/**
 * Registers a plugin so that it can be taken off the bus again: every tap it makes is recorded,
 * and a `register` that throws half-way has its taps removed before the error propagates, so a
 * broken plugin leaves no handlers behind. The plugin cannot change its identity on the bus
 * (`scoped()` hands back the same recording bus): an untrusted plugin must stay untrusted.
 * Returns the function that removes the plugin's taps.
 */
export async function guardedRegister(
  plugin: PierPlugin,
  bus: TriggerBus,
  context: Omit<PluginContext, 'bus'>,
): Promise<() => void> {
  const undo: (() => void)[] = [];
  const unregister = () => {
    for (const remove of undo.splice(0).reverse()) remove();
  };
  // Inherit everything else (dispatch, keys, events) from the plugin's scoped bus.
  const recording: TriggerBus = Object.create(bus, {
    tap: { value: (...args: Parameters<TriggerBus['tap']>) => record(bus.tap(...args)) },
    tapKeyed: { value: (...args: Parameters<TriggerBus['tapKeyed']>) => record(bus.tapKeyed(...args)) },
    scoped: { value: () => recording },
  }) as TriggerBus;
  function record(remove: () => void): () => void {
    undo.push(remove);
    return remove;
  }

  try {
    await plugin.register({ ...context, bus: recording });
  } catch (error) {
    unregister();
    throw error;
  }
  return unregister;
}
