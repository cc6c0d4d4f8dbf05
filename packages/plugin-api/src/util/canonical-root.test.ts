import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalRoot } from './canonical-root.js';

let dir: string;
beforeEach(() => {
  // realpath: the temp dir itself may sit behind a symlink (macOS).
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'pier-root-')));
  mkdirSync(join(dir, 'real'));
  symlinkSync(join(dir, 'real'), join(dir, 'link'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('canonicalRoot', () => {
  it('gives one spelling for a directory reached through a symlink', () => {
    expect(canonicalRoot(join(dir, 'link'))).toBe(join(dir, 'real'));
    expect(canonicalRoot(join(dir, 'real'))).toBe(join(dir, 'real'));
    expect(canonicalRoot(`${join(dir, 'link')}/./`)).toBe(join(dir, 'real'));
  });

  it('resolves a root that does not exist yet through its nearest existing ancestor', () => {
    expect(canonicalRoot(join(dir, 'link', 'new', 'root'))).toBe(join(dir, 'real', 'new', 'root'));
  });

  it('makes a relative root absolute', () => {
    expect(canonicalRoot('relative-root')).toBe(join(realpathSync(process.cwd()), 'relative-root'));
  });
});
