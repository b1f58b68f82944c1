import { AppError } from '../../app/errors';
import type { Dependencies } from '../../composition-root';
import { corsPreflightHeaders, isAllowedOrigin } from '../cors';
import { defineEndpoint } from '../endpoint';
import { policies } from '../policies';

/**
 * CORS preflight for every API route. The Functions host routes the most specific template first,
 * so this catch-all only answers OPTIONS requests no other endpoint declares.
 */
export const preflightEndpoint = (deps: Pick<Dependencies, 'config'>) =>
  defineEndpoint({
    name: 'preflight',
    methods: ['OPTIONS'],
    route: 'v1/{*path}',
    policy: policies.public,
    handler: async ({ request }) => {
      const origin = request.headers.get('origin');
      if (!origin || !isAllowedOrigin(origin, deps.config.http)) {
        throw new AppError('forbidden', 'cors.origin-not-allowed', 'This origin may not call the API.');
      }
      return { status: 204, headers: corsPreflightHeaders(origin, deps.config.http) };
    },
  });

/** Any other method on an unknown /api/v1 route: a problem+json 404 instead of the host's empty one. */
export const notFoundEndpoint = () =>
  defineEndpoint({
    name: 'notFound',
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    route: 'v1/{*path}',
    policy: policies.public,
    handler: async () => {
      throw new AppError('not-found', 'route.not-found', 'There is no such API route.');
    },
  });
