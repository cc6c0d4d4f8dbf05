import { describe, expect, it } from '@jest/globals';
import { APP_NAME_MAX_LENGTH, assertExistingAppName, assertNewAppName } from './app-name.js';

describe('app names', () => {
  it('accepts a new name of exactly the maximum length and refuses a longer one up front', () => {
    expect(() => assertNewAppName('a'.repeat(APP_NAME_MAX_LENGTH))).not.toThrow();
    expect(() => assertNewAppName('a'.repeat(APP_NAME_MAX_LENGTH + 1))).toThrow('App name must be at most 63 characters long');
  });

  it('reports the naming rule before the length', () => {
    expect(() => assertNewAppName(`A${'a'.repeat(300)}`)).toThrow('App name must begin with lowercase alphanumeric character');
  });

  it('does not limit the length of existing apps (Dokku has no limit)', () => {
    expect(() => assertExistingAppName('a'.repeat(100))).not.toThrow();
  });
});
