import type { IncomingMessage } from 'node:http';

/** Thrown when a request body exceeds the limit the route allows. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body exceeds ${limitBytes} bytes`);
  }
}

/** Reads the whole body, refusing (early, by Content-Length when given) anything above `limitBytes`. */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume();
    throw new BodyTooLargeError(limitBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      req.resume();
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readForm(req: IncomingMessage, limitBytes = 1024 * 1024): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, limitBytes)).toString('utf8'));
}

/** Parses a JSON body; `undefined` when the body is empty, an error when it is not JSON. */
export async function readJson(req: IncomingMessage, limitBytes = 1024 * 1024): Promise<unknown> {
  const text = (await readBody(req, limitBytes)).toString('utf8');
  if (!text.trim()) return undefined;
  return JSON.parse(text) as unknown;
}

export function contentTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}
