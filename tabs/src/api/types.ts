/**
 * Response shapes of the Zaakwerk API, from the shared zod contract (functions/src/contract). Imported as
 * types only: tsconfig `paths` points the package name at the contract's source, so `tsc` catches drift
 * between the API and the tab, while the bundle carries no zod and needs no build of functions/ first.
 * The runtime checks in api-client.ts stay structural and small.
 */
export type { CaseList, CaseStatus, CaseSummary, Me, Problem } from '@zaakwerk/functions/contract';

/** Work queues of GET /cases (API.md); the API serves `mine` first, `team` and `all` later. */
export type CaseQueue = 'mine' | 'team' | 'all';
