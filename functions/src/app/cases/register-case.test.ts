import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterCaseRequest } from '../../contract/case';
import type { CaseType } from '../../contract/case-type';
import { importDefinition, publish, retire } from '../../domain/case-types';
import type { JsonValue } from '../../domain/events';
import type { UserPrincipal } from '../../domain/principal';
import { DuplicateCaseNumber } from '../../ports/case-numbers';
import { ConcurrencyConflict, type CaseCommit, type CaseStore } from '../../ports/case-store';
import {
  IdempotencyKeyReused,
  IdempotencyRequestInProgress,
  type IdempotencyStore,
  type StoredResponse,
} from '../../ports/idempotency';
import { AppError } from '../errors';
import { registerCase, type RegisterCaseDeps } from './register-case';
import { silentLog } from '../../test-support/principals';

/** The shipped omgevingsvergunning, published as version 1 the way the seed does it. */
function omgevingsvergunning(): CaseType {
  const text = readFileSync(join(__dirname, '../../../case-types/omgevingsvergunning.yaml'), 'utf8');
  const validation = importDefinition(text, 'yaml');
  if (!validation.valid) throw new Error('the shipped file should validate');
  return publish(validation.definition, [], { publishedAt: '2026-01-01T00:00:00.000Z' });
}

const behandelaar: UserPrincipal = {
  kind: 'user',
  oid: 'user-1',
  tid: 'tenant',
  name: 'Bea Behandelaar',
  upn: 'behandelaar@zaakwerk.test',
  email: null,
  roles: [],
  groups: [],
};

const aRequest = (overrides: Partial<RegisterCaseRequest> = {}): RegisterCaseRequest => ({
  caseType: 'omgevingsvergunning',
  title: 'Dakkapel',
  receivedOn: '2026-03-02',
  parties: [],
  fields: { bouwkosten: 1000 },
  ...overrides,
});

/** Honest in-memory stand-ins for the ports: they keep what they are given and refuse what the adapters refuse. */
function fakes(versions: CaseType[] = [omgevingsvergunning()]) {
  const commits: { caseId: string; commit: CaseCommit<JsonValue> }[] = [];
  const dispatched: string[] = [];
  let lastNumber = 0;
  let dispatchFails = false;
  let commitFails = false;
  const index = new Map<string, string>();
  const partyIndex: { caseId: string; persons: string[] }[] = [];
  let partyIndexFails = false;
  const caseStore: Pick<CaseStore, 'commit'> = {
    commit: async <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      await commit.before; // as the Table adapter: nothing is written when what must come first failed
      if (commitFails) return Promise.reject(new Error('storage down'));
      if (commits.some((c) => c.caseId === caseId)) return Promise.reject(new ConcurrencyConflict(caseId, 'W/"1"'));
      commits.push({ caseId, commit });
      return Promise.resolve({
        etag: `W/"${commits.length}"`,
        head: { sequence: 1, hash: 'h' },
        outboxCount: 1,
        outboxMarker: 'm',
      });
    },
  };
  const keys = new Map<string, { fingerprint: string; lease: string; response?: StoredResponse }>();
  const idempotency: IdempotencyStore = {
    begin: ({ principalId, key }, fingerprint) => {
      const row = keys.get(`${principalId}/${key}`);
      if (!row) {
        keys.set(`${principalId}/${key}`, { fingerprint, lease: key });
        return Promise.resolve({ kind: 'execute', lease: key });
      }
      if (row.fingerprint !== fingerprint) return Promise.reject(new IdempotencyKeyReused());
      if (!row.response) return Promise.reject(new IdempotencyRequestInProgress());
      return Promise.resolve({ kind: 'replay', response: row.response });
    },
    complete: ({ principalId, key }, _lease, response) => {
      const row = keys.get(`${principalId}/${key}`);
      if (row) row.response = structuredClone(response);
      return Promise.resolve();
    },
    abandon: ({ principalId, key }) => {
      keys.delete(`${principalId}/${key}`);
      return Promise.resolve();
    },
  };
  const deps: RegisterCaseDeps = {
    caseTypes: { listVersions: (key) => Promise.resolve(versions.filter((version) => version.key === key)) },
    caseStore,
    caseNumbers: {
      next: (prefix, options) => Promise.resolve(`${prefix}-${options?.year}-${String(++lastNumber).padStart(6, '0')}`),
    },
    caseNumberIndex: {
      claim: (number, caseId) => {
        const owner = index.get(number);
        if (owner !== undefined && owner !== caseId) return Promise.reject(new DuplicateCaseNumber(number));
        index.set(number, caseId);
        return Promise.resolve();
      },
      release: (number, caseId) => {
        if (index.get(number) === caseId) index.delete(number);
        return Promise.resolve();
      },
    },
    idempotency,
    accessLog: {
      indexParties: (caseId, parties) => {
        if (partyIndexFails) return Promise.reject(new Error('party index down'));
        partyIndex.push({ caseId, persons: parties.map((p) => p.email ?? p.name) });
        return Promise.resolve();
      },
    },
    outbox: {
      dispatchOutbox: (caseId) => {
        if (dispatchFails) return Promise.reject(new Error('queue down'));
        dispatched.push(caseId);
        return Promise.resolve(1);
      },
    },
    clock: { now: () => new Date('2026-03-02T10:00:00.000Z') },
  };
  return {
    deps,
    commits,
    dispatched,
    numbersHandedOut: () => lastNumber,
    index,
    partyIndex,
    failPartyIndex: () => {
      partyIndexFails = true;
    },
    failDispatch: () => {
      dispatchFails = true;
    },
    failCommit: () => {
      commitFails = true;
    },
    resetNumbers: () => {
      lastNumber = 0;
    },
  };
}

const errorOf = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the registration to be refused');
};

describe('registerCase', () => {
  it('commits the open case in its first phase with one case.registered event and one outbox message', async () => {
    const { deps, commits, dispatched } = fakes();
    const { state, etag } = await registerCase(deps, behandelaar, aRequest(), silentLog);
    expect(state).toMatchObject({
      number: 'ZAAK-2026-000001',
      status: 'open',
      phase: { key: 'intake', name: 'Intake' },
      deadline: { final: '2026-04-28', planned: '2026-04-13', suspendedDays: 0 },
      fields: { bouwkosten: 1000, leges: 30 },
      channel: 'api',
    });
    expect(etag).toBe('W/"1"');
    const [{ commit }] = commits as [(typeof commits)[number]];
    expect(commit.expected).toBe('new');
    expect(commit.events).toHaveLength(1);
    expect(commit.events[0]).toMatchObject({
      type: 'case.registered',
      actor: { id: 'user-1', name: 'Bea Behandelaar', kind: 'user' },
      channel: 'api',
    });
    expect(commit.events[0]?.onBehalfOf).toBeUndefined();
    expect(commit.outbox).toEqual([
      { type: 'case.registered', payload: { caseId: state.id, number: state.number, caseType: 'omgevingsvergunning' } },
    ]);
    expect(dispatched).toEqual([state.id]);
  });

  it('records the bot as actor and the user it acted for, on the bot channel', async () => {
    const { deps, commits } = fakes();
    const viaBot: UserPrincipal = { ...behandelaar, via: 'bot', actingAppId: 'bot-app' };
    await registerCase(deps, viaBot, aRequest(), silentLog);
    expect(commits[0]?.commit.events[0]).toMatchObject({
      actor: { id: 'bot-app', kind: 'app' },
      onBehalfOf: { id: 'user-1', name: 'Bea Behandelaar' },
      channel: 'bot',
    });
  });

  it('takes today in Europe/Amsterdam as receivedOn when none is given', async () => {
    const { deps } = fakes();
    deps.clock = { now: () => new Date('2026-03-01T23:30:00.000Z') }; // 00:30 on 2 March in Amsterdam
    const { receivedOn, ...request } = aRequest();
    expect(receivedOn).toBeDefined();
    const { state } = await registerCase(deps, behandelaar, request, silentLog);
    expect(state.receivedOn).toBe('2026-03-02');
  });

  it('refuses a receivedOn after today and an unknown party role in one 400, allocating no number', async () => {
    const { deps, numbersHandedOut } = fakes();
    const error = await errorOf(
      registerCase(
        deps,
        behandelaar,
        aRequest({ receivedOn: '2026-03-03', parties: [{ role: 'koning', name: 'X' }] }),
        silentLog,
      ),
    );
    expect(error.kind).toBe('invalid-input');
    expect(error.options.errors?.map((e) => e.code)).toEqual(['case.received-on-future', 'case.party-role-unknown']);
    expect(numbersHandedOut()).toBe(0);
  });

  it('refuses an unknown type and a type whose only version is retired with 422', async () => {
    const { deps } = fakes([retire(omgevingsvergunning(), '2026-02-01T00:00:00.000Z')]);
    expect((await errorOf(registerCase(deps, behandelaar, aRequest({ caseType: 'klacht' }), silentLog))).code).toBe(
      'case.case-type-unknown',
    );
    const retired = await errorOf(registerCase(deps, behandelaar, aRequest(), silentLog));
    expect([retired.kind, retired.code]).toEqual(['rule-violation', 'case.case-type-not-startable']);
  });

  it('still answers with the case when the dispatch after the commit fails', async () => {
    const { deps, commits, failDispatch } = fakes();
    failDispatch();
    const { state } = await registerCase(deps, behandelaar, aRequest(), silentLog);
    expect(commits.map((c) => c.caseId)).toEqual([state.id]);
  });

  it('replays an Idempotency-Key retry without a second commit or number, and refuses another body under the key', async () => {
    const { deps, commits, numbersHandedOut } = fakes();
    const first = await registerCase(deps, behandelaar, aRequest(), silentLog, 'key-1');
    const retry = await registerCase(deps, behandelaar, aRequest(), silentLog, 'key-1');
    expect(retry).toEqual({ ...first, replayed: true });
    expect(commits).toHaveLength(1);
    expect(numbersHandedOut()).toBe(1);
    await expect(registerCase(deps, behandelaar, aRequest({ title: 'Anders' }), silentLog, 'key-1')).rejects.toBeInstanceOf(
      IdempotencyKeyReused,
    );
  });

  it('forgets the Idempotency-Key of a refused request, so a corrected retry with that key runs', async () => {
    const { deps, commits } = fakes();
    await errorOf(registerCase(deps, behandelaar, aRequest({ fields: { bouwkosten: -1 } }), silentLog, 'key-2'));
    const { state } = await registerCase(deps, behandelaar, aRequest(), silentLog, 'key-2');
    expect(commits.map((c) => c.caseId)).toEqual([state.id]);
  });

  it('claims the number for the case in the number index before the commit', async () => {
    const { deps, index } = fakes();
    const { state } = await registerCase(deps, behandelaar, aRequest(), silentLog);
    expect([...index]).toEqual([[state.number, state.id]]);
  });

  it('files the case under its parties for the per-person access report, before the case exists', async () => {
    const { deps, partyIndex } = fakes();
    const { state } = await registerCase(
      deps,
      behandelaar,
      aRequest({ parties: [{ role: 'aanvrager', name: 'Anna Aanvrager', email: 'anna@example.nl' }] }),
      silentLog,
    );
    expect(partyIndex).toEqual([{ caseId: state.id, persons: ['anna@example.nl'] }]);
  });

  it('writes nothing of the case when its parties cannot be filed', async () => {
    const { deps, commits, index, failPartyIndex } = fakes();
    failPartyIndex();
    await expect(registerCase(deps, behandelaar, aRequest(), silentLog)).rejects.toThrow('party index down');
    expect(commits).toHaveLength(0);
    expect(index.size).toBe(0); // the number claimed alongside is released
  });

  it('releases the number index entry when the commit fails', async () => {
    const { deps, index, failCommit, commits } = fakes();
    failCommit();
    await expect(registerCase(deps, behandelaar, aRequest(), silentLog)).rejects.toThrow('storage down');
    expect(index.size).toBe(0);
    expect(commits).toHaveLength(0);
  });

  it('writes nothing when the number it got already belongs to another case (a reset counter)', async () => {
    const { deps, commits, resetNumbers } = fakes();
    await registerCase(deps, behandelaar, aRequest(), silentLog);
    resetNumbers();
    await expect(registerCase(deps, behandelaar, aRequest({ title: 'Tweede' }), silentLog)).rejects.toBeInstanceOf(
      DuplicateCaseNumber,
    );
    expect(commits).toHaveLength(1);
  });
});

describe('registerCase: task templates of the first phase', () => {
  it('makes them open tasks of the new case, recorded in the registration event', async () => {
    const { deps, commits } = fakes();
    const { state } = await registerCase(deps, behandelaar, aRequest(), silentLog);
    // The omgevingsvergunning's intake phase has template `aanvullen` (P2W): due 2 March + 14 days.
    expect(state.tasks).toMatchObject([
      { id: `${state.id}.1`, kind: 'informationRequest', templateKey: 'aanvullen', status: 'open', dueOn: '2026-03-16' },
    ]);
    expect(commits[0]?.commit.events[0]?.data.after).toMatchObject({ tasks: [{ templateKey: 'aanvullen' }] });
  });
});
