import { HttpRequest, InvocationContext, type HttpFunctionOptions, type HttpResponseInit } from '@azure/functions';
import type { FunctionsApp } from '@zaakwerk/functions/hosting';

export interface RegisteredHttpFunction {
  name: string;
  options: HttpFunctionOptions;
  /** Calls the function as the Functions host would, with a real HttpRequest. */
  call(request: {
    method: string;
    url?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  }): Promise<HttpResponseInit>;
}

/** Runs a register(app) function against a recorder and returns its one HTTP function. */
export function registeredHttpFunction(register: (app: FunctionsApp) => void): RegisteredHttpFunction {
  const http: Array<{ name: string; options: HttpFunctionOptions }> = [];
  register({
    http: (name, options) => http.push({ name, options }),
    timer: () => {
      throw new Error('unexpected timer registration');
    },
    storageQueue: () => {
      throw new Error('unexpected queue registration');
    },
  });
  const [only, ...others] = http;
  if (!only || others.length > 0) throw new Error(`expected one HTTP function, got ${http.length}`);
  return {
    ...only,
    async call({ method, url = 'http://localhost:3978/api/messages', body, rawBody, headers = {} }) {
      const text = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      const request = new HttpRequest({
        method,
        url,
        headers: { ...(text !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(text !== undefined ? { body: { string: text } } : {}),
      });
      const result = await only.options.handler(request, new InvocationContext({ functionName: only.name }));
      return result ?? { status: 204 };
    },
  };
}
