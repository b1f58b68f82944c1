import {
  inverseLinkKind,
  linkCase,
  unlinkCase,
  type CaseLink,
  type CaseState,
  type ChangeStamp,
  type Transition,
} from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { Logger } from '../../ports/logger';
import { AppError } from '../errors';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

const linkTargetUnknown = (id: string) =>
  new AppError('rule-violation', 'case.link-target-unknown', `There is no case ${id}`, {
    errors: [{ path: 'body.case', code: 'case.link-target-unknown', message: `There is no case ${id}` }],
  });

/**
 * The other side's view, written in its own changeCase (another partition: no shared transaction). Its
 * ETag is read fresh and a concurrent writer is retried a few times. A closed other case still gets its
 * back-reference: the link is metadata of the relation, not a change of that case's handling.
 */
async function mirror(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  caseId: string,
  log: Logger,
  apply: (state: CaseState, stamp: ChangeStamp) => Transition | null,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await deps.caseStore.load<CaseState>(caseId);
    if (!loaded) return;
    try {
      await changeCase(deps, principal, { caseId, ifMatch: loaded.etag, allowedWhenClosed: true }, log, apply);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt >= 5) throw error;
    }
  }
}

/**
 * Links two cases (parent/child or related). Each side stores its own view; the first write is this
 * case's (If-Match), the second the other case's. If the second fails, the link is half done: this
 * case shows it, the other does not yet. Repeating the same request repairs it — this side is then
 * unchanged (idempotent) and the other side is written again.
 */
export async function addCaseLink(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: {
    caseId: string;
    ifMatch: string | undefined;
    kind: CaseLink['kind'];
    otherId: string;
    authorize?: (state: CaseState) => void;
    /** The other case must be visible to the caller too; one that is not is as unknown as a missing one. */
    sees?: (state: CaseState) => boolean;
  },
  log: Logger,
): Promise<ChangedCase> {
  const other = await deps.caseStore.load<CaseState>(request.otherId);
  if (!other || (request.sees && !request.sees(other.state))) throw linkTargetUnknown(request.otherId);
  const backOf = (state: CaseState): CaseLink => ({
    kind: inverseLinkKind(request.kind),
    caseId: state.id,
    number: state.number,
    caseType: state.caseType.key,
    confidentiality: state.confidentiality,
  });
  const changed = await changeCase(deps, principal, request, log, (state, stamp) => {
    // The other side's rules (one parent) are checked before anything is written.
    linkCase(other.state, backOf(state), stamp);
    const there = other.state;
    const link: CaseLink = {
      kind: request.kind,
      caseId: there.id,
      number: there.number,
      caseType: there.caseType.key,
      confidentiality: there.confidentiality,
    };
    return linkCase(state, link, stamp);
  });
  const back = backOf(changed.state);
  await mirror(deps, principal, other.state.id, log, (state, stamp) => linkCase(state, back, stamp));
  return changed;
}

/** Removes the link on both sides, this case first (If-Match); a repeat completes a half-done removal. */
export async function removeCaseLink(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; otherId: string; authorize?: (state: CaseState) => void },
  log: Logger,
): Promise<ChangedCase> {
  const changed = await changeCase(deps, principal, request, log, (state, stamp) => unlinkCase(state, request.otherId, stamp));
  await mirror(deps, principal, request.otherId, log, (state, stamp) => unlinkCase(state, changed.state.id, stamp));
  return changed;
}
