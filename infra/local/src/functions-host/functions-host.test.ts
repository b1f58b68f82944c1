import { HttpResponse, type InvocationContext, type Timer } from '@azure/functions';
import type { FunctionsApp } from '@zaakwerk/functions/hosting';
import { startFunctionsHost, type RunningFunctionsHost } from './index';

/** A stand-in app, registered exactly as a real app registers in Azure. */
function registerTestApp(app: FunctionsApp, seen: { timers: { timer: Timer; context: InvocationContext }[] }) {
  app.http('getCase', {
    methods: ['GET', 'HEAD'],
    route: 'v1/cases/{id}',
    handler: async (request, context) => ({
      status: 200,
      jsonBody: {
        id: request.params.id,
        q: request.query.get('q'),
        many: request.query.getAll('tag'),
        fn: context.functionName,
        url: request.url,
      },
      headers: { 'x-custom': 'yes' },
    }),
  });
  app.http('mineCases', {
    methods: ['GET'],
    route: 'v1/cases/mine',
    handler: async () => ({ body: 'the literal route wins' }),
  });
  app.http('intOnly', {
    methods: ['GET'],
    route: 'v1/numbers/{n:int}',
    handler: async (request) => ({ jsonBody: { n: Number(request.params.n) } }),
  });
  app.http('echo', {
    methods: ['POST', 'PUT'],
    route: 'v1/echo',
    handler: async (request) =>
      new HttpResponse({
        status: 201,
        headers: { 'content-type': request.headers.get('content-type') ?? 'text/plain', location: '/api/v1/echo/1' },
        body: await request.text(),
        cookies: [{ name: 'session', value: 'a b', httpOnly: true, path: '/' }],
      }),
  });
  app.http('defaults', { handler: async (request) => ({ body: `${request.method} via default route` }) });
  app.http('throws', {
    methods: ['GET'],
    route: 'v1/throws',
    handler: async () => {
      throw new Error('kaboom internal detail');
    },
  });
  app.http('slow', {
    methods: ['GET'],
    route: 'v1/slow',
    handler: async () => {
      await new Promise((r) => setTimeout(r, 300));
      return { body: 'finished' };
    },
  });
  app.http('noContent', { methods: ['DELETE'], route: 'v1/things/{id}', handler: async () => undefined as never });
  app.timer('cleanup', {
    schedule: '0 0 3 * * *',
    handler: async (timer, context) => {
      seen.timers.push({ timer, context });
    },
  });
  app.timer('failingTimer', {
    schedule: '0 0 4 * * *',
    handler: async () => {
      throw new Error('timer failed');
    },
  });
}

describe('the local Functions host', () => {
  let host: RunningFunctionsHost;
  const logLines: string[] = [];
  const seen = { timers: [] as { timer: Timer; context: InvocationContext }[] };

  beforeAll(async () => {
    host = await startFunctionsHost({
      name: 'test',
      port: 0,
      register: (app) => registerTestApp(app, seen),
      log: (line) => logLines.push(line),
    });
  });
  afterAll(async () => {
    await host.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${host.url}${path}`, init);

  it('lists what the app registered', () => {
    expect(host.functions).toEqual(
      expect.arrayContaining([
        { name: 'getCase', kind: 'http' },
        { name: 'cleanup', kind: 'timer' },
      ]),
    );
    expect(host.port).toBeGreaterThan(0);
  });

  it('routes by template under /api with params, query (repeated keys too) and a real HttpRequest', async () => {
    const response = await get('/api/v1/cases/ZAAK-1?q=dak&tag=a&tag=b');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-custom')).toBe('yes');
    expect(await response.json()).toEqual({
      id: 'ZAAK-1',
      q: 'dak',
      many: ['a', 'b'],
      fn: 'getCase',
      url: `${host.url}/api/v1/cases/ZAAK-1?q=dak&tag=a&tag=b`,
    });
  });

  it('prefers the literal route over the parameter route', async () => {
    expect(await (await get('/api/v1/cases/mine')).text()).toBe('the literal route wins');
  });

  it('applies int constraints', async () => {
    expect(await (await get('/api/v1/numbers/12')).json()).toEqual({ n: 12 });
    expect((await get('/api/v1/numbers/twelve')).status).toBe(404);
  });

  it('passes the body through and returns status, headers and cookies of an HttpResponse', async () => {
    const response = await get('/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/v1/echo/1');
    expect(response.headers.getSetCookie()).toEqual(['session=a%20b; Path=/; HttpOnly']);
    expect(await response.text()).toBe('{"a":1}');
  });

  it('uses the function name as route and GET, POST as methods when none are given', async () => {
    expect(await (await get('/api/defaults', { method: 'POST', body: 'x' })).text()).toBe('POST via default route');
    expect((await get('/api/defaults', { method: 'DELETE' })).status).toBe(404);
  });

  it('lets HEAD reach handlers that declare it, without a body', async () => {
    const response = await get('/api/v1/cases/7', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 204 when a handler returns nothing', async () => {
    expect((await get('/api/v1/things/1', { method: 'DELETE' })).status).toBe(204);
  });

  it('answers unknown routes and paths outside the route prefix with a JSON 404 problem', async () => {
    for (const path of ['/api/v1/nothing-here', '/v1/cases/1', '/']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, code: 'host.not-found' });
    }
  });

  it('answers a throwing handler with a 500 without the stack, and logs the stack', async () => {
    const response = await get('/api/v1/throws');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('kaboom');
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'host.function-failed' });
    expect(
      logLines.some((line) => line.includes('[throws]') && line.includes('kaboom internal detail') && line.includes('at ')),
    ).toBe(true);
  });

  it('runs a timer on demand with a Timer object and an InvocationContext', async () => {
    await host.runTimer('cleanup');
    const run = seen.timers.at(-1);
    expect(run?.timer).toMatchObject({
      isPastDue: false,
      scheduleStatus: { last: expect.any(String), next: expect.any(String), lastUpdated: expect.any(String) },
    });
    expect(new Date(run?.timer.scheduleStatus.next ?? '').getUTCHours()).toBe(3);
    expect(run?.context.functionName).toBe('cleanup');
    expect(run?.context.invocationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects runTimer when the timer fails or does not exist', async () => {
    await expect(host.runTimer('failingTimer')).rejects.toThrow('timer failed');
    await expect(host.runTimer('nope')).rejects.toThrow(/no timer function named "nope"/);
  });
});

describe('starting and stopping the host', () => {
  it('fires a timer on its six-field schedule', async () => {
    let runs = 0;
    const host = await startFunctionsHost({
      name: 'timers',
      port: 0,
      log: () => undefined,
      register: (app) => app.timer('everySecond', { schedule: '* * * * * *', handler: async () => void runs++ }),
    });
    await new Promise((r) => setTimeout(r, 2200));
    await host.close();
    const afterClose = runs;
    expect(afterClose).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toBe(afterClose);
  });

  it('runs a runOnStartup timer once at start', async () => {
    let runs = 0;
    const host = await startFunctionsHost({
      name: 'startup',
      port: 0,
      log: () => undefined,
      register: (app) => app.timer('atStart', { schedule: '0 0 0 1 1 *', runOnStartup: true, handler: async () => void runs++ }),
    });
    await host.close();
    expect(runs).toBe(1);
  });

  it.each([
    ['five fields', '0 */15 * * *', /six fields/],
    ['garbage', '61 * * * * *', /is invalid/],
    ['an unset %setting%', '%CleanupSchedule%', /"CleanupSchedule" is not set/],
  ])('refuses to start with a timer schedule of %s', async (_what, schedule, message) => {
    await expect(
      startFunctionsHost({
        name: 'bad',
        port: 0,
        log: () => undefined,
        register: (app) => app.timer('t', { schedule, handler: async () => undefined }),
      }),
    ).rejects.toThrow(message);
  });

  it('resolves a %setting% schedule from env', async () => {
    const host = await startFunctionsHost({
      name: 'setting',
      port: 0,
      log: () => undefined,
      env: { CleanupSchedule: '0 30 2 * * *' },
      register: (app) => app.timer('t', { schedule: '%CleanupSchedule%', handler: async () => undefined }),
    });
    await host.close();
  });

  it('refuses to start a queue trigger whose connection setting is missing, naming it', async () => {
    await expect(
      startFunctionsHost({
        name: 'queues',
        port: 0,
        log: () => undefined,
        register: (app) =>
          app.storageQueue('q', { queueName: 'work', connection: 'ZaakwerkQueues', handler: async () => undefined }),
      }),
    ).rejects.toThrow(/connection setting "ZaakwerkQueues" is not set/);
  });

  it('refuses two functions with the same name', async () => {
    await expect(
      startFunctionsHost({
        name: 'dupes',
        port: 0,
        log: () => undefined,
        register: (app) => {
          app.http('same', { handler: async () => ({}) });
          app.http('same', { handler: async () => ({}) });
        },
      }),
    ).rejects.toThrow(/already registered/);
  });

  it('waits for running requests when it closes', async () => {
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const host = await startFunctionsHost({
      name: 'close',
      port: 0,
      log: () => undefined,
      register: (app) =>
        app.http('slow', {
          methods: ['GET'],
          route: 'slow',
          handler: async () => {
            started();
            await new Promise((r) => setTimeout(r, 300));
            return { body: 'finished' };
          },
        }),
    });
    const pending = fetch(`${host.url}/api/slow`);
    await handlerStarted;
    await host.close();
    const response = await pending;
    expect(await response.text()).toBe('finished');
  });

  it('leaves out a function disabled by AzureWebJobs.<name>.Disabled, as Azure does', async () => {
    const lines: string[] = [];
    let ran = 0;
    const host = await startFunctionsHost({
      name: 'disabled',
      port: 0,
      log: (line) => lines.push(line),
      // A disabled queue trigger is not started, so its missing connection does not stop the host either.
      env: { 'AzureWebJobs.off.Disabled': 'true', 'AzureWebJobs.queue.Disabled': 'True', 'AzureWebJobs.on.Disabled': 'false' },
      register: (app) => {
        app.http('off', { methods: ['GET'], route: 'off', handler: async () => ({ body: 'should not run' }) });
        app.http('on', { methods: ['GET'], route: 'on', handler: async () => ({ body: 'on' }) });
        app.timer('tick', { schedule: '0 0 3 * * *', handler: async () => void ran++ });
        app.storageQueue('queue', { queueName: 'work', connection: 'NotSet', handler: async () => void ran++ });
      },
    });
    try {
      expect((await fetch(`${host.url}/api/off`)).status).toBe(404);
      expect(await (await fetch(`${host.url}/api/on`)).text()).toBe('on');
      expect(host.functions).toEqual([
        { name: 'off', kind: 'http', disabled: true },
        { name: 'on', kind: 'http' },
        { name: 'tick', kind: 'timer' },
        { name: 'queue', kind: 'storageQueue', disabled: true },
      ]);
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/function queue is disabled/)]));
      await host.runTimer('tick');
      expect(ran).toBe(1);
    } finally {
      await host.close();
    }
  });

  it('serves under a custom route prefix', async () => {
    const host = await startFunctionsHost({
      name: 'prefix',
      port: 0,
      routePrefix: '',
      log: () => undefined,
      register: (app) =>
        app.http('messages', { methods: ['POST'], route: 'api/messages', handler: async () => ({ status: 202 }) }),
    });
    try {
      expect((await fetch(`${host.url}/api/messages`, { method: 'POST', body: '{}' })).status).toBe(202);
    } finally {
      await host.close();
    }
  });
});
