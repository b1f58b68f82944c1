import type { RuntimeConfig } from './runtime-config.ts';
import { parseRuntimeConfig } from './runtime-config.ts';

/** Local-stack defaults (the demo tenant of the local Microsoft 365); Azure writes config.json instead. */
export const localConfigDefaults = {
  ZAAKWERK_API_BASE_URL: 'http://localhost:7071/api/v1',
  ZAAKWERK_AUTHORITY: 'https://localhost:5443/5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31/v2.0',
  ZAAKWERK_API_CLIENT_ID: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  ZAAKWERK_API_APP_ID_URI: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
} as const;

type EnvName = keyof typeof localConfigDefaults;

/** Which environment variable feeds which config field, so errors name the setting the developer sets. */
const envForField: Record<string, EnvName> = {
  apiBaseUrl: 'ZAAKWERK_API_BASE_URL',
  authority: 'ZAAKWERK_AUTHORITY',
  knownAuthorities: 'ZAAKWERK_AUTHORITY',
  protocolMode: 'ZAAKWERK_AUTHORITY',
  clientId: 'ZAAKWERK_API_CLIENT_ID',
  apiScope: 'ZAAKWERK_API_APP_ID_URI',
};

/** Entra ID hosts get MSAL's AAD protocol mode; anything else (the local Microsoft 365) is plain OIDC. */
export function protocolModeFor(authorityHost: string): RuntimeConfig['protocolMode'] {
  return authorityHost.toLowerCase() === 'login.microsoftonline.com' ? 'AAD' : 'OIDC';
}

/**
 * Builds the config the dev server serves as `/config.json` from ZAAKWERK_* variables.
 * Throws an Error naming the offending variable, so the dev server refuses to start with a bad setting;
 * `appName` (`tab`, `add-in`) says whose dev server it is.
 */
export function runtimeConfigFromEnv(env: Readonly<Record<string, string | undefined>>, appName = 'web app'): RuntimeConfig {
  const read = (name: EnvName): string => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? localConfigDefaults[name] : value.trim();
  };
  const authority = read('ZAAKWERK_AUTHORITY').replace(/\/+$/, '');
  let authorityHost = '';
  try {
    authorityHost = new URL(authority).host;
  } catch {
    throw new Error(`ZAAKWERK_AUTHORITY is not an absolute URL: '${authority}'`);
  }
  const candidate = {
    apiBaseUrl: read('ZAAKWERK_API_BASE_URL'),
    authority,
    clientId: read('ZAAKWERK_API_CLIENT_ID'),
    apiScope: `${read('ZAAKWERK_API_APP_ID_URI').replace(/\/+$/, '')}/access_as_user`,
    knownAuthorities: [authorityHost],
    protocolMode: protocolModeFor(new URL(authority).hostname),
  };
  const result = parseRuntimeConfig(candidate);
  if (!result.ok) {
    const details = result.problems.map((p) => `${envForField[p.field] ?? p.field} (${p.field}) ${p.message}`);
    throw new Error(`Invalid ${appName} configuration: ${details.join('; ')}`);
  }
  return result.config;
}
