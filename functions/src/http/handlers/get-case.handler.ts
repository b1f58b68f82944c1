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
 * does not exist or the caller may not see it. Every read is recorded in the access log before the
 * answer is sent (decision 0023): the chain head is read ahead while the case loads, and the record is
 * appended while the answer is presented; a read that could not be recorded answers 503 without the case.
 */
export const getCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'caseNumberIndex' | 'access' | 'accessLog' | 'clock'>) =>
  defineEndpoint({
    name: 'getCase',
    methods: ['GET'],
    route: 'v1/cases/{id}',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdOrNumberParamsSchema);
      const [actor, { state, etag }] = await Promise.all([
        deps.access.actorFor(principal),
        getCaseByIdOrNumber(deps, id, (caseId) => deps.accessLog.prepareAppend?.(caseId)),
      ]);
      authorizeCase(actor, 'case.read', state);
      const [, body] = await Promise.all([
        recordCaseRead(deps, principal, state, 'case'),
        Promise.resolve().then(() => presentCase(state, etag, actor)),
      ]);
      return json(200, body, { etag });
    },
  });
