import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { parseLocalDate } from '../../functions/src/domain/calendar';
import { computeDeadline, type DeadlineInput } from '../../functions/src/domain/deadlines';
import { startLocalApi, type CallOptions, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;
type Entry = { type: string; summary: { nl: string; en: string } };

/** The shipped files with the omgevingsvergunning made valid from 2025, so the worked example of DUTCH-RULES §1 can be registered. */
function validFrom2025(files: { name: string; text: string }[]): { name: string; text: string }[] {
  return files.map(({ name, text }) => {
    if (name !== 'omgevingsvergunning.yaml') return { name, text };
    const earlier = text.replace("validFrom: '2026-01-01'", "validFrom: '2025-01-01'");
    if (earlier === text) throw new Error('the shipped omgevingsvergunning no longer has validFrom 2026-01-01');
    return { name, text: earlier };
  });
}

/** The engine's final date for the omgevingsvergunning (P8W, norm P6W, max extension P6W) with these inputs. */
const engine = (input: Pick<DeadlineInput, 'suspensions' | 'extensions'>) =>
  computeDeadline({
    receivedOn: parseLocalDate('2025-03-03'),
    legalTerm: 'P8W',
    serviceNorm: 'P6W',
    maxExtension: 'P6W',
    ...input,
  });

/**
 * Suspend, resume and extend an omgevingsvergunning through HTTP on the local stack: the API shows the
 * same dates as the deadline engine, refuses an extension beyond the maximum and tells the timeline.
 */
describe('deadlines of a case through HTTP on the local stack', () => {
  let local: LocalApi;
  let caseId = '';
  let etag = '';

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: validFrom2025 });
  });
  afterAll(() => local?.stop());

  const call = (method: string, path: string, options: CallOptions = {}) => local.call('behandelaar', method, path, options);
  const jsonOf = async (response: Response) => (await response.json()) as Json;
  const change = async (path: string, json: unknown) => {
    const response = await call('POST', `/cases/${caseId}${path}`, { json, headers: { 'if-match': etag } });
    if (response.status === 200) etag = response.headers.get('etag') ?? '';
    return response;
  };
  const stores = () => local.caseStores();
  const received = '2025-03-03';
  const suspension = { from: parseLocalDate('2025-03-10'), until: parseLocalDate('2025-03-20'), term: 'P2W' };

  it('registers an omgevingsvergunning received 3 March 2025 with the engine final date 28 April', async () => {
    const registered = await call('POST', '/cases', {
      json: {
        caseType: 'omgevingsvergunning',
        title: 'Dakkapel Dorpsstraat 3',
        receivedOn: received,
        parties: [{ role: 'aanvrager', name: 'J. Jansen' }],
        fields: { projectomschrijving: 'Dakkapel op het achterdakvlak', bouwkosten: 12000 },
      },
    });
    expect(registered.status).toBe(201);
    const body = await jsonOf(registered);
    caseId = String(body.id);
    etag = registered.headers.get('etag') ?? '';
    expect(body.deadline).toEqual({
      final: engine({}).final,
      planned: engine({}).planned,
      suspendedDays: 0,
      lexSilencio: false,
      // Read today, long after 28 April 2025: the omgevingsvergunning's Awb 4:17 penalty has run its
      // 42 days from 29 April (14 × €23 + 14 × €35 + 14 × €45).
      dwangsom: { days: 42, amountCents: 144_200, capped: true, firstDay: '2025-04-29' },
    });
    expect(engine({}).final).toBe('2025-04-28');
  });

  it('requires If-Match to suspend', async () => {
    const response = await call('POST', `/cases/${caseId}/suspend`, {
      json: { on: '2025-03-10', reason: 'wacht op aanvulling', term: 'P2W' },
    });
    expect(response.status).toBe(428);
  });

  it('suspends on 10 March: GET shows status suspended and no final date', async () => {
    const suspended = await change('/suspend', { on: '2025-03-10', reason: 'wacht op aanvulling', term: 'P2W' });
    expect(suspended.status).toBe(200);
    const read = await jsonOf(await call('GET', `/cases/${caseId}`));
    expect(read).toMatchObject({
      status: 'suspended',
      deadline: { final: null },
      suspensions: [{ from: '2025-03-10', until: null, reason: 'wacht op aanvulling', term: 'P2W' }],
    });
    expect(read.deadline).toMatchObject({ suspendedDays: expect.any(Number) as number });
  });

  it('refuses a second suspension with 409 case.already-suspended', async () => {
    const refused = await change('/suspend', { on: '2025-03-12', reason: 'nog meer', term: 'P2W' });
    expect(refused.status).toBe(409);
    expect((await jsonOf(refused)).code).toBe('case.already-suspended');
  });

  it('resumes on 20 March: 9 days suspended, final 7 May as the engine computes', async () => {
    const resumed = await change('/resume', { on: '2025-03-20' });
    expect(resumed.status).toBe(200);
    const expected = engine({ suspensions: [suspension] });
    expect(expected.final).toBe('2025-05-07');
    const read = await jsonOf(await call('GET', `/cases/${caseId}`));
    expect(read).toMatchObject({
      status: 'open',
      deadline: { final: expected.final, planned: expected.planned, suspendedDays: 9 },
    });
  });

  it('extends by P6W to the final date the engine computes', async () => {
    const extended = await change('/extend', { duration: 'P6W', reason: 'advies welstand' });
    expect(extended.status).toBe(200);
    const expected = engine({ suspensions: [suspension], extensions: [{ duration: 'P6W' }] });
    expect(await jsonOf(extended)).toMatchObject({
      deadline: { final: expected.final, planned: expected.planned, suspendedDays: 9 },
      extensions: [{ duration: 'P6W', reason: 'advies welstand' }],
    });
  });

  it('refuses an extension beyond the maximum with 422 and writes nothing', async () => {
    const before = (await stores().eventLog.allEvents(caseId)).length;
    const refused = await change('/extend', { duration: 'P1D', reason: 'te veel' });
    expect(refused.status).toBe(422);
    expect((await jsonOf(refused)).code).toBe('deadline.extension-exceeds-maximum');
    expect((await stores().eventLog.allEvents(caseId)).length).toBe(before);
  });

  it('tells the moved dates on the timeline in Dutch and English', async () => {
    const page = await jsonOf(await call('GET', `/cases/${caseId}/timeline`));
    const entries = page.items as Entry[];
    expect(entries.map((entry) => entry.type).slice(0, 3)).toEqual(['case.extended', 'case.resumed', 'case.suspended']);
    expect(entries[1]?.summary).toEqual({
      nl: 'Uiterste datum verschoven van 28 april naar 7 mei: 9 dagen opgeschort (wacht op aanvulling)',
      en: 'Deadline moved from 28 April to 7 May: 9 days suspended (wacht op aanvulling)',
    });
    expect(entries[0]?.summary.nl).toBe('Uiterste datum verschoven van 7 mei naar 18 juni: verlengd met P6W (advies welstand)');
  });

  it('keeps a hash chain that verifies over every change', async () => {
    const count = (await stores().eventLog.allEvents(caseId)).length;
    expect(count).toBe(4);
    expect(await verifyCaseChain(stores(), caseId)).toEqual({ caseId, ok: true, count });
  });
});
