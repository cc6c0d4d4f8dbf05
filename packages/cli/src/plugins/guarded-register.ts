import type { PierPlugin, PluginContext, TriggerBus, TriggerOfKind } from '@pier/plugin-api';

export interface GuardedRegistration {
  /** Takes every tap the plugin made off the bus again. */
  unregister(): void;
  /** The keys the plugin tapped a keyed trigger under, e.g. the schedulers it registered (`scheduler:info`). */
  keysTapped(trigger: TriggerOfKind<'keyed'>): string[];
}

/**
 * Registers a plugin so that it can be taken off the bus again: every tap it makes is recorded,
 * and a `register` that throws half-way has its taps removed before the error propagates, so a
 * broken plugin leaves no handlers behind. The plugin cannot change its identity on the bus
 * (`scoped()` hands back the same recording bus): an untrusted plugin must stay untrusted.
 */
export async function guardedRegister(
  plugin: PierPlugin,
  bus: TriggerBus,
  context: Omit<PluginContext, 'bus'>,
): Promise<GuardedRegistration> {
  const undo: (() => void)[] = [];
  const keyed: { trigger: string; key: string }[] = [];
  const unregister = () => {
    for (const remove of undo.splice(0).reverse()) remove();
  };
  // Inherit everything else (dispatch, keys, events) from the plugin's scoped bus.
  const recording: TriggerBus = Object.create(bus, {
    tap: { value: (...args: Parameters<TriggerBus['tap']>) => record(bus.tap(...args)) },
    tapKeyed: {
      value: (...args: Parameters<TriggerBus['tapKeyed']>) => {
        const remove = record(bus.tapKeyed(...args));
        keyed.push({ trigger: args[0].id, key: args[1] });
        return remove;
      },
    },
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
  return {
    unregister,
    keysTapped: (trigger) => keyed.filter((tap) => tap.trigger === trigger.id).map((tap) => tap.key),
  };
}
