import { describe, expect, it } from '@jest/globals';
import { memoryHost } from '../test-support/memory-host.js';
import { defineProperties } from './define-properties.js';
import { propertyClient } from './property-client.js';

const demo = defineProperties('demo', {
  mode: { default: 'fast', global: true },
  owner: {},
  secret: { public: false },
});

describe('defineProperties', () => {
  it('lists public keys sorted and the global ones', () => {
    expect(demo.keys).toEqual(['mode', 'owner']);
    expect(demo.globalKeys).toEqual(['mode']);
  });

  it('refuses keys that could escape the property directory', () => {
    expect(() => defineProperties('demo', { '../x': {} })).toThrow('invalid property key "../x" for demo');
  });
});

describe('propertyClient', () => {
  it('computes app → global → default, and --global skips the app', async () => {
    const host = await memoryHost([]);
    const props = propertyClient(host.bus, demo);

    expect(await props.computed('blog', 'mode')).toBe('fast');
    await props.set('--global', 'mode', 'slow');
    expect(await props.computed('blog', 'mode')).toBe('slow');
    await props.set('blog', 'mode', 'safe');
    expect(await props.computed('blog', 'mode')).toBe('safe');
    expect(await props.computed('--global', 'mode')).toBe('slow');
  });

  it('derives report flags from the declaration', async () => {
    const host = await memoryHost([]);
    const props = propertyClient(host.bus, demo);
    await props.set('blog', 'owner', 'ana');
    await props.set('blog', 'secret', 'hidden');

    expect(await props.reportFlags('blog')).toEqual({
      '--demo-computed-mode': 'fast',
      '--demo-computed-owner': 'ana',
      '--demo-global-mode': '',
      '--demo-mode': '',
      '--demo-owner': 'ana',
    });
    expect(await props.reportFlags('--global')).toEqual({ '--demo-computed-mode': 'fast', '--demo-global-mode': '', '--demo-computed-owner': '' });
  });
});
