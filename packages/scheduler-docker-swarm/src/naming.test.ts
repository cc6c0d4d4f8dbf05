import { describe, expect, it } from '@jest/globals';
import { appLabels, serviceName } from './naming.js';

describe('serviceName', () => {
  it('is <app>_<type> when Swarm accepts it', () => {
    expect(serviceName('blog', 'web')).toBe('blog_web');
    expect(serviceName('my-shop', 'release_worker')).toBe('my-shop_release_worker');
  });

  it('folds names Swarm refuses (dots, a trailing hyphen, too long) and keeps them apart with a hash', () => {
    const dotted = serviceName('my.app', 'web');
    expect(dotted).toMatch(/^my-app_web-[0-9a-f]{8}$/);
    expect(serviceName('my-app', 'web')).toBe('my-app_web');
    expect(serviceName('app-', 'web-')).toMatch(/^app-_web-[0-9a-f]{8}$/);
    const long = serviceName('a'.repeat(63), 'worker');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).not.toBe(serviceName('a'.repeat(63), 'worker2'));
    for (const name of [dotted, long, serviceName('x.', 'y')]) expect(name).toMatch(/^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/);
  });
});

describe('appLabels', () => {
  it('selects the app of this state root, or one of its types', () => {
    expect(appLabels('/var/lib/pier/../pier', 'blog', 'web')).toEqual(['com.dokku.app-name=blog', 'com.pier.root=/var/lib/pier', 'com.dokku.process-type=web']);
  });
});
