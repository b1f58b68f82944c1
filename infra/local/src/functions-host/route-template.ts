/**
 * Azure Functions (ASP.NET) route templates: `v1/cases/{id}`, optional `{id?}`, constraints
 * `{id:int}` / `{id:guid}` / `{id:alpha}` / `{id:bool}` (others tolerated, not checked), defaults
 * `{page=1}` and a trailing catch-all `{*path}`. Literals match case-insensitively, like the host.
 */
export interface RouteTemplate {
  template: string;
  /** Lower sorts first: literal segments beat parameters, parameters beat catch-alls. */
  precedence: number[];
  match(path: string): Record<string, string> | null;
}

const constraintPatterns: Record<string, string> = {
  int: '-?\\d+',
  long: '-?\\d+',
  guid: '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}',
  bool: '(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])',
  alpha: '[A-Za-z]+',
  double: '-?\\d+(?:\\.\\d+)?',
  decimal: '-?\\d+(?:\\.\\d+)?',
  float: '-?\\d+(?:\\.\\d+)?',
};

interface Parameter {
  name: string;
  optional: boolean;
  catchAll: boolean;
  defaultValue?: string;
  pattern: string;
  constrained: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parseParameter(token: string, template: string): Parameter {
  let body = token.slice(1, -1);
  const catchAll = body.startsWith('*');
  if (catchAll) body = body.replace(/^\*+/, '');
  let defaultValue: string | undefined;
  const eq = body.indexOf('=');
  if (eq >= 0) {
    defaultValue = body.slice(eq + 1);
    body = body.slice(0, eq);
  }
  const optional = body.endsWith('?');
  if (optional) body = body.slice(0, -1);
  const [name = '', ...constraints] = body.split(':');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`route template "${template}": bad parameter "${token}"`);
  const known = constraints.map((c) => constraintPatterns[c.replace(/\(.*$/, '').toLowerCase()]).filter((p): p is string => !!p);
  const pattern = catchAll ? '.*' : known.length > 0 ? known.map((p) => `(?=(?:${p})(?:/|$))`).join('') + '[^/]+' : '[^/]+';
  return {
    name,
    optional: optional || defaultValue !== undefined,
    catchAll,
    pattern,
    constrained: constraints.length > 0,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
  };
}

export function compileRouteTemplate(template: string): RouteTemplate {
  const segments = template
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter((s) => s !== '');
  const parameters: Parameter[] = [];
  const precedence: number[] = [];
  let source = '^';
  segments.forEach((segment, index) => {
    const tokens = segment.split(/(\{[^}]+\})/).filter((t) => t !== '');
    const onlyParameter = tokens.length === 1 && tokens[0]?.startsWith('{');
    let segmentSource = '';
    let rank = 1;
    for (const token of tokens) {
      if (!token.startsWith('{')) {
        segmentSource += escape(token);
        continue;
      }
      const parameter = parseParameter(token, template);
      if (parameter.catchAll && index !== segments.length - 1)
        throw new Error(`route template "${template}": a catch-all must be last`);
      parameters.push(parameter);
      segmentSource += `(${parameter.pattern})`;
      rank = Math.max(rank, parameter.catchAll ? 5 : parameter.optional ? 4 : parameter.constrained ? 2 : 3);
    }
    const optionalSegment = onlyParameter && parameters[parameters.length - 1]?.optional;
    const catchAll = onlyParameter && parameters[parameters.length - 1]?.catchAll;
    // An optional or catch-all last segment may be absent, slash included.
    source += optionalSegment || catchAll ? `(?:/${segmentSource})?` : `/${segmentSource}`;
    precedence.push(rank);
  });
  const regex = new RegExp(`${source}/?$`, 'i');

  return {
    template,
    precedence,
    match(path) {
      const found = regex.exec(path.startsWith('/') || path === '' ? path : `/${path}`);
      if (!found) return null;
      const params: Record<string, string> = {};
      parameters.forEach((parameter, i) => {
        const raw = found[i + 1];
        const value = raw === undefined || raw === '' ? parameter.defaultValue : safeDecode(raw, parameter.catchAll);
        if (value !== undefined) params[parameter.name] = value;
      });
      return params;
    },
  };
}

function safeDecode(raw: string, keepSlashes: boolean): string {
  try {
    return keepSlashes ? raw.split('/').map(decodeURIComponent).join('/') : decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Orders candidates like the host: the most specific template wins. */
export function comparePrecedence(a: RouteTemplate, b: RouteTemplate): number {
  const length = Math.max(a.precedence.length, b.precedence.length);
  for (let i = 0; i < length; i++) {
    const difference = (a.precedence[i] ?? 0) - (b.precedence[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
