import { takeCase } from '../../app/cases/take-case';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget } from './case-change-input';

/** POST /api/v1/cases/{id}/take: the caller becomes the assignee (If-Match). Authorized by can() on the loaded case (404 invisible, 403 not allowed). */
export const takeCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'access'>) =>
  defineEndpoint({
    name: 'takeCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/take',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.take') };
      const changed = await takeCase(deps, principal, target, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
