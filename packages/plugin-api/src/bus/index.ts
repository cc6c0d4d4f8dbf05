export {
  defineTrigger,
  isTrigger,
  type AnyTrigger,
  type InputOf,
  type OutputOf,
  type Trigger,
  type TriggerDefinition,
  type TriggerId,
  type TriggerKind,
  type TriggerOfKind,
  type TriggerSchemas,
  type Zod,
} from './define-trigger.js';
export { loadZod, validateTriggerValue } from './schema-validation.js';
export {
  Stage,
  createTriggerBus,
  type BusEventMap,
  type BusPrincipal,
  type DispatchEvent,
  type Handler,
  type TapInfo,
  type TapOptions,
  type TriggerBus,
  type TriggerBusOptions,
} from './trigger-bus.js';
