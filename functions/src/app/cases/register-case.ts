import { createHash, randomUUID } from 'node:crypto';
import type { RegisterCaseRequest } from '../../contract/case';
import type { CaseType, Field } from '../../contract/case-type';
import { isAfter, parseLocalDate, type LocalDate } from '../../domain/calendar';
import { versionForNewCase } from '../../domain/case-types';
import {
  amsterdamToday,
  initialCaseState,
  publishedRules,
  tasksOnPhaseEntry,
  validateFieldValues,
  type CaseState,
} from '../../domain/cases';
import { canonicalJson, type CaseEventDraft, type EventChannel, type JsonValue } from '../../domain/events';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseNumberIndex, CaseNumbers } from '../../ports/case-numbers';
import type { AccessLog } from '../../ports/access-log';
import type { CaseStore } from '../../ports/case-store';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Clock } from '../../ports/event-log';
import type { IdempotencyScope, IdempotencyStore } from '../../ports/idempotency';
import type { Logger } from '../../ports/logger';
import type { OutboxDispatcher } from '../../ports/outbox';
import { actorOf, defaultChannelOf } from './event-actor';
import { caseTypeNotStartable, caseTypeUnknown, fieldRulesViolated, invalidCaseInput, malformedFields } from './case-errors';

export interface RegisterCaseDeps {
  caseTypes: Pick<CaseTypeRepository, 'listVersions'>;
  caseStore: Pick<CaseStore, 'commit'>;
  caseNumbers: CaseNumbers;
  caseNumberIndex: Pick<CaseNumberIndex, 'claim' | 'release'>;
  idempotency: IdempotencyStore;
  outbox: Pick<OutboxDispatcher, 'dispatchOutbox'>;
  /** The party index of the per-person access report (parties are set here, once). */
  accessLog: Pick<AccessLog, 'indexParties'>;
  clock: Clock;
  newId?: () => string;
  /** The caller's right to start this type (app/access): throws 403 before the input is checked. */
  authorize?: (caseType: CaseType) => void;
}

/** The registered case; `replayed` when an Idempotency-Key retry got the first request's result. */
export interface RegisteredCase {
  state: CaseState;
  etag: string;
  replayed: boolean;
}

/** Every case number starts with this until case types can name their own prefix. */
export const defaultCaseNumberPrefix = 'ZAAK';

/**
 * Registers a case from the published case type valid on `receivedOn`: fields checked against the
 * type, a number allocated, then the case row, its `case.registered` event and an outbox message in one
 * transaction. With an Idempotency-Key, a retry of the same request returns the first result and a
 * different request under the same key is refused (IdempotencyKeyReused).
 */
export async function registerCase(
  deps: RegisterCaseDeps,
  principal: UserPrincipal,
  request: RegisterCaseRequest,
  log: Logger,
  idempotencyKey?: string,
): Promise<RegisteredCase> {
  if (idempotencyKey === undefined) return register(deps, principal, request, log);
  const scope: IdempotencyScope = { principalId: principal.oid, key: idempotencyKey };
  const start = await deps.idempotency.begin(scope, fingerprintOf(request));
  if (start.kind === 'replay') {
    const body = start.response.body as { state: CaseState; etag: string };
    return { state: body.state, etag: body.etag, replayed: true };
  }
  let registered: RegisteredCase;
  try {
    registered = await register(deps, principal, request, log);
  } catch (error) {
    await deps.idempotency.abandon(scope, start.lease);
    throw error;
  }
  try {
    const body: JsonValue = { state: registered.state, etag: registered.etag };
    await deps.idempotency.complete(scope, start.lease, { status: 201, body, caseId: registered.state.id });
  } catch (error) {
    // The case exists: answering with an error would invite a retry. Until the key's lease runs out a
    // retry gets 409; after that it would register again, which the log makes traceable.
    log.error('case registered but its Idempotency-Key could not be completed', { caseId: registered.state.id, error });
  }
  return registered;
}

async function register(
  deps: RegisterCaseDeps,
  principal: UserPrincipal,
  request: RegisterCaseRequest,
  log: Logger,
): Promise<RegisteredCase> {
  const now = deps.clock.now();
  const today = amsterdamToday(now);
  const receivedOn = request.receivedOn === undefined ? today : parseLocalDate(request.receivedOn);
  const caseType = await startableVersion(deps, request.caseType, receivedOn);
  deps.authorize?.(caseType);
  const fields = publishedFields(caseType);

  const errors: { path: string; code: string; message: string }[] = [];
  if (isAfter(receivedOn, today)) {
    errors.push({ path: 'body.receivedOn', code: 'case.received-on-future', message: `Must not be after ${today}` });
  }
  const roles = new Set(caseType.roles.flatMap((role) => [role.key, role.kind]));
  request.parties.forEach((party, index) => {
    if (!roles.has(party.role)) {
      errors.push({
        path: `body.parties.${index}.role`,
        code: 'case.party-role-unknown',
        message: `Not a role of ${caseType.key}`,
      });
    }
  });
  const validation = validateFieldValues({ fields, rules: caseType.rules }, request.fields);
  errors.push(...malformedFields(validation.malformed));
  if (errors.length > 0) throw invalidCaseInput(errors);
  if (validation.ruleViolations.length > 0) throw fieldRulesViolated(validation.ruleViolations);

  const number = await deps.caseNumbers.next(defaultCaseNumberPrefix, { year: Number(today.slice(0, 4)) });
  const at = now.toISOString();
  const channel: EventChannel = request.channel ?? defaultChannelOf(principal);
  const registered = initialCaseState({
    id: (deps.newId ?? randomUUID)(),
    number,
    caseType,
    title: request.title,
    description: request.description ?? null,
    receivedOn,
    channel,
    parties: request.parties.map((party) => ({ role: party.role, name: party.name, email: party.email ?? null })),
    fields: validation.values,
    createdBy: { id: principal.oid, name: principal.name },
    at,
  });
  // The first phase's task templates become tasks: part of the initial state the registration records.
  const stamp = { occurredAt: at, ...actorOf(principal), channel };
  const state = tasksOnPhaseEntry(registered, publishedRules(caseType).phases, registered.phase.key, stamp)?.state ?? registered;
  const event: CaseEventDraft = {
    type: 'case.registered',
    occurredAt: at,
    ...actorOf(principal),
    channel,
    data: { after: registeredData(state) },
  };
  // The number → id entry before the case, like the outbox marker (and written alongside it): a case never
  // exists without it; an entry whose commit failed points to no case and reads as absent (decision 0014).
  // The parties' entries in the party index go alongside: an entry of a failed registration points to a
  // case without records, which the per-person report passes over.
  const before = Promise.all([
    deps.caseNumberIndex.claim(number, state.id),
    deps.accessLog.indexParties(state.id, state.parties),
  ]);
  before.catch(() => {}); // its failure reaches us through commit; this only keeps an early throw of commit from leaving it unhandled
  let result: Awaited<ReturnType<CaseStore['commit']>>;
  try {
    result = await deps.caseStore.commit(state.id, {
      before,
      expected: 'new',
      state,
      events: [event],
      outbox: [{ type: 'case.registered', payload: { caseId: state.id, number, caseType: caseType.key } }],
      columns: { number, caseTypeKey: caseType.key, status: state.status },
    });
  } catch (error) {
    await deps.caseNumberIndex.release(number, state.id).catch((releaseError: unknown) => {
      log.warn('number index entry of a failed registration not removed; it points to no case', { number, releaseError });
    });
    throw error;
  }
  // Best effort: the outbox sweep sends what this misses; the registration itself has succeeded.
  await deps.outbox.dispatchOutbox(state.id, result.outboxMarker, result.outboxMessages).catch((error: unknown) => {
    log.warn('outbox dispatch after registration failed; the sweep will send it', { caseId: state.id, error });
  });
  return { state, etag: result.etag, replayed: false };
}

async function startableVersion(deps: RegisterCaseDeps, key: string, on: LocalDate): Promise<CaseType> {
  const versions = await deps.caseTypes.listVersions(key);
  if (versions.length === 0) throw caseTypeUnknown(key);
  const version = versionForNewCase(versions, on);
  if (!version) throw caseTypeNotStartable(key, on);
  return version;
}

/** Published versions carry their fragments resolved; a reference left over would be a storage bug. */
const publishedFields = (caseType: CaseType): Field[] => caseType.fields.filter((field): field is Field => 'type' in field);

/** What the audit trail records of a registration: the initial state without bookkeeping. */
function registeredData(state: CaseState): JsonValue {
  const { createdAt: _createdAt, updatedAt: _updatedAt, createdBy: _createdBy, ...data } = state;
  return data;
}

/** Same request ⇔ same fingerprint: the parsed body in canonical form. */
const fingerprintOf = (request: RegisterCaseRequest): string =>
  createHash('sha256')
    .update(canonicalJson({ route: 'POST v1/cases', body: JSON.parse(JSON.stringify(request)) as JsonValue }))
    .digest('hex');
