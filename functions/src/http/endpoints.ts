import type { Dependencies } from '../composition-root';
import type { AnyEndpoint } from './endpoint';
import { notFoundEndpoint, preflightEndpoint } from './handlers/fallback.handler';
import { healthEndpoint } from './handlers/health.handler';
import { listCasesEndpoint } from './handlers/list-cases.handler';
import { meEndpoint } from './handlers/me.handler';
import { openApiEndpoint } from './handlers/openapi.handler';

/**
 * The endpoint table: every HTTP endpoint of the API with its route, methods and policy. register.ts
 * turns each row into one Azure Function; a test checks every row has a known policy.
 */
export function createEndpoints(deps: Dependencies): AnyEndpoint[] {
  return [
    healthEndpoint(deps),
    meEndpoint(),
    listCasesEndpoint(deps),
    openApiEndpoint(deps),
    preflightEndpoint(deps),
    notFoundEndpoint(),
  ];
}
