import { describe, expect, it } from '@jest/globals';
import { appOfRunContainer } from './container-name.js';

describe('appOfRunContainer', () => {
  it.each([
    ['blog.run.42', undefined, 'blog'],
    ['blog.run.42', 'blog', 'blog'],
    ['my.app.run.1748', undefined, 'my.app'],
    ['my.app.run.1748', 'my.app', 'my.app'],
  ])('%s (app %s) → %s', (container, app, expected) => {
    expect(appOfRunContainer(container, app)).toBe(expected);
  });

  it.each([
    ['blog.web', undefined, 'Invalid container name specified: blog.web'],
    ['blog..run.1', undefined, 'Invalid container name specified: blog..run.1'],
    ['blog.run.1', 'shop', 'Specified app does not app in container name'],
    ['my.app.run.1', 'app', 'Specified app does not app in container name'],
    ['blog.web.1', undefined, 'Specified container must be a run container'],
    ['my.app.web.1', 'my.app', 'Specified container must be a run container'],
  ])('%s (app %s): %s', (container, app, message) => {
    expect(() => appOfRunContainer(container, app)).toThrow(message);
  });
});
