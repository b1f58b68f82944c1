import { AppError } from '../../app/errors';
import { createDraft } from '../../app/case-types/create-draft';
import { getDraft } from '../../app/case-types/get-draft';
import { importCaseType } from '../../app/case-types/import-case-type';
import { updateDraft } from '../../app/case-types/update-draft';
import { requestFingerprint, runOnce } from '../../app/idempotency/run-once';
import type { Dependencies } from '../../composition-root';
import { CaseTypeKeyParamsSchema } from '../../contract/case-type-api';
import type { DefinitionFileFormat } from '../../domain/case-types';
import type { JsonValue } from '../../domain/events';
import { z } from 'zod';
import { defineEndpoint, json } from '../endpoint';
import { idempotencyKeyOf, replayedHeader } from '../idempotency-key';
import { parseJsonBody, readText } from '../input';
import { policies } from '../policies';
import { presentCaseTypeDraft } from '../presenters/case-type.presenter';
import { maxDefinitionBytes, now, optionalIfMatch, parseParams, requireIfMatch } from './case-type-input';

type Deps = Pick<Dependencies, 'caseTypes'>;
/** The changing POSTs also take an Idempotency-Key (a retry gets the first answer). */
type IdempotentDeps = Pick<Dependencies, 'caseTypes' | 'idempotency'>;

/** The body is a whole definition; the domain validates it so errors carry definition paths. */
const AnyJson = z.unknown();

/** POST /api/v1/case-types: a new draft (409 while the key has one); Idempotency-Key optional. */
export const createCaseTypeDraftEndpoint = (deps: IdempotentDeps) =>
  defineEndpoint({
    name: 'createCaseTypeDraft',
    methods: ['POST'],
    route: 'v1/case-types',
    policy: policies.caseTypesManage,
    handler: async ({ request, principal, log }) => {
      const key = idempotencyKeyOf(request);
      const input = await parseJsonBody(request, AnyJson, maxDefinitionBytes);
      const fingerprint = requestFingerprint({
        route: 'POST v1/case-types',
        body: JSON.parse(JSON.stringify(input ?? null)) as JsonValue,
      });
      const done = await runOnce(deps.idempotency, principal.oid, key, fingerprint, log, async () => {
        const draft = presentCaseTypeDraft(await createDraft(principal, input, now(), deps.caseTypes));
        return { status: 201, body: draft, headers: { etag: draft.etag, location: `/api/v1/case-types/drafts/${draft.key}` } };
      });
      return json(done.status, done.body, { ...done.headers, ...replayedHeader(done.replayed) });
    },
  });

/** GET /api/v1/case-types/drafts/{key}. */
export const getCaseTypeDraftEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'getCaseTypeDraft',
    methods: ['GET'],
    route: 'v1/case-types/drafts/{key}',
    policy: policies.caseTypesManage,
    handler: async ({ request }) => {
      const { key } = parseParams(request, CaseTypeKeyParamsSchema);
      const draft = presentCaseTypeDraft(await getDraft(key, deps.caseTypes));
      return json(200, draft, { etag: draft.etag });
    },
  });

/** PUT /api/v1/case-types/drafts/{key}: replaces the draft; If-Match required (428), stale → 412. */
export const updateCaseTypeDraftEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'updateCaseTypeDraft',
    methods: ['PUT'],
    route: 'v1/case-types/drafts/{key}',
    policy: policies.caseTypesManage,
    handler: async ({ request, principal }) => {
      const { key } = parseParams(request, CaseTypeKeyParamsSchema);
      const ifMatch = requireIfMatch(request);
      const input = await parseJsonBody(request, AnyJson, maxDefinitionBytes);
      const draft = presentCaseTypeDraft(await updateDraft(principal, key, input, ifMatch, now(), deps.caseTypes));
      return json(200, draft, { etag: draft.etag });
    },
  });

/** POST /api/v1/case-types/import: a YAML or JSON file into the draft of its key; Idempotency-Key optional. */
export const importCaseTypeEndpoint = (deps: IdempotentDeps) =>
  defineEndpoint({
    name: 'importCaseType',
    methods: ['POST'],
    route: 'v1/case-types/import',
    policy: policies.caseTypesManage,
    handler: async ({ request, principal, log }) => {
      const key = idempotencyKeyOf(request);
      const format = fileFormatOf(request.headers.get('content-type'));
      const text = await readText(request, maxDefinitionBytes);
      const ifMatch = optionalIfMatch(request);
      const fingerprint = requestFingerprint({ route: 'POST v1/case-types/import', format, ifMatch: ifMatch ?? null, text });
      const done = await runOnce(deps.idempotency, principal.oid, key, fingerprint, log, async () => {
        const imported = await importCaseType(principal, text, format, ifMatch, now(), deps.caseTypes);
        const draft = presentCaseTypeDraft(imported);
        return { status: imported.created ? 201 : 200, body: draft, headers: { etag: draft.etag } };
      });
      return json(done.status, done.body, { ...done.headers, ...replayedHeader(done.replayed) });
    },
  });

const yamlTypes = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

function fileFormatOf(contentType: string | null): DefinitionFileFormat {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return 'json';
  if (yamlTypes.has(type)) return 'yaml';
  throw new AppError(
    'unsupported-media-type',
    'request.unsupported-media-type',
    'Send the file as application/yaml or application/json.',
  );
}
