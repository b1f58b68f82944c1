import { authorizeCase } from '../../app/access/authorize';
import { verifyCaseChain } from '../../app/audit/verify-case-chain';
import { getCase } from '../../app/cases/get-case';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { parseParams } from './case-type-input';

/**
 * GET /api/v1/cases/{id}/audit: the same check as `npm run audit:verify` — every event against its hash
 * and its predecessor, and the chain's end against the case row — for auditors and records managers
 * who may see the case (can case.verifyAudit; 404 invisible, 403 otherwise).
 */
export const verifyCaseAuditEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'eventLog' | 'access'>) =>
  defineEndpoint({
    name: 'verifyCaseAudit',
    methods: ['GET'],
    route: 'v1/cases/{id}/audit',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const { state } = await getCase(deps, id);
      authorizeCase(await deps.access.actorFor(principal), 'case.verifyAudit', state);
      return json(200, await verifyCaseChain(deps, id));
    },
  });
