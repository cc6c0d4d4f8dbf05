import { describe, expect, it } from '@jest/globals';
import { npmFailure } from './npm-runner.js';

describe('npmFailure', () => {
  it('keeps npm’s explanation and drops codes and the log-file line', () => {
    const stderr = [
      'npm warn Unknown user config "nodedir".',
      'npm error code E404',
      'npm error 404 Not Found - GET https://registry.npmjs.org/@pier%2fplugin-api - Not found',
      'npm error 404',
      "npm error 404  '@pier/plugin-api@^0.1.0' is not in this registry.",
      'npm error 404',
      'npm error 404 Note that you can also install from a',
      'npm error 404 tarball, folder, http url, or git url.',
      'npm error A complete log of this run can be found in: /root/.npm/_logs/x.log',
    ].join('\n');

    expect(npmFailure(stderr)).toBe(
      "Not Found - GET https://registry.npmjs.org/@pier%2fplugin-api - Not found; '@pier/plugin-api@^0.1.0' is not in this registry.",
    );
  });

  it('falls back to the last line when npm printed no error lines', () => {
    expect(npmFailure('something\nwent wrong\n')).toBe('went wrong');
  });
});
