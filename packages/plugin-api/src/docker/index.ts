export * from './engine-errors.js';
export * from './dokku-labels.js';
export * from './one-off-naming.js';
export * from './own-init.js';
export * from './loopback-port.js';
export * from './inspect-masking.js';
export * from './archive-file.js';
