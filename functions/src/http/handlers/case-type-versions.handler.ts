import { diffCaseTypeVersions } from '../../app/case-types/diff-case-type-versions';
import { exportCaseTypeVersion } from '../../app/case-types/export-case-type-version';
import { publishCaseType } from '../../app/case-types/publish-case-type';
import { retireCaseTypeVersion } from '../../app/case-types/retire-case-type-version';
import { requestFingerprint, runOnce } from '../../app/idempotency/run-once';
import type { Dependencies } from '../../composition-root';
import {
  CaseTypeDiffQuerySchema,
  CaseTypeExportQuerySchema,
  CaseTypeKeyParamsSchema,
  CaseTypeVersionParamsSchema,
} from '../../contract/case-type-api';
import { defineEndpoint, json } from '../endpoint';
import { idempotencyKeyOf, replayedHeader } from '../idempotency-key';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { presentCaseTypeVersion } from '../presenters/case-type.presenter';
import { now, optionalIfMatch, parseParams } from './case-type-input';

type Deps = Pick<Dependencies, 'caseTypes'>;

/**
 * POST /api/v1/case-types/{key}/publish: the draft becomes immutable version n+1 (If-Match optional).
 * With an Idempotency-Key a retry gets the version the first request published, not a 409.
 */
export const publishCaseTypeEndpoint = (deps: Pick<Dependencies, 'caseTypes' | 'idempotency'>) =>
  defineEndpoint({
    name: 'publishCaseType',
    methods: ['POST'],
    route: 'v1/case-types/{key}/publish',
    policy: policies.caseTypesManage,
    handler: async ({ request, principal, log }) => {
      const idempotencyKey = idempotencyKeyOf(request);
      const { key } = parseParams(request, CaseTypeKeyParamsSchema);
      const ifMatch = optionalIfMatch(request);
      const fingerprint = requestFingerprint({ route: 'POST v1/case-types/{key}/publish', key, ifMatch: ifMatch ?? null });
      const done = await runOnce(deps.idempotency, principal.oid, idempotencyKey, fingerprint, log, async () => {
        const version = await publishCaseType(key, now(), deps.caseTypes, ifMatch);
        const body = presentCaseTypeVersion(version);
        return {
          status: 201,
          body,
          headers: { etag: body.etag, location: `/api/v1/case-types/${key}/versions/${version.version}` },
        };
      });
      return json(done.status, done.body, { ...done.headers, ...replayedHeader(done.replayed) });
    },
  });

/** POST /api/v1/case-types/{key}/versions/{n}/retire: no new cases on this version. */
export const retireCaseTypeVersionEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'retireCaseTypeVersion',
    methods: ['POST'],
    route: 'v1/case-types/{key}/versions/{n}/retire',
    policy: policies.caseTypesManage,
    handler: async ({ request }) => {
      const { key, n } = parseParams(request, CaseTypeVersionParamsSchema);
      const body = presentCaseTypeVersion(await retireCaseTypeVersion(key, n, now(), deps.caseTypes));
      return json(200, body, { etag: body.etag });
    },
  });

/** GET /api/v1/case-types/{key}/diff?from=1&to=2 (or to=draft). */
export const diffCaseTypeVersionsEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'diffCaseTypeVersions',
    methods: ['GET'],
    route: 'v1/case-types/{key}/diff',
    policy: policies.caseTypesCompare,
    handler: async ({ request }) => {
      const { key } = parseParams(request, CaseTypeKeyParamsSchema);
      const { from, to } = parseQuery(request, CaseTypeDiffQuerySchema);
      return json(200, await diffCaseTypeVersions(key, from, to, deps.caseTypes));
    },
  });

/** GET /api/v1/case-types/{key}/versions/{n}/export?format=yaml|json: the version as a file. */
export const exportCaseTypeVersionEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'exportCaseTypeVersion',
    methods: ['GET'],
    route: 'v1/case-types/{key}/versions/{n}/export',
    policy: policies.caseTypesManage,
    handler: async ({ request }) => {
      const { key, n } = parseParams(request, CaseTypeVersionParamsSchema);
      const { format } = parseQuery(request, CaseTypeExportQuerySchema);
      const text = await exportCaseTypeVersion(key, n, format, deps.caseTypes);
      return {
        status: 200,
        headers: {
          'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
          'content-disposition': `attachment; filename="${key}-v${n}.${format}"`,
        },
        body: text,
      };
    },
  });
