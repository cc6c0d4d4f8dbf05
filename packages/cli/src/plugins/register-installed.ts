import { checkRegisteredSchedulers, schedulerInfo, type PluginContext, type TriggerBus } from '@pier/plugin-api';
import { guardedRegister } from './guarded-register.js';
import type { InstalledCode } from './load-installed-plugin.js';

/**
 * Registers a loaded third-party plugin, untrusted, and checks that it registered the scheduler
 * its manifest names (and no other). Install, enable and every invocation's loading all go
 * through here, so what was checked at install is what runs later. Returns the function that
 * takes the plugin off the bus; on any failure it is already off.
 */
export async function registerInstalled(name: string, code: InstalledCode, bus: TriggerBus, context: Omit<PluginContext, 'bus'>): Promise<() => void> {
  const registration = await guardedRegister(code.plugin, bus.scoped({ plugin: name, trusted: false }), context);
  try {
    checkRegisteredSchedulers(name, code.manifest, registration.keysTapped(schedulerInfo));
  } catch (error) {
    registration.unregister();
    throw error;
  }
  return registration.unregister;
}
