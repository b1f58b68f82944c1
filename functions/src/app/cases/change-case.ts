import { ifMatchRequired } from '../errors';
import type { CaseState, ChangeStamp, Transition } from '../../domain/cases';
import { DomainError } from '../../domain/errors';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict, type CaseStore } from '../../ports/case-store';
import type { Clock } from '../../ports/event-log';
import type { Logger } from '../../ports/logger';
import type { OutboxDispatcher } from '../../ports/outbox';
import { caseNotFound } from './case-errors';
import { actorOf, defaultChannelOf, type SystemPrincipal } from './event-actor';

export interface ChangeCaseDeps {
  caseStore: Pick<CaseStore, 'load' | 'commit'>;
  outbox: Pick<OutboxDispatcher, 'dispatchOutbox'>;
  clock: Clock;
}

export interface ChangeRequest {
  caseId: string;
  /** The If-Match header as sent; undefined when absent (428). */
  ifMatch: string | undefined;
  /** Only reopen may change a closed case. */
  allowedWhenClosed?: boolean;
  /** The caller's rights on the loaded case (app/access/authorize.ts): throws 404 or 403 before any precondition. */
  authorize?: (state: CaseState) => void;
}

/** The case after the change, and its new ETag. */
export interface ChangedCase {
  state: CaseState;
  etag: string;
}

/** 409: a closed case is read-only except for reopening it. */
export const caseClosed = (id: string) =>
  new DomainError('conflict', 'case.closed', `Case ${id} is closed; only reopening it may change it`);

/**
 * The one way a case changes: load, check the caller's If-Match against the stored ETag, refuse changes
 * to closed cases, apply a pure transition, then commit the case row, its events and a `case.changed`
 * outbox message in one transaction guarded by that ETag (a concurrent writer makes it fail with 412;
 * nothing is lost). `apply` returns null when nothing changes: no event, the case as it is.
 */
export async function changeCase(
  deps: ChangeCaseDeps,
  principal: UserPrincipal | SystemPrincipal,
  request: ChangeRequest,
  log: Logger,
  apply: (state: CaseState, stamp: ChangeStamp) => Transition | null | Promise<Transition | null>,
): Promise<ChangedCase> {
  const loaded = await deps.caseStore.load<CaseState>(request.caseId);
  if (!loaded) throw caseNotFound(request.caseId);
  request.authorize?.(loaded.state);
  if (request.ifMatch === undefined) throw ifMatchRequired();
  if (request.ifMatch !== loaded.etag) throw new ConcurrencyConflict(request.caseId, loaded.etag);
  if (loaded.state.status === 'closed' && !request.allowedWhenClosed) throw caseClosed(request.caseId);

  const stamp: ChangeStamp = {
    occurredAt: deps.clock.now().toISOString(),
    ...actorOf(principal),
    channel: defaultChannelOf(principal),
  };
  const transition = await apply(loaded.state, stamp);
  if (!transition) return { state: loaded.state, etag: loaded.etag };

  const { state, events } = transition;
  const result = await deps.caseStore.commit(state.id, {
    expected: { etag: loaded.etag, lastSequence: loaded.lastSequence, lastHash: loaded.lastHash },
    state,
    events,
    outbox: [
      {
        type: 'case.changed',
        payload: { caseId: state.id, number: state.number, caseType: state.caseType.key, events: events.map((e) => e.type) },
      },
    ],
    columns: { number: state.number, caseTypeKey: state.caseType.key, status: state.status },
  });
  // Best effort: the outbox sweep sends what this misses; the change itself has been stored.
  await deps.outbox.dispatchOutbox(state.id, result.outboxMarker, result.outboxMessages).catch((error: unknown) => {
    log.warn('outbox dispatch after a case change failed; the sweep will send it', { caseId: state.id, error });
  });
  return { state, etag: result.etag };
}
