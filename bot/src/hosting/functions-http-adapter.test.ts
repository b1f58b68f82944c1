import { HttpRequest } from '@azure/functions';
import type { IHttpServerRequest } from '@microsoft/teams.apps';
import { FunctionsHttpAdapter } from './functions-http-adapter';

const url = 'http://localhost:3978/api/messages';

function request(method: string, body?: string, headers: Record<string, string> = {}): HttpRequest {
  return new HttpRequest({ method, url, headers, ...(body !== undefined ? { body: { string: body } } : {}) });
}

describe('the Functions HTTP adapter of the Teams SDK', () => {
  const ready = () => Promise.resolve();

  it('hands a POST to the route the SDK registered for its path, with body and lower-case headers', async () => {
    const adapter = new FunctionsHttpAdapter();
    const seen: IHttpServerRequest[] = [];
    adapter.registerRoute('POST', '/api/messages', async (req) => {
      seen.push(req);
      return { status: 200, body: { ok: true } };
    });
    const response = await adapter.handler(ready)(
      request('POST', '{"type":"message"}', { Authorization: 'Bearer x' }),
      undefined as never,
    );
    expect(response).toEqual({ status: 200, jsonBody: { ok: true } });
    expect(seen[0]?.body).toEqual({ type: 'message' });
    expect(seen[0]?.headers.authorization).toBe('Bearer x');
  });

  it('answers without a body when the SDK gives none', async () => {
    const adapter = new FunctionsHttpAdapter();
    adapter.registerRoute('POST', '/api/messages', async () => ({ status: 401 }));
    expect(await adapter.handler(ready)(request('POST', '{}'), undefined as never)).toEqual({ status: 401 });
  });

  it('answers HEAD with 200 before the SDK is ready', async () => {
    const adapter = new FunctionsHttpAdapter();
    const never = () => new Promise<void>(() => undefined);
    expect(await adapter.handler(never)(request('HEAD'), undefined as never)).toEqual({ status: 200 });
  });

  it('waits until the SDK has registered its routes', async () => {
    const adapter = new FunctionsHttpAdapter();
    const initialise = async () => adapter.registerRoute('POST', '/api/messages', async () => ({ status: 202 }));
    expect((await adapter.handler(initialise)(request('POST', '{}'), undefined as never)).status).toBe(202);
  });

  it('answers 404 for a path the SDK did not register', async () => {
    const adapter = new FunctionsHttpAdapter();
    adapter.registerRoute('POST', '/api/other', async () => ({ status: 200 }));
    expect((await adapter.handler(ready)(request('POST', '{}'), undefined as never)).status).toBe(404);
  });

  it('answers 400 for a body that is not JSON and 413 for an oversized one', async () => {
    const adapter = new FunctionsHttpAdapter();
    adapter.registerRoute('POST', '/api/messages', async () => ({ status: 200 }));
    const handler = adapter.handler(ready);
    expect((await handler(request('POST', 'nope'), undefined as never)).status).toBe(400);
    expect((await handler(request('POST', `"${'x'.repeat(1024 * 1024)}"`), undefined as never)).status).toBe(413);
  });
});
