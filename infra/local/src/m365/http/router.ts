import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request and its response, with the path parameters of the route that matched. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** The `request-id` this server gave the request (also sent as a response header). */
  requestId: string;
}

export type Handler = (exchange: Exchange) => Promise<void> | void;

interface Route<H> {
  methods: readonly string[];
  pattern: RegExp;
  keys: string[];
  handler: H;
}

export type RouteMatch<H = Handler> =
  | { kind: 'found'; handler: H; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/**
 * A tiny router: `{name}` matches one path segment, `{*name}` the rest of the path. Parameters are
 * percent-decoded. Routes are tried in the order they were added.
 */
export interface Router<H = Handler> {
  on(methods: string | readonly string[], path: string, handler: H): Router<H>;
  match(method: string, pathname: string): RouteMatch<H>;
}

export function createRouter<H = Handler>(): Router<H> {
  const routes: Route<H>[] = [];
  const router: Router<H> = {
    on(methods, path, handler) {
      const keys: string[] = [];
      const source = path
        .split(/(\{\*?\w+\})/)
        .map((part) => {
          const param = /^\{(\*?)(\w+)\}$/.exec(part);
          if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          keys.push(param[2] as string);
          return param[1] ? '(.+)' : '([^/]+)';
        })
        .join('');
      routes.push({
        methods: typeof methods === 'string' ? [methods] : methods,
        pattern: new RegExp(`^${source}$`),
        keys,
        handler,
      });
      return router;
    },
    match(method, pathname) {
      const allowed = new Set<string>();
      for (const route of routes) {
        const found = route.pattern.exec(pathname);
        if (!found) continue;
        if (!route.methods.includes(method)) {
          route.methods.forEach((m) => allowed.add(m));
          continue;
        }
        const params: Record<string, string> = {};
        route.keys.forEach((key, i) => {
          params[key] = safeDecode(found[i + 1] ?? '');
        });
        return { kind: 'found', handler: route.handler, params };
      }
      return allowed.size ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
    },
  };
  return router;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape stays as it was; the handler then reports "not found" for it.
    return value;
  }
}
