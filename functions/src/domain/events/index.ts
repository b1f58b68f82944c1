export * from './canonical-json';
export * from './case-event';
export * from './hash-chain';
