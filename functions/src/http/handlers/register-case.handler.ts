import { registerCase } from '../../app/cases/register-case';
import { invalidInput } from '../../app/errors';
import type { Dependencies } from '../../composition-root';
import { RegisterCaseRequestSchema } from '../../contract/case';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';

type Deps = Pick<
  Dependencies,
  'caseTypes' | 'caseStore' | 'caseNumbers' | 'caseNumberIndex' | 'idempotency' | 'outbox' | 'clock'
>;

const maxRegistrationBytes = 256 * 1024;
const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

/**
 * POST /api/v1/cases: registers a case. Any authenticated user for now; issue 6 narrows this to users
 * who may start the case type (its access grants).
 */
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
      const registered = await registerCase(deps, principal, body, log, key);
      const presented = presentCase(registered.state, registered.etag, principal);
      return json(201, presented, {
        etag: registered.etag,
        location: `/api/v1/cases/${registered.state.id}`,
        ...(registered.replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
    },
  });
