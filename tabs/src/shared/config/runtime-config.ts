/**
 * The runtime configuration of the web apps (the Teams tab and the Outlook task pane), read from
 * `GET /config.json` at start-up. The dev servers build it from environment variables (see
 * config-from-env.ts); in Azure the deploy writes it beside the app's HTML page. One build runs against
 * any tenant because nothing tenant-specific is baked into the bundle.
 */
export interface RuntimeConfig {
  /** Base URL of the Zaakwerk API, without a trailing slash, e.g. `http://localhost:7071/api/v1`. */
  apiBaseUrl: string;
  /** OpenID Connect issuer / MSAL authority; must be https (MSAL rejects insecure authorities). */
  authority: string;
  /** Client id of the Zaakwerk app registration (the SPA and the API share it). */
  clientId: string;
  /** The delegated scope the app asks for, `<app id uri>/access_as_user`. */
  apiScope: string;
  /** Hosts (with port) MSAL may trust as authority, e.g. `localhost:5443`. */
  knownAuthorities: string[];
  /** `AAD` for Entra ID, `OIDC` for any other OpenID Connect provider such as the local Microsoft 365. */
  protocolMode: 'AAD' | 'OIDC';
}

export interface ConfigProblem {
  field: string;
  message: string;
}

export type ConfigParseResult = { ok: true; config: RuntimeConfig } | { ok: false; problems: ConfigProblem[] };

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Validates an untrusted value (the parsed config.json) and lists every problem, not just the first. */
export function parseRuntimeConfig(value: unknown): ConfigParseResult {
  if (!isRecord(value)) {
    return { ok: false, problems: [{ field: '(root)', message: 'config.json must contain a JSON object' }] };
  }
  const problems: ConfigProblem[] = [];
  const text = (field: string): string | null => {
    const raw = value[field];
    if (typeof raw !== 'string' || raw.trim() === '') {
      problems.push({ field, message: 'is missing or empty' });
      return null;
    }
    return raw.trim();
  };

  const apiBaseUrl = text('apiBaseUrl');
  if (apiBaseUrl !== null) {
    const url = parseUrl(apiBaseUrl);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      problems.push({ field: 'apiBaseUrl', message: 'must be an absolute http(s) URL' });
    }
  }

  const authority = text('authority');
  if (authority !== null) {
    const url = parseUrl(authority);
    if (!url) problems.push({ field: 'authority', message: 'must be an absolute URL' });
    else if (url.protocol !== 'https:')
      problems.push({ field: 'authority', message: 'must use https (MSAL refuses insecure authorities)' });
  }

  const clientId = text('clientId');
  if (clientId !== null && !guidPattern.test(clientId)) {
    problems.push({ field: 'clientId', message: 'must be a GUID' });
  }

  const apiScope = text('apiScope');

  const rawKnown = value['knownAuthorities'];
  let knownAuthorities: string[] = [];
  if (!Array.isArray(rawKnown) || rawKnown.some((host) => typeof host !== 'string' || host.trim() === '')) {
    problems.push({ field: 'knownAuthorities', message: 'must be an array of host names' });
  } else {
    knownAuthorities = rawKnown.map((host: string) => host.trim());
  }

  const protocolMode = value['protocolMode'];
  if (protocolMode !== 'AAD' && protocolMode !== 'OIDC') {
    problems.push({ field: 'protocolMode', message: "must be 'AAD' or 'OIDC'" });
  }

  if (problems.length > 0 || apiBaseUrl === null || authority === null || clientId === null || apiScope === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    config: {
      apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
      authority: authority.replace(/\/+$/, ''),
      clientId,
      apiScope,
      knownAuthorities,
      protocolMode: protocolMode as RuntimeConfig['protocolMode'],
    },
  };
}

/** Why the app cannot start: shown on its configuration error page. */
export class ConfigLoadError extends Error {
  constructor(
    message: string,
    readonly problems: ConfigProblem[],
  ) {
    super(message);
    this.name = 'ConfigLoadError';
  }
}

/** Fetches and validates `config.json` next to the page; throws {@link ConfigLoadError}. */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch, url = 'config.json'): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch (error) {
    throw new ConfigLoadError(`config.json could not be fetched: ${String(error)}`, []);
  }
  if (!response.ok) {
    throw new ConfigLoadError(`config.json could not be fetched: HTTP ${response.status}`, []);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ConfigLoadError('config.json is not valid JSON', []);
  }
  const result = parseRuntimeConfig(body);
  if (!result.ok) throw new ConfigLoadError('config.json is invalid', result.problems);
  return result.config;
}
