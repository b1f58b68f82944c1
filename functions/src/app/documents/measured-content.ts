import { createHash } from 'node:crypto';
import { AppError, invalidInput } from '../errors';

/** What passed through a measured stream, known once it ended. */
export interface Measurement {
  sha256: () => string;
  bytes: () => number;
}

export const documentTooLarge = (maxBytes: number) =>
  new AppError('payload-too-large', 'document.too-large', `The file is larger than the limit of ${maxBytes} bytes.`);

/**
 * Passes the bytes on while hashing them (SHA-256) and holding them to the declared length: more than
 * declared or than `maxBytes` stops with 413/400, fewer with 400, so a file is never stored short.
 */
export function measured(
  source: AsyncIterable<Uint8Array>,
  declared: number,
  maxBytes: number,
): { content: AsyncIterable<Uint8Array>; measurement: Measurement } {
  const hash = createHash('sha256');
  let count = 0;
  let digest: string | undefined;
  async function* content(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      count += chunk.byteLength;
      if (count > maxBytes) throw documentTooLarge(maxBytes);
      if (count > declared) throw lengthMismatch(declared);
      hash.update(chunk);
      yield chunk;
    }
    if (count !== declared) throw lengthMismatch(declared);
    digest = hash.digest('hex');
  }
  return {
    content: content(),
    measurement: {
      sha256: () => {
        if (digest === undefined) throw new Error('the content has not been read to its end');
        return digest;
      },
      bytes: () => count,
    },
  };
}

const lengthMismatch = (declared: number) =>
  invalidInput([
    {
      path: 'headers.content-length',
      code: 'document.length-mismatch',
      message: `The body is not the declared ${declared} bytes.`,
    },
  ]);

/** SHA-256 of a whole stream (e.g. a version read back from SharePoint). */
export async function sha256Of(source: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}
