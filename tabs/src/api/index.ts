export { createApiClient } from './api-client';
export type { ApiClient, ApiClientOptions } from './api-client';
export { ApiProblemError, networkProblem } from '../shared/api/problem';
export type { CaseList, CaseQueue, CaseSummary, Me, Problem } from './types';
