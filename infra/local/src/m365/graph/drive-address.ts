/**
 * A parsed drive item address, as in Graph: `root` or `items/{id}`, optionally followed by a path
 * (`root:/A/b.txt:`), optionally followed by `/children` or `/content`.
 */
export interface DriveAddress {
  base: { kind: 'root' } | { kind: 'item'; id: string };
  /** Decoded path segments below the base (empty when addressing the base itself). */
  path: string[];
  target: 'item' | 'children' | 'content';
}

/** Parses what follows `/drives/{driveId}/` in the raw (still percent-encoded) URL path; undefined if it is no address. */
export function parseDriveAddress(rest: string): DriveAddress | undefined {
  const head = /^(root|items\/([^/:]+))(.*)$/.exec(rest);
  if (!head) return undefined;
  const base: DriveAddress['base'] = head[2] ? { kind: 'item', id: decode(head[2]) ?? '' } : { kind: 'root' };
  let tail = head[3] ?? '';
  let path: string[] = [];
  if (tail.startsWith(':')) {
    // `:/A/B:` then an optional suffix; the closing colon may be left out when nothing follows.
    const closing = tail.indexOf(':', 1);
    const pathText = closing === -1 ? tail.slice(1) : tail.slice(1, closing);
    tail = closing === -1 ? '' : tail.slice(closing + 1);
    const segments = pathText.split('/').filter(Boolean).map(decode);
    if (segments.some((s) => s === undefined)) return undefined;
    path = segments as string[];
  }
  const target =
    tail === '' || tail === '/' ? 'item' : tail === '/children' ? 'children' : tail === '/content' ? 'content' : undefined;
  if (!target) return undefined;
  return { base, path, target };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
