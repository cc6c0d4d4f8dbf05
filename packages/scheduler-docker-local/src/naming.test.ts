import { describe, expect, it } from '@jest/globals';
import { byDyno, classifyName } from './naming.js';

describe('classifyName', () => {
  it.each([
    ['shop', 'shop.web.1', 'live', 'web.1'],
    ['shop', 'shop.web.12', 'live', 'web.12'],
    ['shop', 'shop.worker_2.3.upcoming-123', 'upcoming', 'worker_2.3'],
    ['shop', 'shop.web.1.1700000000', 'retired', 'web.1'],
    ['my.app', 'my.app.web.2', 'live', 'web.2'],
    ['shop', 'shop.web.0', 'unknown', ''],
    ['shop', 'shop.web', 'unknown', ''],
    ['shop', 'shopx.web.1', 'unknown', ''],
    ['shop', 'shop.run.123.extra.1', 'unknown', ''],
    ['shop', 'pier-image-info.shop.abcd', 'unknown', ''],
  ])('%s / %s → %s %s', (app, name, role, dyno) => {
    expect(classifyName(app, name)).toMatchObject({ role, dyno });
  });
});

describe('byDyno', () => {
  it('sorts by type, then numerically by index', () => {
    const dynos = ['web.10', 'worker.1', 'web.2', 'api.3', 'web.1'].map((d) => {
      const [type, index] = d.split('.');
      return { type: type!, index: Number(index) };
    });
    expect(dynos.sort(byDyno).map((d) => `${d.type}.${d.index}`)).toEqual(['api.3', 'web.1', 'web.2', 'web.10', 'worker.1']);
  });
});
