import { invalidInput } from '../errors';

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const invalidCursor = () =>
  invalidInput([{ path: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor from this list' }]);

/**
 * One page of a list sorted by `sortKey` (ascending, unique): the items after the cursor's key. The
 * cursor is the base64url of the last key shown, so a page stays right when items are added or removed
 * in between (no offsets).
 */
export function pageOf<T>(items: readonly T[], sortKey: (item: T) => string, page: PageRequest): Page<T> {
  let after: string | undefined;
  if (page.cursor !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(page.cursor)) throw invalidCursor();
    after = Buffer.from(page.cursor, 'base64url').toString('utf8');
    if (!/^[a-z0-9-]{1,64}$/.test(after)) throw invalidCursor();
  }
  const sorted = [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const rest = after === undefined ? sorted : sorted.filter((item) => sortKey(item) > after);
  const shown = rest.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown,
    nextCursor: rest.length > page.limit && last !== undefined ? Buffer.from(sortKey(last), 'utf8').toString('base64url') : null,
  };
}

/** Versions sort by number: zero-padded so text order is number order. */
export const versionSortKey = (version: { version: number }): string => String(version.version).padStart(10, '0');
