import { describe, expect, it } from '@jest/globals';
import { signalExitCode, signalOfExitCode } from './signal-status.js';

describe('signal statuses', () => {
  it('maps signals to shell statuses and back', () => {
    expect([signalExitCode('SIGINT'), signalExitCode('SIGTERM')]).toEqual([130, 143]);
    expect([signalOfExitCode(130), signalOfExitCode(143), signalOfExitCode(undefined)]).toEqual(['SIGINT', 'SIGTERM', 'SIGINT']);
  });
});
