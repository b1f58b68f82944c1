export * from './raise-signals';
export * from './signal-text';
export * from './signals';
