import type { UserPrincipal } from '../../domain/principal';
import type { CaseQueueReader, QueueFilter } from '../../ports/case-queues';
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
  return { deps: { workQueue, caseQueues, caseTypes }, calls, assigned };
}
const query = { limit: 50 } as const;

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
