import { authorizeCase } from '../../app/access/authorize';
import { recordCaseRead } from '../../app/access/record-case-read';
import { getCaseByIdOrNumber } from '../../app/cases/get-case';
import type { Dependencies } from '../../composition-root';
import { CaseIdOrNumberParamsSchema } from '../../contract/case';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { parseParams } from './case-type-input';

/**
 * GET /api/v1/cases/{id}: one case by its uuid or its number (through the number index); 404 when it
 * does not exist or the caller may not see it. Every read is recorded in the access log.
 */
export const getCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'caseNumberIndex' | 'access' | 'accessLog' | 'clock'>) =>
  defineEndpoint({
    name: 'getCase',
    methods: ['GET'],
    route: 'v1/cases/{id}',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdOrNumberParamsSchema);
      const actor = await deps.access.actorFor(principal);
      const { state, etag } = await getCaseByIdOrNumber(deps, id);
      authorizeCase(actor, 'case.read', state);
      await recordCaseRead(deps, principal, state, 'case');
      return json(200, presentCase(state, etag, actor), { etag });
    },
  });
