import { parseLocalDate, type LocalDate } from '../../domain/calendar';
import { amsterdamToday, completeTask as complete, followedBy, resumeCase } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from '../cases/case-type-of';
import type { ChangeCaseDeps } from '../cases/change-case';
import { changeTask, type ChangedTask, type TaskChangeRequest } from './change-task';

/**
 * Answers a task: a response, and for an approval its decision. Only who taskAbilities allows (403
 * otherwise). An information request that suspended the case resumes it on `on` (the day the
 * information arrived; default today), recomputing the deadline.
 */
export function completeTask(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: TaskChangeRequest & { response: string | null; decision?: 'approved' | 'rejected'; on?: LocalDate },
  log: Logger,
): Promise<ChangedTask> {
  return changeTask(deps, principal, request, log, 'complete', async (state, task, stamp) => {
    const by = { id: principal.oid, name: principal.name };
    const done = complete(state, task.id, { response: request.response, decision: request.decision ?? null }, by, stamp);
    const suspension = state.suspensions.find((candidate) => candidate.until === null);
    if (!task.suspendsCase || state.status !== 'suspended' || !suspension) return done;
    const caseType = await caseTypeOf(deps, state);
    const on = request.on ?? parseLocalDate(amsterdamToday(new Date(stamp.occurredAt)));
    return followedBy(done, (next) => resumeCase(next, { on }, caseType, stamp));
  });
}
