import { demoTenant } from '../../../infra/local/src/m365/demo-tenant';
import type { CallOptions, LocalApi, Login } from './local-api';

export type Json = Record<string, unknown>;
export type Entry = { type: string; summary: { nl: string; en: string } };
export type Problem = { status: number; code: string; errors: { path: string; code: string }[] };

export const persona = (login: string) => {
  const found = demoTenant.personas.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return found;
};

export const jsonOf = async (response: Response) => (await response.json()) as Json;

export const problemOf = async (response: Response): Promise<Problem> => ({
  status: response.status,
  ...((await response.json()) as Omit<Problem, 'status'>),
});

/**
 * Steps on subsidieaanvraag cases through the API, as the task, link and archive tests take them: each
 * change goes with the case's last known ETag as If-Match. `local` is read when a step runs (the API
 * starts in the test file's beforeAll).
 */
export function caseSteps(local: () => LocalApi) {
  const etags = new Map<string, string>();
  /** Calls as `login` on a case, with its last known ETag as If-Match; remembers the new ETag. */
  const act = async (login: Login, caseId: string, method: string, path: string, json?: unknown) => {
    const options: CallOptions = { headers: { 'if-match': etags.get(caseId) ?? '' }, ...(json === undefined ? {} : { json }) };
    const response = await local().call(login, method, path, options);
    if (response.ok) etags.set(caseId, response.headers.get('etag') ?? '');
    return response;
  };
  const register = async (title: string, fields: Json, receivedOn = '2026-02-02') => {
    const response = await local().call('behandelaar', 'POST', '/cases', {
      json: {
        caseType: 'subsidieaanvraag',
        title,
        receivedOn,
        parties: [{ role: 'aanvrager', name: 'Stichting Cultuur' }],
        fields,
      },
    });
    expect(response.status).toBe(201);
    const id = String((await jsonOf(response)).id);
    etags.set(id, response.headers.get('etag') ?? '');
    expect((await act('behandelaar', id, 'POST', `/cases/${id}/take`)).status).toBe(200);
    return id;
  };
  const tick = async (caseId: string, phase: string, item: string) =>
    expect((await act('behandelaar', caseId, 'POST', `/cases/${caseId}/checklist`, { phase, item, done: true })).status).toBe(
      200,
    );
  const timeline = async (caseId: string) =>
    (await jsonOf(await local().call('behandelaar', 'GET', `/cases/${caseId}/timeline?limit=200`))).items as Entry[];
  return { etags, act, register, tick, timeline };
}
