import { describe, expect, it } from '@jest/globals';
import { maskEnvEntry, maskEnvList, sortKeys } from './inspect-masking.js';

describe('maskEnvEntry', () => {
  it.each([
    ['CACHE_PATH=/cache', 'CACHE_PATH=/cache'],
    ['DOCKER_HOST=unix:///x', 'DOCKER_HOST=unix:///x'],
    ['DOKKU_APP_TYPE=herokuish', 'DOKKU_APP_TYPE=herokuish'],
    ['DYNO=web.1', 'DYNO=web.1'],
    ['PATH=/usr/bin', 'PATH=/usr/bin'],
    ['PORT=5000', 'PORT=5000'],
    ['USER=herokuishuser', 'USER=herokuishuser'],
    ['DATABASE_URL=postgres://u:p@h/db', 'DATABASE_URL=XXXXXX'],
    ['PORTAL=x', 'PORTAL=XXXXXX'],
    ['DYNOS=3', 'DYNOS=XXXXXX'],
    ['EMPTY=', 'EMPTY=XXXXXX'],
    ['A=b=c', 'A=XXXXXX'],
    ['BARE', 'BARE'],
  ])('%s → %s', (entry, masked) => {
    expect(maskEnvEntry(entry)).toBe(masked);
  });
});

describe('maskEnvList', () => {
  it('masks the string entries and leaves anything else', () => {
    expect(maskEnvList(['SECRET=x', 'PORT=5000', 7])).toEqual(['SECRET=XXXXXX', 'PORT=5000', 7]);
  });
});

describe('sortKeys', () => {
  it('sorts keys deeply, through arrays, keeping array order', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: [{ d: 1, c: 2 }, 'z', 'y'] }))).toBe('{"a":[{"c":2,"d":1},"z","y"],"b":1}');
  });
});
