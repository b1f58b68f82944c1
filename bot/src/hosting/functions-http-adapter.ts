import type { HttpHandler, HttpRequest, HttpResponseInit } from '@azure/functions';
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';

/** Bot Framework activities are small; anything this large is not one. */
const maxBodyBytes = 1024 * 1024;

/**
 * The Teams SDK's HTTP seam, served by an Azure Functions HTTP trigger instead of Express: the SDK
 * registers its messaging route here (App.initialize), and `handler` turns each Functions request
 * into the SDK's plain `{ body, headers }` → `{ status, body }` call. No listening socket of our own:
 * the Functions host (Azure, or infra/local's host) owns the port.
 */
export class FunctionsHttpAdapter implements IHttpServerAdapter {
  private readonly routes = new Map<string, HttpRouteHandler>();

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.routes.set(routeKey(method, path), handler);
  }

  /**
   * The Functions handler for the messaging endpoint. `ready` resolves once the SDK has registered
   * its routes; HEAD answers 200 without it, because the Agents Playground probes with HEAD first.
   */
  handler(ready: () => Promise<void>): HttpHandler {
    return async (request: HttpRequest): Promise<HttpResponseInit> => {
      if (request.method === 'HEAD') return { status: 200 };
      if (request.method !== 'POST') return { status: 405, headers: { allow: 'POST, HEAD' } };
      await ready();
      const route = this.routes.get(routeKey('POST', new URL(request.url).pathname));
      if (!route) return { status: 404 };

      const body = await readJson(request);
      if (body.kind === 'too-large') return { status: 413 };
      if (body.kind === 'invalid') return { status: 400, jsonBody: { error: 'The request body is not JSON.' } };
      const response = await route({ body: body.value, headers: headerRecord(request) });
      return response.body === undefined ? { status: response.status } : { status: response.status, jsonBody: response.body };
    };
  }
}

const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/\/+$/, '')}`;

type JsonBody = { kind: 'ok'; value: unknown } | { kind: 'invalid' } | { kind: 'too-large' };

async function readJson(request: HttpRequest): Promise<JsonBody> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) return { kind: 'too-large' };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) return { kind: 'too-large' };
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}

/** Lower-case names, as Node and Express give them; the SDK reads `authorization`. */
function headerRecord(request: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}
