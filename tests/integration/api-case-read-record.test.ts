import { accessLogTableName, createTableAccessLog } from '../../functions/src/adapters/table-storage/access-log.table';
import type { AccessLog } from '../../functions/src/ports/access-log';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;

const behandelaar = demoTenant.personas.find((p) => p.login === 'behandelaar');

/**
 * A disclosure never happens without its access record (DUTCH-RULES §5, decision 0023), now that the
 * record is written alongside loading and presenting the case: through the real API on Azurite.
 */
describe('recording reads of a case on the local stack', () => {
  let local: LocalApi;
  let log: AccessLog;
  let caseId: string;
  let caseNumber: string;
  const title = 'Inzagetest: klacht over de balie';

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
    log = createTableAccessLog(local.table(accessLogTableName));
    const response = await local.call('behandelaar', 'POST', '/cases', {
      json: {
        caseType: 'klacht',
        title,
        receivedOn: '2026-03-02',
        parties: [{ role: 'klager', name: 'Anna Aanvrager', email: 'anna@example.nl' }],
        fields: { omschrijving: 'Onheus bejegend' },
      },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    caseId = String(body.id);
    caseNumber = String(body.number);
  });
  afterAll(async () => {
    await local.stop();
  });

  it('has stored the record when the case arrives, by id and by number', async () => {
    for (const path of [`/cases/${caseId}`, `/cases/${caseNumber}`]) {
      const before = (await log.verifyCase(caseId)).count;
      const response = await local.call('behandelaar', 'GET', path);
      expect(response.status).toBe(200);
      expect(((await response.json()) as Json).title).toBe(title);
      const newest = (await log.listForCase(caseId, { limit: 1 })).records[0];
      expect(newest).toMatchObject({ caseId, caseNumber, purpose: 'case', user: { id: behandelaar?.id } });
      expect(await log.verifyCase(caseId)).toEqual({ valid: true, count: before + 1 });
      const persons = await log.listForPerson('anna@example.nl', { limit: 1 });
      expect(persons.records[0]?.id).toBe(newest?.id);
    }
  });

  it('records no read of a case that does not exist or that the caller may not see', async () => {
    const before = await log.verifyCase(caseId);
    expect((await local.call('adviseur', 'GET', `/cases/${caseId}`)).status).toBe(404);
    const unknown = '0b0e4f3c-1111-4222-8333-444455556666';
    expect((await local.call('behandelaar', 'GET', `/cases/${unknown}`)).status).toBe(404);
    expect(await log.verifyCase(caseId)).toEqual(before);
    expect(await log.verifyCase(unknown)).toEqual({ valid: true, count: 0 });
  });

  it('keeps one intact chain under 20 concurrent reads, each recorded', async () => {
    const before = (await log.verifyCase(caseId)).count;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) => local.call('behandelaar', 'GET', n % 2 ? `/cases/${caseId}` : `/cases/${caseNumber}`)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(await log.verifyCase(caseId)).toEqual({ valid: true, count: before + 20 });
  });

  it('answers 503 without the case when the read cannot be recorded, and serves it again once it can', async () => {
    const table = local.table(accessLogTableName);
    await table.deleteTable(); // the access log is gone behind the API's back: every append fails
    try {
      for (const path of [`/cases/${caseId}`, `/cases/${caseNumber}`, `/cases/${caseId}/timeline`]) {
        const response = await local.call('behandelaar', 'GET', path);
        const text = await response.text();
        expect(response.status).toBe(503);
        expect(response.headers.get('etag')).toBeNull();
        expect(JSON.parse(text)).toMatchObject({ status: 503, code: 'access-log.unavailable' });
        for (const disclosed of [title, 'Anna Aanvrager', 'anna@example.nl', 'Onheus bejegend'])
          expect(text).not.toContain(disclosed);
      }
    } finally {
      await table.createTable();
    }
    const response = await local.call('behandelaar', 'GET', `/cases/${caseId}`);
    expect(response.status).toBe(200);
    expect((await log.listForCase(caseId, { limit: 1 })).records[0]).toMatchObject({ caseId, purpose: 'case' });
  });
});
