import { addFragmentVersion, getFragment, listFragments } from '../../app/case-types/fragments';
import { pageOf } from '../../app/case-types/page';
import { requestFingerprint, runOnce } from '../../app/idempotency/run-once';
import type { Dependencies } from '../../composition-root';
import { CaseTypeListQuerySchema } from '../../contract/case-type-api';
import { FragmentVersionParamsSchema, NewFragmentRequestSchema } from '../../contract/fragment-api';
import type { JsonValue } from '../../domain/events';
import { defineEndpoint, json } from '../endpoint';
import { idempotencyKeyOf, replayedHeader } from '../idempotency-key';
import { parseJsonBody, parseQuery } from '../input';
import { policies } from '../policies';
import { maxDefinitionBytes, parseParams } from './case-type-input';

/** GET /api/v1/case-types/fragments?limit=&cursor=: every fragment version, by key then version. */
export const listFragmentsEndpoint = (deps: Pick<Dependencies, 'caseTypes'>) =>
  defineEndpoint({
    name: 'listCaseTypeFragments',
    methods: ['GET'],
    route: 'v1/case-types/fragments',
    policy: policies.caseTypesManage,
    handler: async ({ request }) => {
      const query = parseQuery(request, CaseTypeListQuerySchema);
      const page = pageOf(await listFragments(deps.caseTypes), (f) => `${f.key}.${String(f.version).padStart(10, '0')}`, query);
      return json(200, {
        items: page.items.map((f) => ({ key: f.key, version: f.version, name: f.name, kind: f.kind, items: f.items.length })),
        nextCursor: page.nextCursor,
      });
    },
  });

/** GET /api/v1/case-types/fragments/{key}/versions/{n}: one fragment version as stored. */
export const getFragmentEndpoint = (deps: Pick<Dependencies, 'caseTypes'>) =>
  defineEndpoint({
    name: 'getCaseTypeFragment',
    methods: ['GET'],
    route: 'v1/case-types/fragments/{key}/versions/{n}',
    policy: policies.caseTypesManage,
    handler: async ({ request }) => {
      const { key, n } = parseParams(request, FragmentVersionParamsSchema);
      return json(200, await getFragment(key, n, deps.caseTypes));
    },
  });

/** POST /api/v1/case-types/fragments: stores the next version of a fragment (Idempotency-Key optional). */
export const addFragmentEndpoint = (deps: Pick<Dependencies, 'caseTypes' | 'idempotency'>) =>
  defineEndpoint({
    name: 'addCaseTypeFragment',
    methods: ['POST'],
    route: 'v1/case-types/fragments',
    policy: policies.caseTypesManage,
    handler: async ({ request, principal, log }) => {
      const key = idempotencyKeyOf(request);
      const body = await parseJsonBody(request, NewFragmentRequestSchema, maxDefinitionBytes);
      const fingerprint = requestFingerprint({
        route: 'POST v1/case-types/fragments',
        body: JSON.parse(JSON.stringify(body)) as JsonValue,
      });
      const done = await runOnce(deps.idempotency, principal.oid, key, fingerprint, log, async () => {
        const fragment = await addFragmentVersion(body, deps.caseTypes);
        return {
          status: 201,
          body: fragment as JsonValue,
          headers: { location: `/api/v1/case-types/fragments/${fragment.key}/versions/${fragment.version}` },
        };
      });
      return json(done.status, done.body, { ...done.headers, ...replayedHeader(done.replayed) });
    },
  });
