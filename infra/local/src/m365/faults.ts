/** A rule that makes the next `remaining` Graph requests (matching `pathPrefix`) fail with `status`. */
export interface FaultRule {
  status: 429 | 503;
  retryAfterSeconds: number;
  remaining: number;
  /** Matched against the path below `/graph` (e.g. `/v1.0/users`); the full path works too. */
  pathPrefix?: string;
  /** Matching requests to let through before failing, e.g. 1 to fail the second fragment of an upload. */
  skip?: number;
}

export interface FaultInjector {
  add(rule: FaultRule): void;
  clear(): void;
  /** Consumes one failure for this request path, if a rule matches. */
  take(pathname: string): FaultRule | undefined;
  list(): FaultRule[];
}

export function createFaultInjector(): FaultInjector {
  let rules: FaultRule[] = [];
  return {
    add: (rule) => {
      rules.push({ ...rule });
    },
    clear: () => {
      rules = [];
    },
    take(pathname) {
      const relative = pathname.startsWith('/graph/') ? pathname.slice('/graph'.length) : pathname;
      const rule = rules.find((r) => !r.pathPrefix || relative.startsWith(r.pathPrefix) || pathname.startsWith(r.pathPrefix));
      if (!rule) return undefined;
      if (rule.skip) {
        rule.skip -= 1;
        return undefined;
      }
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
      return { ...rule };
    },
    list: () => rules.map((r) => ({ ...r })),
  };
}

/** Validates the JSON body of `POST /_local/faults`; returns the rule or a message saying what is wrong. */
export function parseFaultRequest(body: unknown): FaultRule | string {
  if (typeof body !== 'object' || body === null)
    return 'expected a JSON object { status, retryAfterSeconds, count, pathPrefix? }';
  const { status, retryAfterSeconds = 1, count = 1, pathPrefix, skip = 0 } = body as Record<string, unknown>;
  if (status !== 429 && status !== 503) return 'status must be 429 or 503';
  if (
    typeof retryAfterSeconds !== 'number' ||
    !Number.isInteger(retryAfterSeconds) ||
    retryAfterSeconds < 0 ||
    retryAfterSeconds > 3600
  ) {
    return 'retryAfterSeconds must be an integer from 0 to 3600';
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000)
    return 'count must be an integer from 1 to 10000';
  if (pathPrefix !== undefined && (typeof pathPrefix !== 'string' || !pathPrefix.startsWith('/')))
    return "pathPrefix must be a path starting with '/'";
  if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0 || skip > 10_000)
    return 'skip must be an integer from 0 to 10000';
  return { status, retryAfterSeconds, remaining: count, ...(pathPrefix ? { pathPrefix } : {}), ...(skip ? { skip } : {}) };
}
