import type { UserPrincipal } from '../../domain/principal';
import type { CaseQueueReader, QueueFilter, QueueListing, QueueRow } from '../../ports/case-queues';
import { defaultAccessSettings, resolveActor } from '../../domain/access';
import { inMemoryCaseTypes } from '../../test-support/in-memory-case-types';
import { shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { countQueues, listCases, listQueryProblems } from './list-cases';

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
  const listings: (QueueListing | undefined)[] = [];
  const caseQueues: CaseQueueReader = {
    list: async (partitions, filter, _page, listing) => (
      calls.push({ partitions, filter }),
      listings.push(listing),
      { rows: [], nextCursor: null }
    ),
    count: async (partitions) => (calls.push({ partitions }), { total: partitions.length, atRisk: 0, overdue: 0 }),
  };
  const caseTypes = inMemoryCaseTypes([shippedOmgevingsvergunning()]);
  const access = { actorFor: async (user: UserPrincipal) => actorOf(user) };
  return { deps: { caseQueues, caseTypes, access }, calls, listings };
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
  updatedAt: '2026-03-02T09:00:00.000Z',
  assigneeId,
  assigneeName: assigneeId,
  confidentiality,
  atRiskFrom: null,
});

describe('listing cases (the one listing function)', () => {
  it('reads my own queue as one partition, in deadline order unless another sort is asked', async () => {
    const r = recording();
    await listCases(r.deps, sanne, { ...query, queue: 'mine' }, '2026-03-02');
    await listCases(r.deps, sanne, { ...query, queue: 'mine', sort: 'updated' }, '2026-03-02');
    expect(r.calls.map((c) => c.partitions)).toEqual([['assignee:u-1'], ['assignee:u-1']]);
    expect(r.listings.map((listing) => [listing?.sort, listing?.search])).toEqual([
      ['deadline', undefined],
      ['updated', undefined],
    ]);
  });

  it('passes a search as its terms, the most selective one read through the index', async () => {
    const r = recording();
    await listCases(r.deps, sanne, { ...query, queue: 'team', q: 'dak ZAAK-2026-000123' }, '2026-03-02');
    expect(r.listings[0]?.search).toEqual({
      indexTerm: { text: '123', exact: true, caseNumber: 'zaak-2026-123' },
      terms: [
        { text: 'dak', exact: false },
        { text: '123', exact: true, caseNumber: 'zaak-2026-123' },
      ],
    });
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
    // The reader serves only what `keep` lets through (the reader's own tests show it reads past the rest).
    const list: CaseQueueReader['list'] = async (_p, _f, _page, listing) => ({
      rows: rows.filter((row) => listing?.keep?.(row) ?? true),
      nextCursor: null,
    });
    const deps = { ...r.deps, caseQueues: { ...r.deps.caseQueues, list } };
    const page = await listCases(deps, sanne, { ...query, queue: 'all', q: 'c-1' }, '2026-03-02');
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

  it('lists every problem of a query that no single parameter shows', () => {
    expect(
      listQueryProblems({ queue: 'mine', q: 'dak', sort: 'updated', order: 'asc', overdue: 'true', atRisk: 'true' }),
    ).toEqual([
      expect.objectContaining({ path: 'query.sort', code: 'invalid_combination' }),
      expect.objectContaining({ path: 'query.order', code: 'not_offered' }),
      expect.objectContaining({ path: 'query.atRisk', code: 'invalid_combination' }),
    ]);
    expect(listQueryProblems({ queue: 'mine', q: 'a' })).toEqual([
      { path: 'query.q', code: 'invalid_search', message: 'needs a word of at least 2 letters or a number' },
    ]);
    expect(listQueryProblems({ queue: 'mine', q: 'dak', sort: 'deadline', order: 'asc' })).toEqual([]);
    expect(listQueryProblems({ queue: 'mine', sort: 'received', order: 'desc' })).toEqual([]);
    expect(listQueryProblems({ queue: 'mine', order: 'desc' })).toEqual([expect.objectContaining({ path: 'query.order' })]);
  });
});
