import { describe, expect, it } from '@jest/globals';
import { maskEnvEntry, maskInspect } from './mask.js';

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

describe('maskInspect', () => {
  it('masks Config.Env only, sorts keys deeply, leaves the input alone', () => {
    const raw = { Name: '/shop.web.1', Config: { Image: 'shop:1', Env: ['SECRET=x', 'PORT=5000'] }, Args: ['b', 'a'] };
    const masked = maskInspect(raw);
    expect(JSON.stringify(masked)).toBe('{"Args":["b","a"],"Config":{"Env":["SECRET=XXXXXX","PORT=5000"],"Image":"shop:1"},"Name":"/shop.web.1"}');
    expect(raw.Config.Env[0]).toBe('SECRET=x');
  });
});
