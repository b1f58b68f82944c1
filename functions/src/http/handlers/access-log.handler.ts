import { getAccessOverview } from '../../app/access/get-access-overview';
import { listCaseAccessRecords, listPersonAccessRecords } from '../../app/access/list-access-records';
import type { Dependencies } from '../../composition-root';
import { AccessLogQuerySchema, PersonAccessLogQuerySchema } from '../../contract/access-log';
import { CaseIdParamsSchema } from '../../contract/case';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { presentAccessRecordList } from '../presenters/access-record.presenter';
import { parseParams } from './case-type-input';

type Deps = Pick<Dependencies, 'caseStore' | 'accessLog' | 'access' | 'caseTypes'>;

/** GET /api/v1/cases/{id}/access-log: who read the case, newest first (privacy officers, records managers). */
export const getCaseAccessLogEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'getCaseAccessLog',
    methods: ['GET'],
    route: 'v1/cases/{id}/access-log',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const { limit, cursor } = parseQuery(request, AccessLogQuerySchema);
      const actor = await deps.access.actorFor(principal);
      const page = await listCaseAccessRecords(deps, actor, id, { limit, ...(cursor ? { cursor } : {}) });
      return json(200, presentAccessRecordList(page));
    },
  });

/** GET /api/v1/access-log?applicant=<e-mail or name>: who looked at the files of this person (AVG art. 15). */
export const personAccessLogEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'personAccessLog',
    methods: ['GET'],
    route: 'v1/access-log',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { applicant, limit, cursor } = parseQuery(request, PersonAccessLogQuerySchema);
      const actor = await deps.access.actorFor(principal);
      const page = await listPersonAccessRecords(deps, actor, applicant, { limit, ...(cursor ? { cursor } : {}) });
      return json(200, presentAccessRecordList(page));
    },
  });

/** GET /api/v1/access/overview: who has which rights where (administrators, auditors). */
export const accessOverviewEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'accessOverview',
    methods: ['GET'],
    route: 'v1/access/overview',
    policy: policies.authenticated,
    handler: async ({ principal }) => {
      const actor = await deps.access.actorFor(principal);
      return json(200, await getAccessOverview(deps, actor));
    },
  });
