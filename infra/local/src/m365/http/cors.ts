import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Open CORS, as Entra ID and Graph answer for discovery, keys, the token endpoint and Graph itself:
 * single-page apps call them with fetch (without cookies), so `*` is both enough and what they expect.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'request-id, client-request-id, Retry-After, Location, ETag');
}

/** Answers a CORS preflight (OPTIONS) by allowing the requested method and headers. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, methods: string): void {
  const requestedHeaders = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': methods,
    'Access-Control-Allow-Headers': requestedHeaders ?? 'Authorization, Content-Type',
    'Access-Control-Max-Age': 86400,
    'Content-Length': 0,
  });
  res.end();
}
