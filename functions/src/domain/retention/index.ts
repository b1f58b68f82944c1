export * from './archive';
export * from './clear-on-reopen';
export * from './compute-archive-action';
export * from './retention-errors';
