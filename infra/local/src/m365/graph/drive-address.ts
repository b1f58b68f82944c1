/**
 * A parsed drive item address, as in Graph: `root` or `items/{id}`, optionally followed by a path
 * (`root:/A/b.txt:`), optionally followed by `/children`, `/content`,
 * `/createUploadSession`, `/versions[/{id}[/content|/restoreVersion]]`, `/listItem[/fields]`, `/checkout` or `/checkin`.
 */
export interface DriveAddress {
  base: { kind: 'root' } | { kind: 'item'; id: string };
  /** Decoded path segments below the base (empty when addressing the base itself). */
  path: string[];
  target: DriveTarget;
  /** For the version targets: the version id (`1.0`, `2.0`, …). */
  versionId?: string;
  /** For `permission`: the permission id. */
  permissionId?: string;
}

export type DriveTarget =
  | 'item'
  | 'children'
  | 'content'
  | 'createUploadSession'
  | 'versions'
  | 'version'
  | 'versionContent'
  | 'restoreVersion'
  | 'listItem'
  | 'listItemFields'
  | 'checkout'
  | 'checkin'
  | 'invite'
  | 'permissions'
  | 'permission'
  | 'delta';

const fixedTargets: Record<string, DriveTarget> = {
  '': 'item',
  '/': 'item',
  '/children': 'children',
  '/content': 'content',
  '/createUploadSession': 'createUploadSession',
  '/versions': 'versions',
  '/listItem': 'listItem',
  '/listItem/fields': 'listItemFields',
  '/checkout': 'checkout',
  '/checkin': 'checkin',
  '/invite': 'invite',
  '/permissions': 'permissions',
  '/delta': 'delta',
};
const versionTargets: Record<string, DriveTarget> = {
  '': 'version',
  '/content': 'versionContent',
  '/restoreVersion': 'restoreVersion',
};

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
  const fixed = fixedTargets[tail];
  if (fixed) return { base, path, target: fixed };
  const permission = /^\/permissions\/([^/]+)$/.exec(tail);
  const permissionId = permission?.[1] ? decode(permission[1]) : undefined;
  if (permissionId !== undefined) return { base, path, target: 'permission', permissionId };
  const version = /^\/versions\/([^/]+)(.*)$/.exec(tail);
  const versionTarget = version ? versionTargets[version[2] ?? ''] : undefined;
  const versionId = version?.[1] ? decode(version[1]) : undefined;
  if (!versionTarget || versionId === undefined) return undefined;
  return { base, path, target: versionTarget, versionId };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
