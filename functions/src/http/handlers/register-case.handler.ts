import { registerCase } from '../../app/cases/register-case';
import { notAllowed } from '../../app/access/authorize';
import { invalidInput } from '../../app/errors';
import type { Dependencies } from '../../composition-root';
import { RegisterCaseRequestSchema } from '../../contract/case';
import { can } from '../../domain/access';
import type { CaseState } from '../../domain/cases';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';

type Deps = Pick<
  Dependencies,
  'caseTypes' | 'caseStore' | 'caseNumbers' | 'caseNumberIndex' | 'idempotency' | 'outbox' | 'accessLog' | 'clock' | 'access'
>;

const maxRegistrationBytes = 256 * 1024;
const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

/** POST /api/v1/cases: registers a case of a type the caller may start (can caseType.register, else 403). */
export const registerCaseEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'registerCase',
    methods: ['POST'],
    route: 'v1/cases',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const body = await parseJsonBody(request, RegisterCaseRequestSchema, maxRegistrationBytes);
      const key = request.headers.get('idempotency-key') ?? undefined;
      if (key !== undefined && !idempotencyKeyPattern.test(key)) {
        throw invalidInput([
          { path: 'headers.idempotency-key', code: 'request.idempotency-key-invalid', message: '1–200 visible ASCII characters' },
        ]);
      }
      const actor = await deps.access.actorFor(principal);
      const authorize = (type: { key: string; confidentiality: CaseState['confidentiality'] }) => {
        if (!can(actor, 'caseType.register', { kind: 'caseType', caseType: type })) throw notAllowed();
      };
      const registered = await registerCase({ ...deps, authorize }, principal, body, log, key);
      const presented = presentCase(registered.state, registered.etag, actor);
      return json(201, presented, {
        etag: registered.etag,
        location: `/api/v1/cases/${registered.state.id}`,
        ...(registered.replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
    },
  });
