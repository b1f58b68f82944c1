import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ProblemSchema } from './problem';
import { SignalIdParamsSchema, SignalListQuerySchema, SignalListSchema, SignalSchema } from './signals';

/** The signal paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const signalPaths = ['/v1/signals', '/v1/signals/{id}/read'] as const;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const authProblems = {
  401: problem('No, invalid or expired bearer token (`WWW-Authenticate: Bearer`)'),
};

export function describeSignalsApi(registry: OpenAPIRegistry, secured: { entra: string[] }[]): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/signals',
    summary: 'My signals (deadline at risk or overdue, task past due, reminders, lapsed applicant terms), newest first',
    security: secured,
    request: { query: SignalListQuerySchema },
    responses: {
      200: { description: 'One page of signals', content: { 'application/json': { schema: SignalListSchema } } },
      400: problem('Invalid query (every invalid parameter listed in `errors`)'),
      ...authProblems,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/signals/{id}/read',
    summary: 'Mark one of my signals read (for me only; again keeps the first time)',
    security: secured,
    request: { params: SignalIdParamsSchema },
    responses: {
      200: { description: 'The signal, read', content: { 'application/json': { schema: SignalSchema } } },
      404: problem('Not one of my signals (`signal.not-found`)'),
      ...authProblems,
    },
  });
}
