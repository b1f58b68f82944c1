import { takeCase } from '../../app/cases/take-case';
import type { Dependencies } from '../../composition-root';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget } from './case-change-input';

/** POST /api/v1/cases/{id}/take: the caller becomes the assignee (If-Match). Any authenticated user for now; issue 6 narrows this with per-type grants. */
export const takeCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock'>) =>
  defineEndpoint({
    name: 'takeCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/take',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const changed = await takeCase(deps, principal, target, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });
