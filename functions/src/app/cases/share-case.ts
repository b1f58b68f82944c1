import { randomUUID } from 'node:crypto';
import { revokeShare, shareCase as share, type CaseShare } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { Logger } from '../../ports/logger';
import type { UserDirectory } from '../../ports/user-directory';
import { AppError } from '../errors';
import { changeCase, type ChangeCaseDeps, type ChangedCase, type ChangeRequest } from './change-case';

/** 422: the person to share with is not a user of this tenant. */
const shareUserUnknown = (id: string) =>
  new AppError('rule-violation', 'case.share-user-unknown', `There is no user ${id}`, {
    errors: [{ path: 'body.userId', code: 'case.share-user-unknown', message: `There is no user ${id}` }],
  });

/** Shares one case with a colleague until a moment (an explicit, expiring case-level grant). */
export function shareCase(
  deps: ChangeCaseDeps & { userDirectory: UserDirectory; newId?: () => string },
  principal: UserPrincipal,
  request: ChangeRequest & { userId: string; access: CaseShare['access']; expiresAt: string; reason: string },
  log: Logger,
): Promise<ChangedCase & { share: CaseShare }> {
  let created: CaseShare | undefined;
  return changeCase(deps, principal, request, log, async (state, stamp) => {
    const user = await deps.userDirectory.findUser(request.userId);
    if (!user) throw shareUserUnknown(request.userId);
    const transition = share(
      state,
      {
        id: (deps.newId ?? randomUUID)(),
        user: { id: user.id, name: user.displayName },
        access: request.access,
        expiresAt: new Date(request.expiresAt).toISOString(),
        reason: request.reason,
      },
      stamp,
    );
    created = transition.state.shares[transition.state.shares.length - 1];
    return transition;
  }).then((changed) => {
    if (!created) throw new Error('a share transition always creates a share');
    return { ...changed, share: created };
  });
}

/** Ends a share of the case now. */
export function revokeCaseShare(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: ChangeRequest & { shareId: string },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, (state, stamp) => revokeShare(state, request.shareId, stamp));
}
