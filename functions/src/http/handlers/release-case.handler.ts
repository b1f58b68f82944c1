import { releaseCase } from '../../app/cases/release-case';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget } from './case-change-input';

/** POST /api/v1/cases/{id}/release: clears the assignee (If-Match). Authorized by can() on the loaded case (404 invisible, 403 not allowed). */
export const releaseCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'access'>) =>
  defineEndpoint({
    name: 'releaseCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/release',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.release') };
      const changed = await releaseCase(deps, principal, target, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
