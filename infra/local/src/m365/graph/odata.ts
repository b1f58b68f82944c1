import { graphErrors } from './errors';

/** Parses `$select` against the properties a resource has (unknown property: 400, as in Graph). */
export function parseSelect(value: string | null, available: readonly string[], typeName: string): string[] | undefined {
  if (value === null || !value.trim()) return undefined;
  return value.split(',').map((raw) => {
    const name = raw.trim();
    const found = available.find((p) => p.toLowerCase() === name.toLowerCase());
    if (!found) throw graphErrors.badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
    return found;
  });
}

/** Parses `$top` (1..999 like the directory APIs); absent: the default page size. */
export function parseTop(value: string | null, defaultSize = 100): number {
  if (value === null) return defaultSize;
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > 999)
    throw graphErrors.badRequest(`Invalid page size specified: '${value}'. Must be between 1 and 999 inclusive.`);
  return top;
}

/** Picks the selected properties of an object, keeping their order as Graph does. */
export function project<T extends object>(item: T, select: readonly string[] | undefined): Partial<T> {
  if (!select) return item;
  const picked: Record<string, unknown> = {};
  for (const key of select) picked[key] = (item as Record<string, unknown>)[key] ?? null;
  return picked as Partial<T>;
}

/**
 * Server-side paging: `$skiptoken` is an opaque offset. Returns the page and, when more remain, the
 * `@odata.nextLink` (the request URL with the new skiptoken).
 */
export function paginate<T>(
  items: readonly T[],
  requestUrl: URL,
  publicBase: string,
  pageSize: number,
): { page: T[]; nextLink?: string } {
  const token = requestUrl.searchParams.get('$skiptoken');
  let offset = 0;
  if (token !== null) {
    const decoded = Number(
      Buffer.from(token, 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0) throw graphErrors.badRequest('The $skiptoken is not valid.');
    offset = decoded;
  }
  const page = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { page };
  const next = new URL(requestUrl.pathname + requestUrl.search, publicBase);
  next.searchParams.set('$skiptoken', Buffer.from(`offset:${offset + pageSize}`).toString('base64url'));
  return { page, nextLink: next.toString() };
}
