import { randomUUID } from 'node:crypto';

const safeId = /^[A-Za-z0-9._:-]{1,128}$/;
const traceparent = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The id that ties a request's log lines together and that callers quote in support questions:
 * the caller's `x-correlation-id` when it is sane, else the W3C trace id, else a new one.
 */
export function correlationIdFrom(headers: Headers): string {
  const given = headers.get('x-correlation-id')?.trim();
  if (given && safeId.test(given)) return given;
  const trace = traceparent.exec(headers.get('traceparent')?.trim().toLowerCase() ?? '');
  if (trace?.[1] && !/^0+$/.test(trace[1])) return trace[1];
  return randomUUID();
}
