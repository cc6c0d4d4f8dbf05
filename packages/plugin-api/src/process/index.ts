export * from './interrupts.js';
export * from './interrupt-relay.js';
export * from './signal-status.js';
export * from './terminal-mode.js';
export * from './app-shell.js';
