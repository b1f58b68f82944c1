import { getCaseByIdOrNumber } from '../../app/cases/get-case';
import type { Dependencies } from '../../composition-root';
import { CaseIdOrNumberParamsSchema } from '../../contract/case';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { parseParams } from './case-type-input';

/**
 * GET /api/v1/cases/{id}: one case by its uuid or its number (through the number index). Any
 * authenticated user for now; issue 6 adds visibility (404 when not visible).
 */
export const getCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'caseNumberIndex'>) =>
  defineEndpoint({
    name: 'getCase',
    methods: ['GET'],
    route: 'v1/cases/{id}',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdOrNumberParamsSchema);
      const { state, etag } = await getCaseByIdOrNumber(deps, id);
      return json(200, presentCase(state, etag, principal), { etag });
    },
  });
