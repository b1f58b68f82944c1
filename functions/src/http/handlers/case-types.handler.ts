import { getCaseTypeVersion } from '../../app/case-types/get-case-type-version';
import { listCaseTypeVersions } from '../../app/case-types/list-case-type-versions';
import { listCaseTypes } from '../../app/case-types/list-case-types';
import { pageOf, versionSortKey } from '../../app/case-types/page';
import type { Dependencies } from '../../composition-root';
import { CaseTypeKeyParamsSchema, CaseTypeListQuerySchema, CaseTypeVersionParamsSchema } from '../../contract/case-type-api';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { presentCaseTypeList, presentCaseTypeVersion, presentCaseTypeVersionList } from '../presenters/case-type.presenter';
import { parseParams } from './case-type-input';

type Deps = Pick<Dependencies, 'caseTypes'>;
type ListDeps = Pick<Dependencies, 'caseTypes' | 'config'>;

/** GET /api/v1/case-types: the latest published version of each type the caller may start. */
export const listCaseTypesEndpoint = (deps: ListDeps) =>
  defineEndpoint({
    name: 'listCaseTypes',
    methods: ['GET'],
    route: 'v1/case-types',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const query = parseQuery(request, CaseTypeListQuerySchema);
      // authorize: per type, inside the use case (access grants of the caller's groups).
      const types = await listCaseTypes(principal, deps.caseTypes, deps.config.access);
      const page = pageOf(types, (type) => type.key, query);
      return json(200, presentCaseTypeList(page.items, page.nextCursor));
    },
  });

/** GET /api/v1/case-types/{key}/versions?limit=&cursor=: every version of a type, lowest first. */
export const listCaseTypeVersionsEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'listCaseTypeVersions',
    methods: ['GET'],
    route: 'v1/case-types/{key}/versions',
    policy: policies.authenticated,
    handler: async ({ request }) => {
      const { key } = parseParams(request, CaseTypeKeyParamsSchema);
      const query = parseQuery(request, CaseTypeListQuerySchema);
      const page = pageOf(await listCaseTypeVersions(key, deps.caseTypes), versionSortKey, query);
      return json(200, presentCaseTypeVersionList(page.items, page.nextCursor));
    },
  });

/** GET /api/v1/case-types/{key}/versions/{n}: one version as published (cases record which). */
export const getCaseTypeVersionEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'getCaseTypeVersion',
    methods: ['GET'],
    route: 'v1/case-types/{key}/versions/{n}',
    policy: policies.authenticated,
    handler: async ({ request }) => {
      const { key, n } = parseParams(request, CaseTypeVersionParamsSchema);
      const body = presentCaseTypeVersion(await getCaseTypeVersion(key, n, deps.caseTypes));
      return json(200, body, { etag: body.etag });
    },
  });
