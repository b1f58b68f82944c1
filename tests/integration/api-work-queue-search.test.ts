import { secretKlacht } from './support/access-fixtures';
import { odata } from '@azure/data-tables';
import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import {
  allWorkQueueRows,
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import { updatedRowKey } from '../../functions/src/app/projections/work-queue-keys';
import { workQueueTypeInfo } from '../../functions/src/app/projections/work-queue-type-info';
import { runRebuildProjections } from '../../functions/src/cli/rebuild-projections';
import { amsterdamToday } from '../../functions/src/domain/cases';
import { addDays, parseLocalDate } from '../../functions/src/domain/calendar';
import { startLocalApi, type LocalApi, type Login } from './support/local-api';

type Json = Record<string, unknown>;
type Summary = { id: string; number: string; title: string; receivedOn: string; updatedAt?: string };
type Page = { items: Summary[]; nextCursor: string | null };

const today = amsterdamToday(new Date());
const daysAgo = (days: number) => addDays(parseLocalDate(today), -days);
/** The behandelaars' group: handler of every shipped type, up to `vertrouwelijk`. */
const handlersGroup = 'a1b2c3d4-0001-4000-8000-000000000001';

/**
 * GET /api/v1/cases sorted by deadline, received and updated and searched by title word and number
 * (ADR 0020), served by the API's own projector from the row-key families of each queue partition.
 */
describe('work queues: sorting and text search on the local stack', () => {
  let local: LocalApi;
  const cases: Record<string, { id: string; number: string; etag: string }> = {};

  beforeAll(async () => {
    local = await startLocalApi({
      shippedCaseTypes: (files) => {
        const klacht = files.find((file) => file.name === 'klacht.yaml');
        if (!klacht) throw new Error('klacht.yaml is shipped');
        return [...files, { name: 'klacht-geheim.yaml', text: secretKlacht(klacht.text) }];
      },
    });
  });
  afterAll(() => local?.stop());

  const views = () => local.table(workQueueViewsTableName);
  const store = () =>
    createWorkQueueProjectionStore({
      workQueue: local.table(workQueueTableName),
      index: local.table(workQueueIndexTableName),
      views: local.table(workQueueViewsTableName),
    });
  const projected = async () => {
    const { caseStore } = local.caseStores();
    const until = Date.now() + 20_000;
    for (const { id } of Object.values(cases)) {
      for (;;) {
        const [index, loaded] = await Promise.all([store().readIndex(id), caseStore.load(id)]);
        if (index && loaded && index.sequence >= loaded.lastSequence) break;
        if (Date.now() > until) throw new Error(`case ${id} was not projected`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  const get = async (login: Login, path: string): Promise<Page> => {
    const response = await local.call(login, 'GET', path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return (await response.json()) as Page;
  };
  const titles = async (login: Login, path: string) => (await get(login, path)).items.map((item) => item.title);
  const register = async (login: Login, title: string, receivedOn: string, caseType = 'omgevingsvergunning') => {
    const fields = caseType === 'omgevingsvergunning' ? { projectomschrijving: title, bouwkosten: 100 } : {};
    const response = await local.call(login, 'POST', '/cases', { json: { caseType, title, receivedOn, parties: [], fields } });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    cases[title] = { id: String(body.id), number: String(body.number), etag: response.headers.get('etag') ?? '' };
  };
  const take = async (title: string) => {
    const c = cases[title];
    if (!c) throw new Error(title);
    const response = await local.call('behandelaar', 'POST', `/cases/${c.id}/take`, {
      json: {},
      headers: { 'if-match': c.etag },
    });
    expect(response.status).toBe(200);
    c.etag = response.headers.get('etag') ?? '';
  };
  /** Every page of a list, following nextCursor; each page at most `limit` items. */
  const allPages = async (login: Login, path: string, limit: number) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await get(login, `${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    return seen;
  };

  it('sorts my queue by final deadline, by received (newest first) and by last change (newest first)', async () => {
    await register('behandelaar', 'Dakkapel Dorpsstraat 12', daysAgo(10));
    await register('behandelaar', 'Dakkapel Kerkweg', daysAgo(30));
    await register('behandelaar', 'Schuur Dorpsstraat', daysAgo(20));
    await register('behandelaar', 'Café-terras Brink', daysAgo(5));
    await register('coordinator', 'Dakkapel geheim', daysAgo(1), 'klacht-geheim');
    // Taken in another order than received, so "updated" differs from both other sorts.
    for (const title of ['Dakkapel Kerkweg', 'Café-terras Brink', 'Dakkapel Dorpsstraat 12', 'Schuur Dorpsstraat'])
      await take(title);
    await projected();

    // Same legal term for all four: the deadline follows the received date.
    expect(await titles('behandelaar', '/cases?queue=mine')).toEqual([
      'Dakkapel Kerkweg',
      'Schuur Dorpsstraat',
      'Dakkapel Dorpsstraat 12',
      'Café-terras Brink',
    ]);
    const received = await get('behandelaar', '/cases?queue=mine&sort=received');
    expect(received.items.map((item) => item.title)).toEqual([
      'Café-terras Brink',
      'Dakkapel Dorpsstraat 12',
      'Schuur Dorpsstraat',
      'Dakkapel Kerkweg',
    ]);
    expect(received.items.map((item) => item.receivedOn)).toEqual([daysAgo(5), daysAgo(10), daysAgo(20), daysAgo(30)]);
    const updated = await get('behandelaar', '/cases?queue=mine&sort=updated&order=desc');
    expect(updated.items.map((item) => item.title)).toEqual([
      'Schuur Dorpsstraat',
      'Dakkapel Dorpsstraat 12',
      'Café-terras Brink',
      'Dakkapel Kerkweg',
    ]);
    const instants = updated.items.map((item) => item.updatedAt ?? '');
    expect([...instants].sort().reverse()).toEqual(instants);
    // The team and all queues are sorted the same way.
    expect(await titles('behandelaar2', '/cases?queue=team&sort=received&caseType=omgevingsvergunning')).toEqual(
      received.items.map((item) => item.title),
    );
  });

  it('finds cases by a word of the title (any case, diacritics folded, as a prefix), in deadline order', async () => {
    expect(await titles('behandelaar', '/cases?queue=mine&q=dakkapel')).toEqual(['Dakkapel Kerkweg', 'Dakkapel Dorpsstraat 12']);
    expect(await titles('behandelaar', '/cases?queue=mine&q=DAKK')).toEqual(['Dakkapel Kerkweg', 'Dakkapel Dorpsstraat 12']);
    expect(await titles('behandelaar', '/cases?queue=mine&q=caf%C3%A9')).toEqual(['Café-terras Brink']);
    expect(await titles('behandelaar', '/cases?queue=mine&q=terras')).toEqual(['Café-terras Brink']);
    // Every term must match; the others are checked on the rows the first one reads.
    expect(await titles('behandelaar', '/cases?queue=mine&q=dorpsstraat%20dak')).toEqual(['Dakkapel Dorpsstraat 12']);
    expect(await titles('behandelaar', '/cases?queue=all&q=dorpsstraat%2012')).toEqual(['Dakkapel Dorpsstraat 12']);
    expect(await titles('behandelaar', '/cases?queue=mine&q=dakkapel%20schuur')).toEqual([]);
  });

  it('finds a case by its number, written in full, without prefix, with or without leading zeros', async () => {
    const { number } = cases['Schuur Dorpsstraat'] ?? { number: '' };
    const [, year, sequence] = /^[A-Z]+-(\d{4})-(\d+)$/.exec(number) ?? [];
    expect(sequence).toBeDefined();
    for (const q of [number, number.toLowerCase(), `${year}-${sequence}`, sequence, String(Number(sequence))]) {
      expect({ q, found: await titles('behandelaar', `/cases?queue=all&q=${encodeURIComponent(q ?? '')}`) }).toEqual({
        q,
        found: ['Schuur Dorpsstraat'],
      });
    }
    // A number is matched exactly: a longer number is another case.
    expect(await titles('behandelaar', `/cases?queue=all&q=${String(Number(sequence))}9999`)).toEqual([]);
  });

  it('combines a search with the filters', async () => {
    expect(await titles('behandelaar', '/cases?queue=all&q=dakkapel&caseType=omgevingsvergunning&status=open')).toEqual([
      'Dakkapel Kerkweg',
      'Dakkapel Dorpsstraat 12',
    ]);
    expect(await titles('behandelaar', '/cases?queue=all&q=dakkapel&status=suspended')).toEqual([]);
    expect(await titles('behandelaar', '/cases?queue=team&q=dorpsstraat&phase=intake&overdue=false')).toEqual([
      'Schuur Dorpsstraat',
      'Dakkapel Dorpsstraat 12',
    ]);
    expect(await titles('behandelaar', '/cases?queue=mine&q=dorpsstraat&overdue=true')).toEqual([]);
    expect(await titles('behandelaar', '/cases?queue=mine&sort=received&overdue=false')).toHaveLength(4);
  });

  it('pages every sort and a search with a cursor, each case once', async () => {
    expect(await allPages('behandelaar', '/cases?queue=mine&sort=received', 1)).toEqual([
      'Café-terras Brink',
      'Dakkapel Dorpsstraat 12',
      'Schuur Dorpsstraat',
      'Dakkapel Kerkweg',
    ]);
    expect(await allPages('behandelaar', '/cases?queue=team&sort=updated&caseType=omgevingsvergunning', 3)).toEqual([
      'Schuur Dorpsstraat',
      'Dakkapel Dorpsstraat 12',
      'Café-terras Brink',
      'Dakkapel Kerkweg',
    ]);
    expect(await allPages('behandelaar', '/cases?queue=mine&q=dorpsstraat', 1)).toEqual([
      'Schuur Dorpsstraat',
      'Dakkapel Dorpsstraat 12',
    ]);
    // "dak" is a prefix of two words of this case (two search rows): still served once, under its first
    // matching word; a prefix search comes in deadline order per matching word.
    await register('behandelaar', 'Dakgoot en dakkapel Molenweg', today);
    await projected();
    expect(await allPages('behandelaar', '/cases?queue=all&q=dak&caseType=omgevingsvergunning', 1)).toEqual([
      'Dakgoot en dakkapel Molenweg',
      'Dakkapel Kerkweg',
      'Dakkapel Dorpsstraat 12',
    ]);
  });

  it('never shows a case above the reader’s ceiling through a search, though its rows are in the team queue', async () => {
    const secret = cases['Dakkapel geheim'];
    if (!secret) throw new Error('registered above');
    const teamRows = [];
    for await (const row of local
      .table(workQueueTableName)
      .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${`team:${handlersGroup}`} and caseId eq ${secret.id}` } }))
      teamRows.push(row);
    expect(teamRows.length).toBeGreaterThan(0);

    for (const path of ['/cases?queue=all&q=dakkapel', '/cases?queue=team&q=dakkapel', `/cases?queue=team&q=${secret.number}`]) {
      expect(await titles('behandelaar', path)).not.toContain('Dakkapel geheim');
    }
    expect(await titles('behandelaar', '/cases?queue=team&q=geheim')).toEqual([]);
    expect(await titles('coordinator', '/cases?queue=all&q=geheim')).toEqual(['Dakkapel geheim']);
    expect(await titles('coordinator', `/cases?queue=all&q=${secret.number}`)).toEqual(['Dakkapel geheim']);
  });

  it('refuses invalid values and combinations with a 400 that lists every problem', async () => {
    const problems = async (path: string) => {
      const response = await local.call('behandelaar', 'GET', path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      return ((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    };
    expect(await problems('/cases?queue=mine&q=a&sort=updated&order=asc&limit=0')).toEqual([
      'query.limit',
      'query.order',
      'query.q',
      'query.sort',
    ]);
    expect(await problems('/cases?queue=mine&sort=relevance&overdue=true&atRisk=true')).toEqual(['query.atRisk', 'query.sort']);
    expect(await problems(`/cases?queue=mine&q=${'x'.repeat(101)}`)).toEqual(['query.q']);
    // A cursor belongs to its list: one from the received sort is not a deadline cursor.
    const page = await get('behandelaar', '/cases?queue=mine&sort=received&limit=1');
    expect(await problems(`/cases?queue=mine&limit=1&cursor=${page.nextCursor ?? ''}`)).toEqual(['query.cursor']);
  });

  it('moves a case’s updated and search rows when it changes, and rebuild then finds no differences', async () => {
    const kerkweg = cases['Dakkapel Kerkweg'];
    if (!kerkweg) throw new Error('registered above');
    const before = (await get('behandelaar', '/cases?queue=mine&sort=updated')).items.find((item) => item.id === kerkweg.id);
    const changed = await local.call('behandelaar', 'PATCH', `/cases/${kerkweg.id}`, {
      json: { title: 'Erker Kerkweg' },
      headers: { 'if-match': kerkweg.etag },
    });
    expect(changed.status).toBe(200);
    await projected();

    expect(await titles('behandelaar', '/cases?queue=mine&sort=updated')).toEqual([
      'Erker Kerkweg',
      'Schuur Dorpsstraat',
      'Dakkapel Dorpsstraat 12',
      'Café-terras Brink',
    ]);
    expect(await titles('behandelaar', '/cases?queue=mine&q=dakkapel')).toEqual(['Dakkapel Dorpsstraat 12']);
    expect(await titles('behandelaar', '/cases?queue=all&q=erker')).toEqual(['Erker Kerkweg']);
    // In the table: the old rows are gone from every queue partition, not just hidden.
    // The sort and search rows are in WorkQueueViews (the deadline rows stay in WorkQueue).
    const keysOf = async () => {
      const keys: string[] = [];
      for await (const row of views().listEntities({ queryOptions: { filter: odata`caseId eq ${kerkweg.id}` } }))
        keys.push(row.rowKey ?? '');
      return keys;
    };
    const keys = await keysOf();
    expect(keys.filter((key) => key.startsWith('q~dakkapel|'))).toEqual([]);
    expect(keys.filter((key) => key.startsWith('q~erker|')).length).toBeGreaterThanOrEqual(2);
    expect(keys).not.toContain(updatedRowKey(before?.updatedAt ?? '', kerkweg.id));

    const rebuild = async (argv: string[]) => {
      const lines: string[] = [];
      const { caseStore, eventLog } = local.caseStores();
      const exitCode = await runRebuildProjections(argv, {
        caseStore,
        eventLog,
        store: store(),
        storedRows: () => allWorkQueueRows(local.table(workQueueTableName), local.table(workQueueViewsTableName)),
        typeInfo: workQueueTypeInfo(createCaseTypeRepository(local.table(caseTypesTableName))),
        write: (line) => lines.push(line),
      });
      return { exitCode, lines };
    };
    expect(await rebuild([])).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });

    // A lost search row and a stale sort row are found, and --apply regenerates them.
    const searchKey = keys.find((key) => key.startsWith('q~erker|')) ?? '';
    const partitions: string[] = [];
    for await (const row of views().listEntities({ queryOptions: { filter: odata`RowKey eq ${searchKey}` } }))
      partitions.push(row.partitionKey ?? '');
    const partition = partitions[0] ?? '';
    expect(partition).not.toBe('');
    await views().deleteEntity(partition, searchKey);
    await views().upsertEntity({
      partitionKey: partition,
      rowKey: updatedRowKey('2020-01-01T00:00:00.000Z', kerkweg.id),
      caseId: kerkweg.id,
    });
    const found = await rebuild([]);
    expect(found.exitCode).toBe(1);
    expect(found.lines).toEqual(
      expect.arrayContaining([
        `MISSING   ${partition} ${searchKey} (case ${kerkweg.id})`,
        `STALE     ${partition} ${updatedRowKey('2020-01-01T00:00:00.000Z', kerkweg.id)} (case ${kerkweg.id})`,
      ]),
    );
    expect((await rebuild(['--apply'])).exitCode).toBe(0);
    expect(await rebuild([])).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
    expect(await titles('behandelaar', '/cases?queue=mine&q=erker')).toEqual(['Erker Kerkweg']);
  });
});
