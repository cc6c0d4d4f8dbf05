import { describe, expect, it } from '@jest/globals';
import { randomRunNumber, runName, runNumberOf } from './one-off-naming.js';

describe('one-off naming', () => {
  it('names a one-off <app>.run.<n> and reads n back, also for app names with dots', () => {
    expect(runName('shop', 42)).toBe('shop.run.42');
    expect(runNumberOf('shop', 'shop.run.42')).toBe('42');
    expect(runNumberOf('my.shop', 'my.shop.run.7')).toBe('7');
    expect(runNumberOf('shop', 'other.run.9')).toBe('9');
  });

  it('draws n as Dokku’s $RANDOM does, 1–32767', () => {
    for (let i = 0; i < 200; i++) expect(randomRunNumber()).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 200; i++) expect(randomRunNumber()).toBeLessThanOrEqual(32767);
  });
});
