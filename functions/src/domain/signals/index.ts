export * from './raise-signals';
export * from './signal-text';
export * from './signals';
export * from './queue-flags';
