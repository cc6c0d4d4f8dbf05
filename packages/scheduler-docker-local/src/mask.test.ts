import { describe, expect, it } from '@jest/globals';
import { maskInspect } from './mask.js';

describe('maskInspect', () => {
  it('masks Config.Env only, sorts keys deeply, leaves the input alone', () => {
    const raw = { Name: '/shop.web.1', Config: { Image: 'shop:1', Env: ['SECRET=x', 'PORT=5000'] }, Args: ['b', 'a'] };
    const masked = maskInspect(raw);
    expect(JSON.stringify(masked)).toBe('{"Args":["b","a"],"Config":{"Env":["SECRET=XXXXXX","PORT=5000"],"Image":"shop:1"},"Name":"/shop.web.1"}');
    expect(raw.Config.Env[0]).toBe('SECRET=x');
  });
});
