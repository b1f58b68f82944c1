import type { Dependencies } from '../../composition-root';
import { buildOpenApiDocument } from '../../contract/openapi';
import { defineEndpoint } from '../endpoint';
import { policies } from '../policies';

/** GET /api/v1/openapi.json: generated from the zod contract once, on first request. */
export const openApiEndpoint = (deps: Pick<Dependencies, 'config'>) => {
  let document: string | undefined;
  return defineEndpoint({
    name: 'openapi',
    methods: ['GET'],
    route: 'v1/openapi.json',
    policy: policies.public,
    handler: async () => {
      document ??= JSON.stringify(buildOpenApiDocument(deps.config.version));
      return {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' },
        body: document,
      };
    },
  });
};
