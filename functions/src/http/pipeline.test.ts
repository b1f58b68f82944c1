import { loadApiConfig } from '../config';
import type { DependencyHealth } from '../contract/health';
import type { Principal } from '../domain/principal';
import type { CaseQueueReader, QueueRow } from '../ports/case-queues';
import { register } from '../register';
import { recordingApp } from '../test-support/recording-app';
import type { TokenValidator } from '../adapters/identity/token-validator';
import { inMemoryCaseTypes } from '../test-support/in-memory-case-types';

const oid = 'b0000001-5a1e-4d2c-9f00-000000000001';
/** Accepts the literal token "good" as a user; the real validator has its own tests. */
const stubValidator: TokenValidator = {
  validate: async (token): Promise<Principal> => {
    if (token !== 'good') throw new Error('unexpected token in this test');
    return {
      kind: 'user',
      oid,
      tid: 't',
      name: 'Sanne de Vries',
      upn: 'behandelaar@zaakwerk.test',
      email: null,
      roles: [],
      groups: [],
    };
  },
};
const up: DependencyHealth = { status: 'up', latencyMs: 3 };
const down: DependencyHealth = { status: 'down', latencyMs: 2000, detail: 'connection refused' };
const probe = (health: DependencyHealth) => ({ check: async () => health });

const entry = (caseId: string, finalDeadline: string | null): QueueRow => ({
  caseId,
  number: `ZAAK-2026-${caseId}`,
  title: `Zaak ${caseId}`,
  caseTypeKey: 'klacht',
  caseTypeName: 'Klacht',
  status: 'open',
  phaseKey: 'intake',
  phaseName: 'Intake',
  finalDeadline,
  receivedOn: '2026-01-05',
  assigneeId: oid,
  assigneeName: 'Sanne de Vries',
  confidentiality: 'intern',
  atRiskFrom: null,
  updatedAt: '2026-01-06T09:00:00.000Z',
});

/** The work-queue reader with `list` replaced. */
const queues = (list: CaseQueueReader['list']): CaseQueueReader => ({
  list,
  count: async () => ({ total: 0, atRisk: 0, overdue: 0 }),
});

function api(options: { storage?: DependencyHealth; graph?: DependencyHealth; caseQueues?: CaseQueueReader } = {}) {
  const recorded = recordingApp();
  register(recorded.app, {
    config: loadApiConfig({ ZAAKWERK_LOG_LEVEL: 'debug' }),
    tokenValidator: stubValidator,
    healthProbes: { storage: probe(options.storage ?? up), identity: probe(up), graph: probe(options.graph ?? up) },
    caseQueues: options.caseQueues ?? queues(async () => ({ rows: [], nextCursor: null })),
    caseTypes: inMemoryCaseTypes(),
  });
  return recorded;
}
const auth = { authorization: 'Bearer good' };

describe('GET /api/v1/health', () => {
  it('answers 200 ok with every dependency when all are up', async () => {
    const response = await api().call('health', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json()).toEqual({
      status: 'ok',
      version: expect.any(String),
      dependencies: { storage: up, identity: up, graph: up },
    });
  });

  it('answers 503 down with the same shape when storage is down', async () => {
    const response = await api({ storage: down }).call('health', {});
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ status: 'down', dependencies: { storage: down } });
  });

  it('answers 503 degraded when only Graph is down', async () => {
    const response = await api({ graph: down }).call('health', {});
    expect(response.status).toBe(503);
    expect(response.json()).toMatchObject({ status: 'degraded' });
  });
});

describe('the request pipeline', () => {
  it('echoes a sane x-correlation-id and sets security headers', async () => {
    const response = await api().call('health', { headers: { 'x-correlation-id': 'abc-123' } });
    expect(response.headers.get('x-correlation-id')).toBe('abc-123');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('takes the trace id from traceparent when there is no correlation id', async () => {
    const response = await api().call('health', {
      headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    });
    expect(response.headers.get('x-correlation-id')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('generates a correlation id when the given one is unsafe', async () => {
    const response = await api().call('health', { headers: { 'x-correlation-id': 'bad id <script>' } });
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unexpected error with a 500 problem without internals and logs it with the correlation id', async () => {
    const recorded = api({ caseQueues: queues(async () => Promise.reject(new TypeError('secret internals'))) });
    const response = await recorded.call('listCases', {
      path: 'v1/cases?queue=mine',
      headers: { ...auth, 'x-correlation-id': 'corr-500' },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.text).not.toContain('secret internals');
    expect(response.json()).toMatchObject({ code: 'server.unexpected-error' });
    const errorLine = recorded.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'unexpected error');
    expect(errorLine).toMatchObject({ level: 'error', correlationId: 'corr-500', error: { message: 'secret internals' } });
  });

  it('never logs the bearer token', async () => {
    const recorded = api();
    await recorded.call('me', { headers: auth });
    expect(recorded.logLines.join('\n')).not.toContain('Bearer good');
    expect(recorded.logLines.length).toBeGreaterThan(0);
  });

  it('answers CORS for an allowed origin on actual responses', async () => {
    const response = await api().call('health', { headers: { origin: 'http://localhost:53000' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:53000');
  });

  it('answers a preflight from an allowed origin with 204 and the allowed methods and headers', async () => {
    const response = await api().call('preflight', {
      method: 'OPTIONS',
      path: 'v1/me',
      headers: {
        origin: 'http://localhost:53000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:53000');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('refuses a preflight from a foreign origin with a 403 problem', async () => {
    const response = await api().call('preflight', {
      method: 'OPTIONS',
      path: 'v1/me',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ code: 'cors.origin-not-allowed' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown /api/v1 routes with a 404 problem', async () => {
    const response = await api().call('notFound', { path: 'v1/nope' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'route.not-found', status: 404 });
  });
});

describe('GET /api/v1/cases', () => {
  it('returns the caller’s queue as case summaries with the next cursor', async () => {
    const calls: unknown[] = [];
    const caseQueues = queues(async (partitions, _filter, page) => {
      calls.push({ partitions, page });
      return { rows: [entry('000001', '2026-02-01'), entry('000002', null)], nextCursor: 'next-page' };
    });
    const response = await api({ caseQueues }).call('listCases', {
      path: 'v1/cases?queue=mine&limit=2&cursor=abc',
      headers: auth,
    });
    expect(response.status).toBe(200);
    expect(calls).toEqual([{ partitions: [`assignee:${oid}`], page: { limit: 2, cursor: 'abc' } }]);
    expect(response.json()).toEqual({
      items: [
        {
          id: '000001',
          number: 'ZAAK-2026-000001',
          title: 'Zaak 000001',
          caseType: { key: 'klacht', name: 'Klacht' },
          status: 'open',
          phase: { key: 'intake', name: 'Intake' },
          deadline: { final: '2026-02-01', atRisk: false, overdue: true },
          receivedOn: '2026-01-05',
          updatedAt: '2026-01-06T09:00:00.000Z',
          assignee: { id: oid, name: 'Sanne de Vries' },
          confidentiality: 'intern',
        },
        expect.objectContaining({ id: '000002', deadline: { final: null, atRisk: false, overdue: false } }),
      ],
      nextCursor: 'next-page',
    });
  });

  it('defaults the limit to 50', async () => {
    let limit = 0;
    const caseQueues = queues(async (_p, _f, page) => ((limit = page.limit), { rows: [], nextCursor: null }));
    await api({ caseQueues }).call('listCases', { path: 'v1/cases?queue=mine', headers: auth });
    expect(limit).toBe(50);
  });

  it('answers 400 listing every invalid parameter, including the allowed queues', async () => {
    const response = await api().call('listCases', { path: 'v1/cases?queue=others&limit=500', headers: auth });
    expect(response.status).toBe(400);
    const body = response.json() as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe('request.invalid');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['query.limit', 'query.queue']);
    expect(body.errors.find((e) => e.path === 'query.queue')?.message).toContain('mine');
  });

  it('requires a token', async () => {
    const response = await api().call('listCases', { path: 'v1/cases?queue=mine' });
    expect(response.status).toBe(401);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves the OpenAPI 3.1 document without a token', async () => {
    const response = await api().call('openapi', {});
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ openapi: '3.1.0', paths: expect.objectContaining({ '/v1/me': expect.anything() }) });
  });
});
