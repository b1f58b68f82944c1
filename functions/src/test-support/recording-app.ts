import { HttpRequest, InvocationContext, type HttpFunctionOptions, type HttpResponseInit } from '@azure/functions';
import type { FunctionsApp } from '../hosting/functions-app';

/** Captures app.http registrations so unit tests can call the real handlers (no host, no network). */
export function recordingApp() {
  const http = new Map<string, HttpFunctionOptions>();
  const app: FunctionsApp = {
    http: (name, options) => void http.set(name, options),
    timer: () => undefined,
    storageQueue: () => undefined,
  };
  const logLines: string[] = [];

  /** Calls the registered handler with a real HttpRequest and InvocationContext from @azure/functions. */
  async function call(name: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
    const registration = http.get(name);
    if (!registration) throw new Error(`no function ${name}`);
    const request = new HttpRequest({
      method: init.method ?? 'GET',
      url: `http://localhost:7071/api/${init.path ?? registration.route ?? name}`,
      headers: init.headers ?? {},
      ...(init.body !== undefined ? { body: { string: init.body } } : {}),
    });
    const context = new InvocationContext({
      invocationId: 'test-invocation',
      functionName: name,
      logHandler: (_level, ...args) => logLines.push(args.map(String).join(' ')),
    });
    const result = (await registration.handler(request, context)) as HttpResponseInit;
    const headers = new Headers(result.headers);
    const text = typeof result.body === 'string' ? result.body : '';
    return { status: result.status ?? 200, headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
  }

  return { app, http, call, logLines };
}
