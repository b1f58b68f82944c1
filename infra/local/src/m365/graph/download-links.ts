import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived, pre-authenticated download URLs, like the SharePoint `download.aspx?tempauth=` links Graph
 * redirects `/content` requests to: anyone holding the URL may read the file until it expires.
 */
export interface DownloadLinks {
  /** A link to the current content, or to one stored version (`version`: its number). */
  create(driveId: string, itemId: string, version?: number): string;
  verify(url: URL): { driveId: string; itemId: string; version?: number } | undefined;
}

export const downloadPath = '/_layouts/15/download.aspx';

export function createDownloadLinks(base: string, lifetimeSeconds = 3600, nowMs: () => number = Date.now): DownloadLinks {
  // A per-process key: links die with the server, which is fine for links that live an hour at most.
  const key = randomBytes(32);
  const sign = (payload: string): string => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    create(driveId, itemId, version) {
      const payload = Buffer.from(
        JSON.stringify({
          d: driveId,
          i: itemId,
          e: Math.floor(nowMs() / 1000) + lifetimeSeconds,
          ...(version === undefined ? {} : { v: version }),
        }),
      ).toString('base64url');
      const url = new URL(downloadPath, base);
      url.searchParams.set('UniqueId', itemId);
      url.searchParams.set('tempauth', `${payload}.${sign(payload)}`);
      return url.toString();
    },
    verify(url) {
      const [payload, signature] = (url.searchParams.get('tempauth') ?? '').split('.');
      if (!payload || !signature) return undefined;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        d: string;
        i: string;
        e: number;
        v?: number;
      };
      if (claims.e * 1000 < nowMs() || claims.i !== url.searchParams.get('UniqueId')) return undefined;
      return { driveId: claims.d, itemId: claims.i, ...(claims.v === undefined ? {} : { version: claims.v }) };
    },
  };
}
