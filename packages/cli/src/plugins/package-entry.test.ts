import { describe, expect, it } from '@jest/globals';
import { packageEntry } from './package-entry.js';

describe('packageEntry', () => {
  it.each([
    ['a string export', { exports: './dist/index.js' }, '/p/dist/index.js'],
    ['a "." string', { exports: { '.': './main.js', './package.json': './package.json' } }, '/p/main.js'],
    ['conditions, import first', { exports: { '.': { types: './x.d.ts', require: './x.cjs', import: './x.mjs', default: './x.js' } } }, '/p/x.mjs'],
    ['nested conditions', { exports: { node: { import: './node.mjs' }, default: './x.js' } }, '/p/node.mjs'],
    ['main', { main: 'lib/index.js' }, '/p/lib/index.js'],
    ['nothing', {}, '/p/index.js'],
  ])('%s', (_case, pkg, entry) => {
    expect(packageEntry('/p', pkg)).toBe(entry);
  });

  it('finds nothing when the exports map has no importable "."', () => {
    expect(packageEntry('/p', { exports: { '.': { require: './x.cjs' } } })).toBeUndefined();
  });
});
