import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { propertyFile, readPropertyFile } from './property-files.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pier-props-'));
  mkdirSync(join(root, 'config', 'ps', 'shop'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('properties in Dokku’s file layout, read without a bus', () => {
  it('reads a value; absent and empty are unset', async () => {
    writeFileSync(join(root, 'config', 'ps', 'shop', 'stop-timeout-seconds'), '5');
    writeFileSync(join(root, 'config', 'ps', 'shop', 'restart-policy'), '');

    expect(await readPropertyFile(root, 'ps', 'shop', 'stop-timeout-seconds')).toBe('5');
    expect(await readPropertyFile(root, 'ps', 'shop', 'restart-policy')).toBeUndefined();
    expect(await readPropertyFile(root, 'ps', '--global', 'stop-timeout-seconds')).toBeUndefined();
  });

  it('never lets a name leave the config directory', () => {
    expect(() => propertyFile(root, 'ps', '..', 'x')).toThrow('Invalid app name for a property: ".."');
    expect(() => propertyFile(root, 'ps', 'shop', '../../etc')).toThrow('Invalid property name');
  });
});
