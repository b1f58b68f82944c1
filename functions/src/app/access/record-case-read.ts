import { randomUUID } from 'node:crypto';
import type { CaseState } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { AccessLog } from '../../ports/access-log';
import type { Clock } from '../../ports/event-log';
import { defaultChannelOf } from '../cases/event-actor';
import { AppError, dependencyUnavailable } from '../errors';

/**
 * Records that a user read a case (inzageregistratie, AVG art. 15). Every case is treated as holding
 * personal data: parties, free text and fields all may, and classifying them is costlier and riskier
 * than logging. It runs before the answer is sent and its failure fails the read: a read that could not
 * be recorded is not served: any failure of the append becomes 503 `access-log.unavailable` (an
 * AppError of the log itself, e.g. a refused cursor, passes unchanged). The caller may run it alongside
 * presenting the answer (decision 0023) but sends nothing before it resolves.
 */
export async function recordCaseRead(
  deps: { accessLog: Pick<AccessLog, 'append'>; clock: Clock; newId?: () => string },
  user: UserPrincipal,
  state: CaseState,
  purpose: string,
): Promise<void> {
  const record = {
    id: (deps.newId ?? randomUUID)(),
    at: deps.clock.now().toISOString(),
    caseId: state.id,
    caseNumber: state.number,
    caseTypeKey: state.caseType.key,
    confidentiality: state.confidentiality,
    user: { id: user.oid, name: user.name },
    via: user.via === 'bot' && user.actingAppId ? { appId: user.actingAppId, name: 'Zaakwerk bot' } : null,
    channel: defaultChannelOf(user),
    purpose,
    parties: state.parties.map((party) => ({ role: party.role, name: party.name, email: party.email })),
  };
  try {
    await deps.accessLog.append(record);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw dependencyUnavailable(
      'access-log.unavailable',
      'The read could not be recorded in the access log, so the case is not shown; try again.',
      error,
    );
  }
}
