import type { UserPrincipal } from '../../domain/principal';
import type { CaseQueueReader, QueueFilter, QueueRow } from '../../ports/case-queues';
import { defaultAccessSettings, resolveActor } from '../../domain/access';
import type { WorkQueueReader } from '../../ports/work-queue';
import { inMemoryCaseTypes } from '../../test-support/in-memory-case-types';
import { shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { countQueues, listCases } from './list-cases';

const sanne: UserPrincipal = {
  kind: 'user',
  oid: 'u-1',
  tid: 't',
  name: 'Sanne',
  upn: 'sanne@zaakwerk.test',
  email: null,
  roles: [],
  groups: ['g-1', 'g-2'],
};

function recording() {
  const calls: { partitions: readonly string[]; filter?: QueueFilter }[] = [];
  const assigned: string[] = [];
  const workQueue: WorkQueueReader = {
    listAssignedTo: async (oid) => (assigned.push(oid), { entries: [], nextCursor: null }),
  };
  const caseQueues: CaseQueueReader = {
    list: async (partitions, filter) => (calls.push({ partitions, filter }), { rows: [], nextCursor: null }),
    count: async (partitions) => (calls.push({ partitions }), { total: partitions.length, atRisk: 0, overdue: 0 }),
  };
  const caseTypes = inMemoryCaseTypes([shippedOmgevingsvergunning()]);
  const access = { actorFor: async (user: UserPrincipal) => actorOf(user) };
  return { deps: { workQueue, caseQueues, caseTypes, access }, calls, assigned };
}
const query = { limit: 50 } as const;

/** Sanne's groups give her nothing on these types: she sees only what is assigned to her, up to the default ceiling. */
const actorOf = (user: UserPrincipal) =>
  resolveActor(
    { id: user.oid, name: user.name, roles: user.roles, groups: user.groups },
    [{ key: 'omgevingsvergunning', confidentiality: 'intern', access: [] }],
    defaultAccessSettings,
    '2026-03-02T09:00:00.000Z',
  );

const aRow = (caseId: string, confidentiality: QueueRow['confidentiality'], assigneeId: string | null): QueueRow => ({
  caseId,
  number: `ZAAK-2026-00000${caseId.slice(-1)}`,
  title: caseId,
  caseTypeKey: 'omgevingsvergunning',
  caseTypeName: 'Omgevingsvergunning',
  status: 'open',
  phaseKey: 'intake',
  phaseName: 'Intake',
  finalDeadline: '2026-04-27',
  receivedOn: '2026-03-02',
  assigneeId,
  assigneeName: assigneeId,
  confidentiality,
  atRiskFrom: null,
});

describe('listing cases (the one listing function)', () => {
  it('reads my own queue with the assignee reader when nothing is filtered', async () => {
    const r = recording();
    await listCases(r.deps, sanne, { ...query, queue: 'mine' }, '2026-03-02');
    expect(r.assigned).toEqual(['u-1']);
    expect(r.calls).toEqual([]);
  });

  it('filters my own queue in the table query', async () => {
    const r = recording();
    await listCases(r.deps, sanne, { ...query, queue: 'mine', overdue: true, caseType: 'klacht' }, '2026-03-02');
    expect(r.calls).toEqual([
      { partitions: ['assignee:u-1'], filter: { today: '2026-03-02', overdue: true, caseType: 'klacht' } },
    ]);
  });

  it('reads one team queue per group of the user, and none without groups', async () => {
    const r = recording();
    await listCases(r.deps, sanne, { ...query, queue: 'team', atRisk: true }, '2026-03-02');
    expect(r.calls[0]).toEqual({ partitions: ['team:g-1', 'team:g-2'], filter: { today: '2026-03-02', atRisk: true } });
    const page = await listCases(r.deps, { ...sanne, groups: [] }, { ...query, queue: 'team' }, '2026-03-02');
    expect(page).toEqual({ rows: [], nextCursor: null });
    expect(r.calls).toHaveLength(1);
  });

  it('reads every case type queue for all, or the one asked for', async () => {
    const r = recording();
    await listCases(r.deps, sanne, { ...query, queue: 'all' }, '2026-03-02');
    await listCases(r.deps, sanne, { ...query, queue: 'all', caseType: 'klacht', status: 'open' }, '2026-03-02');
    expect(r.calls.map((c) => c.partitions)).toEqual([['caseType:omgevingsvergunning'], ['caseType:klacht']]);
    expect(r.calls[1]?.filter).toEqual({ today: '2026-03-02', caseType: 'klacht', status: 'open' });
  });

  it('leaves out every row the access policy hides: above the ceiling, or not hers', async () => {
    const r = recording();
    const rows = [aRow('c-1', 'intern', 'u-1'), aRow('c-2', 'geheim', 'u-1'), aRow('c-3', 'intern', 'u-9')];
    const deps = { ...r.deps, caseQueues: { ...r.deps.caseQueues, list: async () => ({ rows, nextCursor: null }) } };
    const page = await listCases(deps, sanne, { ...query, queue: 'all' }, '2026-03-02');
    expect(page.rows.map((row) => row.caseId)).toEqual(['c-1']);
  });

  it('counts only what the user may see', async () => {
    const r = recording();
    const seen: boolean[] = [];
    const counting: CaseQueueReader = {
      ...r.deps.caseQueues,
      count: async (_partitions, _today, visible) => {
        for (const row of [aRow('c-1', 'intern', 'u-1'), aRow('c-2', 'geheim', 'u-1')]) seen.push(visible?.(row) ?? true);
        return { total: 0, atRisk: 0, overdue: 0 };
      },
    };
    await countQueues({ ...r.deps, caseQueues: counting }, sanne, '2026-03-02');
    expect(seen.slice(0, 2)).toEqual([true, false]);
  });

  it('counts mine, my teams together and each case type', async () => {
    const r = recording();
    const counts = await countQueues(r.deps, sanne, '2026-03-02');
    expect(counts).toEqual({
      mine: { total: 1, atRisk: 0, overdue: 0 },
      team: { total: 2, atRisk: 0, overdue: 0 },
      caseTypes: [{ key: 'omgevingsvergunning', name: 'Omgevingsvergunning', total: 1, atRisk: 0, overdue: 0 }],
    });
  });
});
