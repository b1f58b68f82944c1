import { caseNumbersTableName } from '../../functions/src/adapters/table-storage/case-numbers.table';
import { caseNumberIndexKey, caseNumberIndexTableName } from '../../functions/src/adapters/table-storage/case-number-index.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { parseLocalDate } from '../../functions/src/domain/calendar';
import { computeDeadline } from '../../functions/src/domain/deadlines';
import { startLocalApi, type CallOptions, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;

const aRegistration = (overrides: Json = {}): Json => ({
  caseType: 'omgevingsvergunning',
  title: 'Dakkapel Dorpsstraat 1',
  receivedOn: '2026-03-02',
  parties: [{ role: 'aanvrager', name: 'J. Jansen', email: 'j.jansen@example.nl' }],
  fields: { projectomschrijving: 'Dakkapel op het achterdakvlak', locatie: 'Dorpsstraat 1, Voorbeeld', bouwkosten: 12000 },
  ...overrides,
});

/**
 * Case registration on the local stack: register(app) in the local Functions host, Azurite storage,
 * tokens for the demo personas from the local Microsoft 365; the shipped case types published first.
 */
describe('registering a case on the local stack', () => {
  let local: LocalApi;
  const table = (name: string) => local.table(name);

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  const call = (method: string, path: string, options: CallOptions = {}) => local.call('behandelaar', method, path, options);
  const jsonOf = async (response: Response) => (await response.json()) as Json;
  const errorPaths = (body: Json) =>
    ((body.errors ?? []) as { path: string; code: string }[]).map(({ path, code }) => [path, code]);
  const lastNumber = async (year: number): Promise<number> => {
    const row = await table(caseNumbersTableName).getEntity<{ last: number }>('ZAAK', String(year));
    return row.last;
  };

  describe('a behandelaar registers an omgevingsvergunning', () => {
    let registered: Json = {};
    let etag = '';

    it('answers 201 with a ZAAK number, the first phase and the deadline computeDeadline gives for P8W', async () => {
      const response = await call('POST', '/cases', { json: aRegistration() });
      expect(response.status).toBe(201);
      registered = await jsonOf(response);
      etag = response.headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\/"/);
      const expected = computeDeadline({ receivedOn: parseLocalDate('2026-03-02'), legalTerm: 'P8W', serviceNorm: 'P6W' });
      expect(registered).toMatchObject({
        number: expect.stringMatching(/^ZAAK-\d{4}-\d{6}$/) as unknown,
        caseType: { key: 'omgevingsvergunning', version: 1, name: 'Omgevingsvergunning' },
        title: 'Dakkapel Dorpsstraat 1',
        confidentiality: 'intern',
        status: 'open',
        phase: { key: 'intake', name: 'Intake' },
        receivedOn: '2026-03-02',
        deadline: { final: expected.final, planned: expected.planned, suspendedDays: 0 },
        assignee: null,
        parties: [{ role: 'aanvrager', name: 'J. Jansen', email: 'j.jansen@example.nl' }],
        outcome: null,
        closedOn: null,
        archive: { action: null, actionDate: null, status: 'pending' },
        etag,
      });
      expect(registered.number).toContain(`ZAAK-${new Date().getUTCFullYear()}-`);
      // leges comes from the type's default rule (3% of bouwkosten).
      expect(registered.fields).toEqual({ ...(aRegistration().fields as Json), leges: 360 });
      // 8 weeks after 2 March is Monday 27 April, Koningsdag: the Algemene termijnenwet moves it to the 28th.
      expect(expected.final).toBe('2026-04-28');
    });

    it('returns the same case and ETag on GET by id', async () => {
      const response = await call('GET', `/cases/${String(registered.id)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(etag);
      expect(await jsonOf(response)).toEqual(registered);
    });

    it('records a case.registered event whose chain verifies', async () => {
      const { caseStore, eventLog } = local.caseStores();
      const caseId = String(registered.id);
      expect(await verifyCaseChain({ caseStore, eventLog }, caseId)).toEqual({ caseId, ok: true, count: 1 });
      const [event] = await eventLog.allEvents(caseId);
      expect(event).toMatchObject({
        type: 'case.registered',
        channel: 'api',
        actor: { kind: 'user', name: expect.any(String) as unknown },
      });
    });

    it('dispatches the outbox message to the work-queue projector, which puts the case in its case type queue', async () => {
      const rows = table(workQueueTableName);
      const inCaseTypeQueue = async () => {
        for await (const row of rows.listEntities<{ caseId: string }>({
          queryOptions: { filter: "PartitionKey eq 'caseType:omgevingsvergunning'" },
        })) {
          if (row.caseId === registered.id) return true;
        }
        return false;
      };
      const deadline = Date.now() + 15_000;
      while (!(await inCaseTypeQueue().catch(() => false)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await inCaseTypeQueue()).toBe(true);
    });
  });

  it('lists every invalid field with 400, and every broken field rule with 422', async () => {
    const malformed = await call('POST', '/cases', {
      json: aRegistration({
        fields: { onbekend: 1, bouwkosten: 'veel', activiteiten: ['vliegen'] },
        parties: [{ role: 'x', name: 'Y' }],
      }),
    });
    expect(malformed.status).toBe(400);
    const body = await jsonOf(malformed);
    expect(body.code).toBe('case.invalid');
    expect(errorPaths(body)).toEqual([
      ['body.parties.0.role', 'case.party-role-unknown'],
      ['body.fields.onbekend', 'field.unknown'],
      ['body.fields.bouwkosten', 'field.type-mismatch'],
      ['body.fields.activiteiten', 'field.option-unknown'],
    ]);
    const broken = await call('POST', '/cases', { json: aRegistration({ fields: { bouwkosten: -1, leges: -2 } }) });
    expect(broken.status).toBe(422);
    const brokenBody = await jsonOf(broken);
    expect(brokenBody.code).toBe('case.field-rules-violated');
    expect(errorPaths(brokenBody)).toEqual([
      ['body.fields.bouwkosten', 'field.rule-violated'],
      ['body.fields.leges', 'field.rule-violated'],
    ]);
  });

  it('registers a storing (service norm PT48H, no legal term) with a planned date two days on and no final date', async () => {
    const response = await call('POST', '/cases', {
      json: {
        caseType: 'storingsonderhoud-netwerk',
        title: 'Storing middenspanning Kerkstraat',
        receivedOn: '2026-06-05',
        parties: [],
        fields: { storingslocatie: 'Kerkstraat 4, Voorbeeld', prioriteit: 'p2' },
      },
    });
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({
      caseType: { key: 'storingsonderhoud-netwerk' },
      receivedOn: '2026-06-05',
      deadline: { final: null, planned: '2026-06-07', suspendedDays: 0 },
    });
  });

  it('refuses an unknown case type with 422 and an unknown case id with 404', async () => {
    const unknown = await call('POST', '/cases', { json: aRegistration({ caseType: 'bestaat-niet' }) });
    expect(unknown.status).toBe(422);
    expect(await jsonOf(unknown)).toMatchObject({ code: 'case.case-type-unknown' });
    const missing = await call('GET', '/cases/6f1c1d7e-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(await jsonOf(missing)).toMatchObject({ code: 'case.not-found' });
  });

  it('replays an Idempotency-Key retry with the first case and allocates no second number', async () => {
    const headers = { 'idempotency-key': `register-${Date.now()}` };
    const first = await call('POST', '/cases', { json: aRegistration({ title: 'Idempotent' }), headers });
    expect(first.status).toBe(201);
    const firstBody = await jsonOf(first);
    const year = Number(String(firstBody.number).slice(5, 9));
    const numbersAfterFirst = await lastNumber(year);

    const retry = await call('POST', '/cases', { json: aRegistration({ title: 'Idempotent' }), headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await jsonOf(retry)).toEqual(firstBody);
    expect(await lastNumber(year)).toBe(numbersAfterFirst);
    const events = await local.caseStores().eventLog.allEvents(String(firstBody.id));
    expect(events).toHaveLength(1);

    const other = await call('POST', '/cases', { json: aRegistration({ title: 'Iets anders' }), headers });
    expect(other.status).toBe(422);
    expect(await jsonOf(other)).toMatchObject({ code: 'request.idempotency-key-reused' });
    expect(await lastNumber(year)).toBe(numbersAfterFirst);
  });

  // Uniqueness under contention; throughput is a benchmark's job (npm run bench), not a test's.
  it('gives 200 concurrent registrations 200 distinct numbers, each findable by its number', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => call('POST', '/cases', { json: aRegistration({ title: `Parallel ${i}` }) })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    const bodies = await Promise.all(responses.map(jsonOf));
    const numbers = bodies.map((body) => String(body.number));
    expect(new Set(numbers).size).toBe(200);
    expect(numbers.every((number) => /^ZAAK-\d{4}-\d{6}$/.test(number))).toBe(true);
    const byNumber = await Promise.all(bodies.slice(0, 20).map((body) => call('GET', `/cases/${String(body.number)}`)));
    expect(await Promise.all(byNumber.map(async (response) => (await jsonOf(response)).id))).toEqual(
      bodies.slice(0, 20).map((body) => body.id),
    );
  }, 180_000);

  it('finds a case by its number; a number nobody has is 404 and neither a uuid nor a number is 400', async () => {
    const created = await call('POST', '/cases', { json: aRegistration({ title: 'Op nummer' }) });
    const body = await jsonOf(created);
    const byNumber = await call('GET', `/cases/${String(body.number)}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.headers.get('etag')).toBe(created.headers.get('etag'));
    expect(await jsonOf(byNumber)).toEqual(body);
    // One row per number in its block of 1,000 (decision 0019).
    const key = caseNumberIndexKey(String(body.number));
    expect(key.partitionKey).toBe(String(body.number).slice(0, -3));
    const row = await table(caseNumberIndexTableName).getEntity<{ caseId: string }>(key.partitionKey, key.rowKey);
    expect(row.caseId).toBe(body.id);

    const unknown = await call('GET', '/cases/ZAAK-1999-000001');
    expect(unknown.status).toBe(404);
    expect(await jsonOf(unknown)).toMatchObject({ code: 'case.not-found' });
    const malformed = await call('GET', '/cases/zaak-2026-1');
    expect(malformed.status).toBe(400);
  });

  it('answers 404 for an index entry whose registration never committed (the case partition is the truth)', async () => {
    // As if a registration died between claiming its number and its commit.
    await table(caseNumberIndexTableName).createEntity({
      ...caseNumberIndexKey('ZAAK-2026-999997'),
      caseId: '6f1c1d7e-0000-4000-8000-000000000001',
    });
    expect((await call('GET', '/cases/ZAAK-2026-999997')).status).toBe(404);
    // The same in the layout of before decision 0019 (PartitionKey = the number, RowKey `case`).
    await table(caseNumberIndexTableName).createEntity({
      partitionKey: 'ZAAK-2026-999999',
      rowKey: 'case',
      caseId: '6f1c1d7e-0000-4000-8000-000000000001',
    });
    expect((await call('GET', '/cases/ZAAK-2026-999999')).status).toBe(404);
    // An entry pointing to an existing case with another number is not believed either.
    const other = await jsonOf(await call('POST', '/cases', { json: aRegistration({ title: 'Ander nummer' }) }));
    await table(caseNumberIndexTableName).createEntity({ partitionKey: 'ZAAK-2026-999998', rowKey: 'case', caseId: other.id });
    expect((await call('GET', '/cases/ZAAK-2026-999998')).status).toBe(404);
  });

  it('lets concurrent requests with one Idempotency-Key create one case', async () => {
    const headers = { 'idempotency-key': `parallel-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', '/cases', { json: aRegistration({ title: 'Eén zaak' }), headers })),
    );
    const bodies = await Promise.all(responses.map(jsonOf));
    const created = bodies.filter((_, i) => responses[i]?.status === 201);
    // The others were told the first is still running (409) or got its result.
    expect(responses.every((response) => response.status === 201 || response.status === 409)).toBe(true);
    expect(new Set(created.map((body) => body.id)).size).toBe(1);
    const retry = await call('POST', '/cases', { json: aRegistration({ title: 'Eén zaak' }), headers });
    expect(retry.status).toBe(201);
    expect((await jsonOf(retry)).id).toBe(created[0]?.id);
  });
});
