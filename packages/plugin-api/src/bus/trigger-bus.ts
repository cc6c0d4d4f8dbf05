import { createRequire } from 'node:module';
import type { EventEmitter } from 'eventemitter3';
import { ErrorCodes, PierError, PluginError, isPierError } from '../errors/index.js';
import type { AnyTrigger, InputOf, OutputOf, TriggerKind, TriggerOfKind } from './define-trigger.js';
import { validateTriggerValue } from './schema-validation.js';

/** Named stages (tapable's `stage`): lower runs first; equal stages keep registration order. */
export const Stage = { early: -10, normal: 0, late: 10 } as const;

export interface TapOptions {
  stage?: number;
}

type Awaitable<T> = T | Promise<T>;

/** A handler receives the trigger's input and returns its output (`undefined` lets a `first` trigger fall through). */
export type Handler<T extends AnyTrigger> = (
  input: InputOf<T>,
) => Awaitable<T['kind'] extends 'first' ? OutputOf<T> | undefined : OutputOf<T>>;

/** Who is tapping or dispatching. Built-in plugins are trusted; everything else is validated. */
export interface BusPrincipal {
  readonly plugin: string;
  readonly trusted: boolean;
}

/** Emitted for every dispatch; the CLI prints these with `--trace`. */
export interface DispatchEvent {
  trigger: string;
  kind: TriggerKind;
  key?: string;
  caller: string;
  handlers: string[];
}

export interface BusEventMap {
  dispatch: (event: DispatchEvent) => void;
}

export interface TapInfo {
  plugin: string;
  key?: string;
  stage: number;
}

/**
 * The in-process trigger bus: the only way Pier packages talk to each other. Each dispatch method
 * accepts only triggers of its kind, so calling a trigger the wrong way does not compile.
 */
export interface TriggerBus {
  tap<T extends TriggerOfKind<'notify' | 'collect' | 'first'>>(trigger: T, handler: Handler<T>, options?: TapOptions): () => void;
  tapKeyed<T extends TriggerOfKind<'keyed'>>(trigger: T, key: string, handler: Handler<T>): () => void;

  notify<T extends TriggerOfKind<'notify'>>(trigger: T, input: InputOf<T>): Promise<void>;
  collect<T extends TriggerOfKind<'collect'>>(trigger: T, input: InputOf<T>): Promise<OutputOf<T>[]>;
  first<T extends TriggerOfKind<'first'>>(trigger: T, input: InputOf<T>): Promise<OutputOf<T> | undefined>;
  keyed<T extends TriggerOfKind<'keyed'>>(trigger: T, key: string, input: InputOf<T>): Promise<OutputOf<T>>;

  /** Keys registered for a keyed trigger, sorted. */
  keys(trigger: TriggerOfKind<'keyed'>): string[];
  /** Every tap of a trigger, in dispatch order (for `plugin:list`, docs and the contract test kit). */
  taps(trigger: AnyTrigger): TapInfo[];
  /** The same bus seen by one plugin: its taps and dispatches are attributed to it. */
  scoped(principal: BusPrincipal): TriggerBus;
  /** Fire-and-forget observability events; never used for work that must complete. */
  readonly events: EventEmitter<BusEventMap>;
}

export interface TriggerBusOptions {
  /**
   * `boundary` (default) validates only what crosses a trust boundary: input handed to or sent by
   * an untrusted plugin, and output returned by one. `all` validates every dispatch (tests).
   */
  validate?: 'boundary' | 'all';
}

interface Tap {
  principal: BusPrincipal;
  stage: number;
  seq: number;
  key?: string;
  handler: (input: unknown) => unknown;
}

interface Registration {
  trigger: AnyTrigger;
  taps: Tap[];
}

const HOST: BusPrincipal = { plugin: 'pier', trusted: true };

// The emitter is only needed when someone observes (--trace, tests); loading eventemitter3
// through ESM's CommonJS bridge costs ~14 ms of every command's start-up, a plain require ~1 ms.
const require = createRequire(import.meta.url);
const newEmitter = (): EventEmitter<BusEventMap> => {
  const { EventEmitter: Emitter } = require('eventemitter3') as typeof import('eventemitter3');
  return new Emitter<BusEventMap>();
};

/** Creates a bus. One per CLI invocation (or per test); never a module-level singleton. */
export function createTriggerBus(options: TriggerBusOptions = {}): TriggerBus {
  const validateAll = options.validate === 'all';
  // Keyed by trigger id rather than token identity: a third-party plugin may bring its own copy
  // of @pier/plugin-api, whose tokens are different objects with the same ids.
  const registry = new Map<string, Registration>();
  let emitter: EventEmitter<BusEventMap> | undefined;
  const events = () => (emitter ??= newEmitter());
  let seq = 0;

  function registrationOf(trigger: AnyTrigger): Registration {
    let registration = registry.get(trigger.id);
    if (!registration) {
      registration = { trigger, taps: [] };
      registry.set(trigger.id, registration);
    } else if (registration.trigger.kind !== trigger.kind) {
      throw new PierError(
        ErrorCodes.TRIGGER_KIND,
        `trigger ${trigger.id} is declared as "${trigger.kind}" here but as "${registration.trigger.kind}" elsewhere`,
      );
    }
    return registration;
  }

  function expectKind(trigger: AnyTrigger, kinds: readonly TriggerKind[], method: string): void {
    if (!kinds.includes(trigger.kind)) {
      throw new PierError(ErrorCodes.TRIGGER_KIND, `bus.${method}() cannot dispatch ${trigger.kind} trigger ${trigger.id}`);
    }
  }

  function addTap(principal: BusPrincipal, trigger: AnyTrigger, tap: Omit<Tap, 'seq' | 'principal'>): () => void {
    const registration = registrationOf(trigger);
    const entry: Tap = { ...tap, principal, seq: seq++ };
    registration.taps.push(entry);
    registration.taps.sort((a, b) => a.stage - b.stage || a.seq - b.seq);
    return () => {
      registration.taps = registration.taps.filter((t) => t !== entry);
    };
  }

  async function invoke(caller: BusPrincipal, trigger: AnyTrigger, tap: Tap, input: unknown): Promise<unknown> {
    const checkInput = validateAll || !caller.trusted || !tap.principal.trusted;
    const value = checkInput ? await validateTriggerValue(trigger, 'input', input, tap.principal.plugin) : input;
    let result: unknown;
    try {
      result = await tap.handler(value);
    } catch (error) {
      // Errors raised on purpose keep their code and message; anything else is a bug in the
      // plugin, so the user is told which plugin and trigger it came from.
      throw isPierError(error) ? error : new PluginError(tap.principal.plugin, trigger.id, error);
    }
    const checkOutput = validateAll || !tap.principal.trusted;
    if (!checkOutput || (trigger.kind === 'first' && result === undefined)) return result;
    return validateTriggerValue(trigger, 'output', result, tap.principal.plugin);
  }

  function announce(caller: BusPrincipal, trigger: AnyTrigger, taps: Tap[], key?: string): void {
    if (!emitter || emitter.listenerCount('dispatch') === 0) return;
    emitter.emit('dispatch', {
      trigger: trigger.id,
      kind: trigger.kind,
      ...(key === undefined ? {} : { key }),
      caller: caller.plugin,
      handlers: taps.map((t) => t.principal.plugin),
    });
  }

  function tapsOf(trigger: AnyTrigger): Tap[] {
    return registry.get(trigger.id)?.taps ?? [];
  }

  function noHandler(trigger: AnyTrigger, detail: string): PierError {
    return new PierError(ErrorCodes.TRIGGER_NO_HANDLER, `no plugin handles ${trigger.id}${detail}`);
  }

  function busFor(principal: BusPrincipal): TriggerBus {
    return {
      get events() {
        return events();
      },
      scoped: busFor,

      tap(trigger, handler, tapOptions = {}) {
        expectKind(trigger, ['notify', 'collect', 'first'], 'tap');
        return addTap(principal, trigger, { stage: tapOptions.stage ?? Stage.normal, handler: handler as Tap['handler'] });
      },

      tapKeyed(trigger, key, handler) {
        expectKind(trigger, ['keyed'], 'tapKeyed');
        const holder = tapsOf(trigger).find((t) => t.key === key);
        if (holder) {
          throw new PierError(
            ErrorCodes.TRIGGER_DUPLICATE_KEY,
            `${principal.plugin} cannot handle ${trigger.id} for "${key}": ${holder.principal.plugin} already does`,
          );
        }
        return addTap(principal, trigger, { stage: Stage.normal, key, handler: handler as Tap['handler'] });
      },

      async notify(trigger, input) {
        expectKind(trigger, ['notify'], 'notify');
        const taps = [...tapsOf(trigger)];
        announce(principal, trigger, taps);
        for (const tap of taps) await invoke(principal, trigger, tap, input);
      },

      async collect(trigger, input) {
        expectKind(trigger, ['collect'], 'collect');
        const taps = [...tapsOf(trigger)];
        announce(principal, trigger, taps);
        const results: unknown[] = [];
        for (const tap of taps) results.push(await invoke(principal, trigger, tap, input));
        return results as OutputOf<typeof trigger>[];
      },

      async first(trigger, input) {
        expectKind(trigger, ['first'], 'first');
        const taps = [...tapsOf(trigger)];
        announce(principal, trigger, taps);
        if (taps.length === 0) throw noHandler(trigger, '');
        for (const tap of taps) {
          const result = await invoke(principal, trigger, tap, input);
          if (result !== undefined) return result as OutputOf<typeof trigger>;
        }
        return undefined;
      },

      async keyed(trigger, key, input) {
        expectKind(trigger, ['keyed'], 'keyed');
        const tap = tapsOf(trigger).find((t) => t.key === key);
        announce(principal, trigger, tap ? [tap] : [], key);
        if (!tap) {
          const known = this.keys(trigger);
          throw noHandler(trigger, ` for "${key}" (registered: ${known.length ? known.join(', ') : 'none'})`);
        }
        return (await invoke(principal, trigger, tap, input)) as OutputOf<typeof trigger>;
      },

      keys(trigger) {
        return tapsOf(trigger)
          .map((t) => t.key)
          .filter((k): k is string => k !== undefined)
          .sort();
      },

      taps(trigger) {
        return tapsOf(trigger).map((t) => ({
          plugin: t.principal.plugin,
          stage: t.stage,
          ...(t.key === undefined ? {} : { key: t.key }),
        }));
      },
    };
  }

  return busFor(HOST);
}
