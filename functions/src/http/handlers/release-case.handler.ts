import { releaseCase } from '../../app/cases/release-case';
import type { Dependencies } from '../../composition-root';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget } from './case-change-input';

/** POST /api/v1/cases/{id}/release: clears the assignee (If-Match). Any authenticated user for now; issue 6 narrows this with per-type grants. */
export const releaseCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock'>) =>
  defineEndpoint({
    name: 'releaseCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/release',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const changed = await releaseCase(deps, principal, target, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });
