import { authorizeCase, caseGuard } from '../../app/access/authorize';
import { getCase } from '../../app/cases/get-case';
import { revokeCaseShare, shareCase } from '../../app/cases/share-case';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import { CaseShareParamsSchema, ShareCaseRequestSchema, type CaseShareView } from '../../contract/case-share';
import type { CaseShare } from '../../domain/cases';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';
import { optionalIfMatch, parseParams } from './case-type-input';

type Deps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'userDirectory' | 'access'>;

const presentShare = (share: CaseShare, now: string): CaseShareView => ({ ...share, active: share.expiresAt > now });

/** POST /api/v1/cases/{id}/shares: shares the case with one person until a moment (If-Match; coordinators). */
export const shareCaseEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'shareCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/shares',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.share') };
      const body = await parseJsonBody(request, ShareCaseRequestSchema, maxChangeBytes);
      const shared = await shareCase(deps, principal, { ...target, ...body }, log);
      return json(201, presentShare(shared.share, actor.at), {
        etag: shared.etag,
        location: `/api/v1/cases/${shared.state.id}/shares/${shared.share.id}`,
      });
    },
  });

/** GET /api/v1/cases/{id}/shares: who the case is shared with, and until when (those who may share it). */
export const listCaseSharesEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'listCaseShares',
    methods: ['GET'],
    route: 'v1/cases/{id}/shares',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const actor = await deps.access.actorFor(principal);
      const { state, etag } = await getCase(deps, id);
      authorizeCase(actor, 'case.share', state);
      return json(200, { items: state.shares.map((share) => presentShare(share, actor.at)) }, { etag });
    },
  });

/** DELETE /api/v1/cases/{id}/shares/{shareId}: ends a share now (If-Match). */
export const revokeCaseShareEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'revokeCaseShare',
    methods: ['DELETE'],
    route: 'v1/cases/{id}/shares/{shareId}',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id, shareId } = parseParams(request, CaseShareParamsSchema);
      const actor = await deps.access.actorFor(principal);
      const request_ = { caseId: id, ifMatch: optionalIfMatch(request), shareId, authorize: caseGuard(actor, 'case.share') };
      const changed = await revokeCaseShare(deps, principal, request_, log);
      return { status: 204, headers: { etag: changed.etag } };
    },
  });
