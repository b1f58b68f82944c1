import { defaultAccessSettings, resolveActor } from '../../domain/access';
import type { CaseState } from '../../domain/cases';
import type { JsonValue } from '../../domain/events';
import type { GlobalRole } from '../../domain/roles';
import type { AccessLog, AccessRecord } from '../../ports/access-log';
import type { CaseStore, LoadedCase } from '../../ports/case-store';
import { aCase } from '../../test-support/lifecycle-case';
import { listCaseAccessRecords, listPersonAccessRecords } from './list-access-records';
import { recordCaseRead } from './record-case-read';

const types = [{ key: 'omgevingsvergunning', confidentiality: 'intern' as const, access: [] }];
const actor = (roles: GlobalRole[]) =>
  resolveActor({ id: 'me', name: 'Me', roles, groups: [] }, types, defaultAccessSettings, '2026-03-10T12:00:00.000Z');

function memoryLog() {
  const records: AccessRecord[] = [];
  const filed: { caseId: string; person: string }[] = [];
  const log: AccessLog = {
    append: async (record) => {
      records.push(record);
    },
    indexParties: async (caseId, parties) => {
      for (const party of parties)
        filed.push(...[party.name, party.email ?? ''].filter(Boolean).map((person) => ({ caseId, person })));
    },
    listForCase: async (caseId) => ({ records: records.filter((r) => r.caseId === caseId).reverse(), nextCursor: null }),
    // As the adapter: the records of the cases filed under the person.
    listForPerson: async (person) => ({
      records: records.filter((r) => filed.some((f) => f.caseId === r.caseId && f.person === person)).reverse(),
      nextCursor: null,
    }),
    verifyCase: async () => ({ valid: true, count: records.length }),
  };
  return { log, records };
}

const store = (state: CaseState): Pick<CaseStore, 'load'> => ({
  load: async <S extends JsonValue>() => ({ state, etag: 'W/"1"', lastSequence: 1, lastHash: 'h' }) as unknown as LoadedCase<S>,
});
const anna = { role: 'aanvrager', name: 'Anna Aanvrager', email: 'anna@example.nl' };
const clock = { now: () => new Date('2026-03-10T12:00:00.000Z') };
const sanne = { kind: 'user' as const, oid: 'u-1', tid: 't', name: 'Sanne', upn: 's', email: null, roles: [], groups: [] };

describe('recording and reporting reads of a case', () => {
  it('records who read which case, when, how and for what, with the parties of that moment', async () => {
    const { log, records } = memoryLog();
    const state = aCase({ parties: [anna] });
    await recordCaseRead(
      { accessLog: log, clock, newId: () => 'r-1' },
      { ...sanne, via: 'bot', actingAppId: 'bot-app' },
      state,
      'timeline',
    );
    expect(records).toEqual([
      {
        id: 'r-1',
        at: '2026-03-10T12:00:00.000Z',
        caseId: state.id,
        caseNumber: state.number,
        caseTypeKey: 'omgevingsvergunning',
        confidentiality: 'intern',
        user: { id: 'u-1', name: 'Sanne' },
        via: { appId: 'bot-app', name: 'Zaakwerk bot' },
        channel: 'bot',
        purpose: 'timeline',
        parties: [anna],
      },
    ]);
  });

  it('turns a failed append into 503 access-log.unavailable, so the read is not served', async () => {
    const failing = { append: async () => Promise.reject(new Error('storage is down')) };
    await expect(recordCaseRead({ accessLog: failing, clock }, sanne, aCase({ parties: [anna] }), 'case')).rejects.toMatchObject({
      kind: 'dependency-unavailable',
      code: 'access-log.unavailable',
    });
  });

  it('shows a case’s log to an auditor, 403 to someone who reads the case but not its log', async () => {
    const { log } = memoryLog();
    const state = aCase({ parties: [anna] });
    await recordCaseRead({ accessLog: log, clock }, sanne, state, 'case');
    const page = await listCaseAccessRecords({ caseStore: store(state), accessLog: log }, actor(['auditor']), state.id, {
      limit: 10,
    });
    expect(page.records.map((r) => r.user.id)).toEqual(['u-1']);
    await expect(
      listCaseAccessRecords({ caseStore: store(state), accessLog: log }, actor(['contactCentre']), state.id, { limit: 10 }),
    ).rejects.toMatchObject({ code: 'auth.not-allowed' });
  });

  it('leaves cases above the reader’s ceiling out of the per-person report, and refuses it without the role', async () => {
    const { log } = memoryLog();
    // Filed under Anna at registration, as registerCase does.
    await log.indexParties('open', [anna]);
    await log.indexParties('secret', [anna]);
    await recordCaseRead({ accessLog: log, clock }, sanne, aCase({ id: 'open', parties: [anna] }), 'case');
    await recordCaseRead(
      { accessLog: log, clock },
      sanne,
      aCase({ id: 'secret', confidentiality: 'geheim', parties: [anna] }),
      'case',
    );
    const forRecords = await listPersonAccessRecords({ accessLog: log }, actor(['recordsManager']), 'anna@example.nl', {
      limit: 10,
    });
    expect(forRecords.records.map((r) => r.caseId)).toEqual(['open']);
    const forAuditor = await listPersonAccessRecords({ accessLog: log }, actor(['auditor']), 'anna@example.nl', { limit: 10 });
    expect(forAuditor.records.map((r) => r.caseId)).toEqual(['secret', 'open']);
    await expect(
      listPersonAccessRecords({ accessLog: log }, actor(['coordinator']), 'anna@example.nl', { limit: 10 }),
    ).rejects.toMatchObject({
      code: 'auth.not-allowed',
    });
  });
});
