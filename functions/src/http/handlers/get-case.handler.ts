import { getCase } from '../../app/cases/get-case';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { parseParams } from './case-type-input';

/**
 * GET /api/v1/cases/{id}: one case by its uuid. Lookup by case number needs a number → id index that
 * does not exist yet. Any authenticated user for now; issue 6 adds visibility (404 when not visible).
 */
export const getCaseEndpoint = (deps: Pick<Dependencies, 'caseStore'>) =>
  defineEndpoint({
    name: 'getCase',
    methods: ['GET'],
    route: 'v1/cases/{id}',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const { state, etag } = await getCase(deps, id);
      return json(200, presentCase(state, etag, principal), { etag });
    },
  });
