import { describe, expect, it } from '@jest/globals';
import { ErrorCodes, PierError, isPierError } from '../errors/index.js';
import { defineTrigger } from './define-trigger.js';
import { Stage, createTriggerBus, type DispatchEvent } from './trigger-bus.js';

const greeted = defineTrigger({
  id: 'test:greeted',
  kind: 'notify',
  description: 'test',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ name: z.string() }), output: z.void() }),
});
const votes = defineTrigger({
  id: 'test:votes',
  kind: 'collect',
  description: 'test',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({}), output: z.number() }),
});
const lookup = defineTrigger({
  id: 'test:lookup',
  kind: 'first',
  description: 'test',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ key: z.string() }), output: z.string().optional() }),
});
const status = defineTrigger({
  id: 'test:status',
  kind: 'keyed',
  description: 'test',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ app: z.string().min(1) }), output: z.object({ running: z.boolean() }) }),
});

const builtin = { plugin: '@pier/builtin', trusted: true };
const thirdParty = { plugin: 'acme-scheduler', trusted: false };

describe('trigger bus: dispatch kinds', () => {
  it('notify awaits every handler in stage order, then registration order', async () => {
    const bus = createTriggerBus();
    const seen: string[] = [];
    bus.scoped(builtin).tap(greeted, async ({ name }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`normal-1 ${name}`);
    });
    bus.scoped(builtin).tap(greeted, () => void seen.push('late'), { stage: Stage.late });
    bus.scoped(builtin).tap(greeted, () => void seen.push('normal-2'));
    bus.scoped(builtin).tap(greeted, () => void seen.push('early'), { stage: Stage.early });

    await bus.notify(greeted, { name: 'blog' });

    expect(seen).toEqual(['early', 'normal-1 blog', 'normal-2', 'late']);
  });

  it('collect returns every result in order', async () => {
    const bus = createTriggerBus();
    bus.scoped(builtin).tap(votes, () => 1);
    bus.scoped(builtin).tap(votes, async () => 2);

    expect(await bus.collect(votes, {})).toEqual([1, 2]);
  });

  it('first returns the first defined result and skips the rest', async () => {
    const bus = createTriggerBus();
    const called: string[] = [];
    bus.scoped(builtin).tap(lookup, () => void called.push('a'));
    bus.scoped(builtin).tap(lookup, ({ key }) => (called.push('b'), `value of ${key}`));
    bus.scoped(builtin).tap(lookup, () => (called.push('c'), 'never'));

    expect(await bus.first(lookup, { key: 'x' })).toBe('value of x');
    expect(called).toEqual(['a', 'b']);
  });

  it('first with no handler at all is an error naming the trigger', async () => {
    const bus = createTriggerBus();

    await expect(bus.first(lookup, { key: 'x' })).rejects.toMatchObject({
      code: ErrorCodes.TRIGGER_NO_HANDLER,
      message: 'no plugin handles test:lookup',
    });
  });

  it('keyed calls only the handler of the key', async () => {
    const bus = createTriggerBus();
    const called: string[] = [];
    bus.scoped(builtin).tapKeyed(status, 'docker-local', () => (called.push('docker-local'), { running: true }));
    bus.scoped(builtin).tapKeyed(status, 'null', () => (called.push('null'), { running: false }));

    expect(await bus.keyed(status, 'null', { app: 'blog' })).toEqual({ running: false });
    expect(called).toEqual(['null']);
    expect(bus.keys(status)).toEqual(['docker-local', 'null']);
  });

  it('keyed with an unknown key lists the registered keys', async () => {
    const bus = createTriggerBus();
    bus.scoped(builtin).tapKeyed(status, 'docker-local', () => ({ running: true }));

    await expect(bus.keyed(status, 'k3s', { app: 'blog' })).rejects.toMatchObject({
      code: ErrorCodes.TRIGGER_NO_HANDLER,
      message: 'no plugin handles test:status for "k3s" (registered: docker-local)',
    });
  });

  it('refuses a second handler for the same key, naming both plugins', () => {
    const bus = createTriggerBus();
    bus.scoped(builtin).tapKeyed(status, 'null', () => ({ running: true }));

    expect(() => bus.scoped(thirdParty).tapKeyed(status, 'null', () => ({ running: true }))).toThrow(
      'acme-scheduler cannot handle test:status for "null": @pier/builtin already does',
    );
  });

  it('rejects a trigger of the wrong kind at run time too (JavaScript callers)', async () => {
    const bus = createTriggerBus();
    const untyped = bus as unknown as { notify(t: unknown, i: unknown): Promise<void> };

    await expect(untyped.notify(status, { app: 'blog' })).rejects.toMatchObject({ code: ErrorCodes.TRIGGER_KIND });
  });

  it('unsubscribes a handler with the function tap returns', async () => {
    const bus = createTriggerBus();
    const off = bus.scoped(builtin).tap(votes, () => 1);
    off();

    expect(await bus.collect(votes, {})).toEqual([]);
  });
});

describe('trigger bus: errors', () => {
  it('wraps an unexpected throw with the plugin and trigger names', async () => {
    const bus = createTriggerBus();
    bus.scoped(thirdParty).tapKeyed(status, 'acme', () => {
      throw new TypeError('cannot read properties of undefined');
    });

    const error = await bus.keyed(status, 'acme', { app: 'blog' }).catch((e: unknown) => e);

    expect(isPierError(error)).toBe(true);
    expect(error).toMatchObject({
      code: ErrorCodes.PLUGIN,
      plugin: 'acme-scheduler',
      trigger: 'test:status',
      message: '[plugin acme-scheduler] test:status: cannot read properties of undefined',
    });
  });

  it('lets errors raised on purpose through with their code', async () => {
    const bus = createTriggerBus();
    bus.scoped(builtin).tapKeyed(status, 'null', () => {
      throw new PierError(ErrorCodes.APP_NOT_FOUND, 'App blog does not exist');
    });

    await expect(bus.keyed(status, 'null', { app: 'blog' })).rejects.toMatchObject({
      code: ErrorCodes.APP_NOT_FOUND,
      message: 'App blog does not exist',
    });
  });
});

describe('trigger bus: validation at trust boundaries', () => {
  it('checks what an untrusted handler returns', async () => {
    const bus = createTriggerBus();
    bus.scoped(thirdParty).tapKeyed(status, 'acme', () => ({ running: 'yes' }) as never);

    await expect(bus.keyed(status, 'acme', { app: 'blog' })).rejects.toMatchObject({
      code: ErrorCodes.TRIGGER_CONTRACT,
      message: '[plugin acme-scheduler] test:status: invalid output: running: Invalid input: expected boolean, received string',
    });
  });

  it('checks what an untrusted plugin sends', async () => {
    const bus = createTriggerBus();
    bus.scoped(builtin).tapKeyed(status, 'null', () => ({ running: true }));

    await expect(bus.scoped(thirdParty).keyed(status, 'null', { app: '' })).rejects.toMatchObject({
      code: ErrorCodes.TRIGGER_CONTRACT,
    });
  });

  it('trusts built-in plugins by default and checks them in "all" mode', async () => {
    const lenient = createTriggerBus();
    const strict = createTriggerBus({ validate: 'all' });
    for (const bus of [lenient, strict]) bus.scoped(builtin).tapKeyed(status, 'null', () => ({ running: 1 }) as never);

    expect(await lenient.keyed(status, 'null', { app: 'blog' })).toEqual({ running: 1 });
    await expect(strict.keyed(status, 'null', { app: 'blog' })).rejects.toMatchObject({ code: ErrorCodes.TRIGGER_CONTRACT });
  });
});

describe('trigger bus: observability', () => {
  it('emits a dispatch event naming caller, key and handlers', async () => {
    const bus = createTriggerBus();
    const events: DispatchEvent[] = [];
    bus.events.on('dispatch', (event) => events.push(event));
    bus.scoped(builtin).tapKeyed(status, 'null', () => ({ running: true }));

    await bus.scoped(thirdParty).keyed(status, 'null', { app: 'blog' });

    expect(events).toEqual([
      { trigger: 'test:status', kind: 'keyed', key: 'null', caller: 'acme-scheduler', handlers: ['@pier/builtin'] },
    ]);
  });

  it('lists taps in dispatch order with their plugin', () => {
    const bus = createTriggerBus();
    bus.scoped(thirdParty).tap(votes, () => 1, { stage: Stage.late });
    bus.scoped(builtin).tap(votes, () => 2);

    expect(bus.taps(votes)).toEqual([
      { plugin: '@pier/builtin', stage: 0 },
      { plugin: 'acme-scheduler', stage: 10 },
    ]);
  });
});

describe('defineTrigger', () => {
  it('refuses ids that are not owner:event in kebab case', () => {
    expect(() =>
      defineTrigger({ id: 'Scheduler:Deploy', kind: 'notify', description: '', since: '0', schemas: (z) => ({ input: z.void(), output: z.void() }) }),
    ).toThrow('trigger id "Scheduler:Deploy" must look like "owner:event" in kebab case');
  });
});
