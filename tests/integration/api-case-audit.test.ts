import { casesTableName } from '../../functions/src/adapters/table-storage/case-store.table';
import { casePartitionKey, eventRowKey } from '../../functions/src/adapters/table-storage/case-store-rows';
import { startLocalApi, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;

/** GET /cases/{id}/audit: the audit:verify check through the API, for auditors and records managers. */
describe('the audit endpoint on the local stack', () => {
  let local: LocalApi;
  let caseId = '';

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: {
        caseType: 'omgevingsvergunning',
        title: 'Auditspoor Dorpsstraat 9',
        receivedOn: '2026-03-02',
        parties: [{ role: 'aanvrager', name: 'J. Jansen', email: 'j.jansen@example.nl' }],
        fields: { projectomschrijving: 'Dakkapel', locatie: 'Dorpsstraat 9, Voorbeeld' },
      },
    });
    expect(registered.status).toBe(201);
    caseId = String(((await registered.json()) as Json).id);
    const taken = await local.call('behandelaar', 'POST', `/cases/${caseId}/take`, {
      headers: { 'if-match': registered.headers.get('etag') ?? '' },
    });
    expect(taken.status).toBe(200);
  });
  afterAll(() => local?.stop());

  const audit = async (login: 'archivaris' | 'raadpleger' | 'adviseur') => {
    const response = await local.call(login, 'GET', `/cases/${caseId}/audit`);
    return { status: response.status, body: (await response.json()) as Json };
  };

  it('reports a whole chain to a records manager', async () => {
    expect(await audit('archivaris')).toEqual({ status: 200, body: { caseId, ok: true, count: 2 } });
  });

  it('is refused to a reader (403) and to someone who cannot see the case (404)', async () => {
    expect(await audit('raadpleger')).toMatchObject({ status: 403, body: { code: 'auth.not-allowed' } });
    expect(await audit('adviseur')).toMatchObject({ status: 404, body: { code: 'case.not-found' } });
  });

  it('finds a tampered event and names the first broken link', async () => {
    const cases = local.table(casesTableName);
    const row = await cases.getEntity<Record<string, unknown>>(casePartitionKey(caseId), eventRowKey(1));
    const tampered = String(row.event_0).replace('Auditspoor Dorpsstraat 9', 'Auditspoor Dorpsstraat 10');
    expect(tampered).not.toBe(row.event_0);
    await cases.updateEntity({ partitionKey: casePartitionKey(caseId), rowKey: eventRowKey(1), event_0: tampered }, 'Merge');
    expect(await audit('archivaris')).toMatchObject({ status: 200, body: { caseId, ok: false, brokenAt: 1 } });
  });
});
