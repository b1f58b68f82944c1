import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { HttpRequest, HttpResponse, type Cookie, type HttpFunctionOptions, type HttpResponseInit } from '@azure/functions';
import { invocationContext, type HostLog, type InvocationTracker } from './invocations';
import { comparePrecedence, compileRouteTemplate, type RouteTemplate } from './route-template';

export interface HttpRoute {
  name: string;
  methods: string[];
  template: RouteTemplate;
  options: HttpFunctionOptions;
}

/** Azure's limit for HTTP request bodies. */
const maxBodyBytes = 100 * 1024 * 1024;

export function httpRoute(name: string, options: HttpFunctionOptions): HttpRoute {
  return {
    name,
    // The Functions default when a trigger names no methods.
    methods: (options.methods ?? ['GET', 'POST']).map((m) => m.toUpperCase()),
    template: compileRouteTemplate(options.route ?? name),
    options,
  };
}

/**
 * A node:http server that serves HTTP-triggered functions like the Functions host: routes under
 * `/<routePrefix>/`, the most specific template first, real HttpRequest / InvocationContext objects.
 */
export function createHttpServer(
  routes: HttpRoute[],
  opts: { routePrefix: string; log: HostLog; tracker: InvocationTracker },
): Server {
  const sorted = [...routes].sort((a, b) => comparePrecedence(a.template, b.template));
  const prefix = opts.routePrefix.replace(/^\/+|\/+$/g, '');
  return createServer((req, res) => {
    // Tracked until the response is flushed, so close() can let it finish before dropping connections.
    void opts.tracker.track(serve(req, res, sorted, prefix, opts.log).then(() => responseFlushed(res)));
  });
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  routes: HttpRoute[],
  prefix: string,
  log: HostLog,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  try {
    const routePath = stripPrefix(url.pathname, prefix);
    const found = routePath === null ? undefined : findRoute(routes, method, routePath);
    if (!found) {
      await drain(req);
      return sendProblem(res, 404, 'host.not-found', `No function answers ${method} ${url.pathname}.`);
    }
    const body = await readBody(req);
    if (body === null) return sendProblem(res, 413, 'host.too-large', 'The request body is too large.');
    const headers = requestHeaders(req);
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers,
      params: found.params,
      ...(body.length > 0 ? { body: { bytes: body } } : {}),
    });
    const context = invocationContext(found.route.name, log, {
      triggerMetadata: { headers, query: Object.fromEntries(url.searchParams), params: found.params, ...found.params },
      traceContext: { traceParent: headers.traceparent, traceState: headers.tracestate, attributes: {} },
      options: { trigger: { type: 'httpTrigger', name: 'httpTrigger', ...found.route.options } },
    });
    let result: unknown;
    try {
      result = await found.route.options.handler(request, context);
    } catch (error) {
      log(`[${found.route.name}] error: unhandled ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return sendProblem(res, 500, 'host.function-failed', 'The function failed.');
    }
    await sendResult(res, method, result);
  } catch (error) {
    log(
      `host error serving ${method} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (!res.headersSent) sendProblem(res, 500, 'host.error', 'The local Functions host failed.');
    else res.destroy();
  }
}

const responseFlushed = (res: ServerResponse): Promise<void> =>
  res.writableFinished || res.destroyed ? Promise.resolve() : finished(res).catch(() => undefined);

function stripPrefix(pathname: string, prefix: string): string | null {
  if (prefix === '') return pathname;
  const lower = pathname.toLowerCase();
  const start = `/${prefix.toLowerCase()}`;
  if (lower === start) return '';
  return lower.startsWith(`${start}/`) ? pathname.slice(start.length) : null;
}

function findRoute(
  routes: HttpRoute[],
  method: string,
  path: string,
): { route: HttpRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (!route.methods.includes(method)) continue;
    const params = route.template.match(path);
    if (params) return { route, params };
  }
  return undefined;
}

function requestHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!values || name.startsWith(':')) continue;
    headers[name] = values.join(name === 'cookie' ? '; ' : ', ');
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) {
    // discard
  }
}

/** Converts what a handler returns (HttpResponseInit or HttpResponse) exactly as @azure/functions does. */
async function sendResult(res: ServerResponse, method: string, result: unknown): Promise<void> {
  const response =
    result instanceof HttpResponse
      ? result
      : new HttpResponse(result === undefined || result === null ? { status: 204 } : (result as HttpResponseInit));
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
  const setCookies = [...response.headers.getSetCookie(), ...response.cookies.map(serializeCookie)];
  if (setCookies.length > 0) res.setHeader('set-cookie', setCookies);
  if (!res.hasHeader('content-length') && response.status !== 204 && response.status !== 304)
    res.setHeader('content-length', body.length);
  res.end(method === 'HEAD' ? undefined : body);
}

function serializeCookie(cookie: Cookie): string {
  const parts = [`${cookie.name}=${encodeURIComponent(cookie.value)}`];
  if (cookie.domain) parts.push(`Domain=${cookie.domain}`);
  if (cookie.path) parts.push(`Path=${cookie.path}`);
  if (cookie.expires !== undefined) parts.push(`Expires=${new Date(cookie.expires).toUTCString()}`);
  if (cookie.maxAge !== undefined) parts.push(`Max-Age=${cookie.maxAge}`);
  if (cookie.secure) parts.push('Secure');
  if (cookie.httpOnly) parts.push('HttpOnly');
  if (cookie.sameSite) parts.push(`SameSite=${cookie.sameSite}`);
  return parts.join('; ');
}

function sendProblem(res: ServerResponse, status: number, code: string, detail: string): void {
  const title = status === 404 ? 'Not found' : status === 413 ? 'Payload too large' : 'Internal error';
  const body = JSON.stringify({ type: `urn:zaakwerk:problem:${code}`, title, status, detail, code });
  res.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
