export * from './engine-errors.js';
