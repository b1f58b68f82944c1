import { z } from 'zod';
import {
  appIdUri,
  ConfigError,
  environmentMode,
  guid,
  logLevel,
  optional,
  url,
  type ConfigIssue,
  type LogLevel,
} from './config-kit';
export { ConfigError, logLevels, type ConfigIssue, type LogLevel } from './config-kit';
import { apiVersion } from './version';
import { accessSettingsFrom } from './access-config';
import type { AccessSettings } from './domain/access';

/**
 * Local defaults: the demo tenant of the local Microsoft 365 and Azurite's well-known development
 * account. They duplicate infra/local/src/m365/demo-tenant.ts on purpose (infra/local depends on this
 * package, not the other way round); tests/integration/api-config-defaults.test.ts keeps them equal.
 * Used only when ZAAKWERK_ENV=local; in Azure every identity setting must be given.
 */
export const localDefaults = {
  tenantId: '5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31',
  m365Origin: 'https://localhost:5443',
  apiClientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  apiAppIdUri: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  apiClientSecret: 'local-dev-api-secret',
  botClientId: '9b2e4f6a-1c3d-4e5f-8a7b-2c9d0e1f3a46',
  // Azurite's published development account key: not a secret.
  storageConnectionString:
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
    'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
    'BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;' +
    'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;',
  documentsSiteId: 'localhost,6b1f3c2a-8d4e-4f70-9a1b-2c3d4e5f6a7b,0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
  documentsLibrary: 'Documenten',
  allowedOrigins: ['http://localhost:53000', 'https://localhost:53000', 'http://localhost:3000', 'https://localhost:3000'],
} as const;

/** Authority hosts of Microsoft Entra ID (public and national clouds); any other host is a generic OIDC provider. */
const entraAuthorityHosts = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'managedIdentity'; accountName: string; tableEndpoint: string; queueEndpoint: string };

export interface ApiConfig {
  env: 'local' | 'azure';
  version: string;
  storage: StorageConfig;
  identity: {
    tenantId: string;
    /** The token issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (no trailing slash). */
    authority: string;
    discoveryUrl: string;
    apiClientId: string;
    apiAppIdUri: string;
    apiClientSecret: string | undefined;
    /** The only app identity that may act for a user (X-Zaakwerk-Acting-User). */
    botClientId: string;
    /** MSAL needs `OIDC` + knownAuthorities for a non-Microsoft authority such as the local Microsoft 365. */
    msal: { authority: string; protocolMode: 'AAD' | 'OIDC'; knownAuthorities: string[] };
  };
  graph: { baseUrl: string; scope: string };
  /**
   * The one SharePoint document library of this deployment (case folders inside it). Without a site
   * the document endpoints answer 503 `documents.not-configured`.
   */
  documents: {
    siteId: string | undefined;
    library: string;
    maxUploadBytes: number;
    /** Graph change notifications for the library (ADR 0017): where Graph posts them and the shared secret. */
    notifications?: { url: string; clientState: string; lifecycleUrl?: string };
  };
  http: { allowedOrigins: string[]; allowAnyLocalhostOrigin: boolean; maxJsonBodyBytes: number };
  /** Requests per user per minute (sustained; the same number may come in one burst); past it 429 + Retry-After. */
  rateLimitPerMinute: number;
  /** The access policy's choices: global role defaults and ceilings (ADR 0012). */
  access: AccessSettings;
  logLevel: LogLevel;
}

const settingsSchema = z.object({
  ZAAKWERK_ENV: optional(environmentMode),
  ZAAKWERK_STORAGE_CONNECTION_STRING: optional(z.string().includes('=', { error: 'must be a storage connection string' })),
  ZAAKWERK_STORAGE_ACCOUNT_NAME: optional(z.string().regex(/^[a-z0-9]{3,24}$/, 'must be 3-24 lower-case letters or digits')),
  ZAAKWERK_TENANT_ID: optional(guid),
  ZAAKWERK_AUTHORITY: optional(url),
  ZAAKWERK_API_CLIENT_ID: optional(guid),
  ZAAKWERK_API_APP_ID_URI: optional(appIdUri),
  ZAAKWERK_API_CLIENT_SECRET: optional(z.string()),
  ZAAKWERK_GRAPH_BASE_URL: optional(url),
  ZAAKWERK_BOT_CLIENT_ID: optional(guid),
  ZAAKWERK_ALLOWED_ORIGINS: optional(z.string()),
  ZAAKWERK_LOG_LEVEL: optional(logLevel),
  ZAAKWERK_ACCESS_POLICY: optional(z.string()),
  ZAAKWERK_RATE_LIMIT_PER_MINUTE: optional(z.string().regex(/^[1-9]\d{0,5}$/, 'must be a whole number of requests per minute')),
  ZAAKWERK_DOCUMENTS_SITE_ID: optional(z.string().min(1)),
  ZAAKWERK_DOCUMENTS_LIBRARY: optional(z.string().min(1).max(128)),
  ZAAKWERK_DOCUMENT_MAX_BYTES: optional(z.string().regex(/^[1-9]\d{0,11}$/, 'must be a positive whole number of bytes')),
  ZAAKWERK_GRAPH_NOTIFICATION_URL: optional(url),
  ZAAKWERK_GRAPH_CLIENT_STATE: optional(z.string().min(16, 'must be at least 16 characters').max(128)),
});

/** Default upload limit: 250 MB (issue 7). */
export const defaultDocumentMaxBytes = 250 * 1024 * 1024;
type Settings = z.infer<typeof settingsSchema>;

/** Reads and validates the API settings; throws ConfigError naming every bad setting. */
export function loadApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const issues: ConfigIssue[] = [];
  const s = parseSettings(env, issues);
  const mode = s.ZAAKWERK_ENV ?? 'local';
  const need = (setting: keyof Settings, localDefault: string | undefined): string => {
    const value = s[setting] ?? (mode === 'local' ? localDefault : undefined);
    if (value === undefined) issues.push({ setting, message: `required when ZAAKWERK_ENV=${mode}` });
    return value ?? '';
  };

  const tenantId = need('ZAAKWERK_TENANT_ID', localDefaults.tenantId);
  const authority = trimSlash(need('ZAAKWERK_AUTHORITY', `${localDefaults.m365Origin}/${tenantId}/v2.0`));
  if (mode === 'azure' && authority && !authority.startsWith('https://')) {
    issues.push({ setting: 'ZAAKWERK_AUTHORITY', message: 'must be https in azure' });
  }
  const apiClientId = need('ZAAKWERK_API_CLIENT_ID', localDefaults.apiClientId);
  const apiAppIdUri = need('ZAAKWERK_API_APP_ID_URI', localDefaults.apiAppIdUri);
  const botClientId = need('ZAAKWERK_BOT_CLIENT_ID', localDefaults.botClientId);
  const originsSetting = need('ZAAKWERK_ALLOWED_ORIGINS', localDefaults.allowedOrigins.join(','));
  const allowedOrigins = parseOrigins(originsSetting, issues);
  const storage = storageConfig(s, mode, issues);
  const graphBaseUrl = trimSlash(
    s.ZAAKWERK_GRAPH_BASE_URL ?? (mode === 'local' ? `${localDefaults.m365Origin}/graph` : 'https://graph.microsoft.com'),
  );
  const apiClientSecret = s.ZAAKWERK_API_CLIENT_SECRET ?? (mode === 'local' ? localDefaults.apiClientSecret : undefined);
  const access = accessSettingsFrom(s.ZAAKWERK_ACCESS_POLICY, issues);
  const notificationUrl = s.ZAAKWERK_GRAPH_NOTIFICATION_URL;
  const clientState = s.ZAAKWERK_GRAPH_CLIENT_STATE;
  if ((notificationUrl === undefined) !== (clientState === undefined))
    issues.push({
      setting: notificationUrl === undefined ? 'ZAAKWERK_GRAPH_NOTIFICATION_URL' : 'ZAAKWERK_GRAPH_CLIENT_STATE',
      message: 'set both ZAAKWERK_GRAPH_NOTIFICATION_URL and ZAAKWERK_GRAPH_CLIENT_STATE, or neither',
    });
  if (mode === 'azure' && notificationUrl?.startsWith('http:'))
    issues.push({ setting: 'ZAAKWERK_GRAPH_NOTIFICATION_URL', message: 'must be https in azure' });

  if (issues.length > 0) throw new ConfigError(issues);
  return {
    env: mode,
    version: apiVersion,
    storage,
    identity: {
      tenantId,
      authority,
      discoveryUrl: `${authority}/.well-known/openid-configuration`,
      apiClientId,
      apiAppIdUri,
      apiClientSecret,
      botClientId,
      msal: msalSettings(authority),
    },
    // Graph's resource id is the same whatever the base URL (the local Microsoft 365 accepts it too).
    graph: { baseUrl: graphBaseUrl, scope: 'https://graph.microsoft.com/.default' },
    documents: {
      siteId: s.ZAAKWERK_DOCUMENTS_SITE_ID ?? (mode === 'local' ? localDefaults.documentsSiteId : undefined),
      library: s.ZAAKWERK_DOCUMENTS_LIBRARY ?? localDefaults.documentsLibrary,
      maxUploadBytes: s.ZAAKWERK_DOCUMENT_MAX_BYTES ? Number(s.ZAAKWERK_DOCUMENT_MAX_BYTES) : defaultDocumentMaxBytes,
      ...(notificationUrl && clientState
        ? { notifications: { url: notificationUrl, clientState, lifecycleUrl: lifecycleUrlFor(notificationUrl) } }
        : {}),
    },
    http: { allowedOrigins, allowAnyLocalhostOrigin: mode === 'local', maxJsonBodyBytes: 1024 * 1024 },
    rateLimitPerMinute: Number(s.ZAAKWERK_RATE_LIMIT_PER_MINUTE ?? '600'),
    access,
    logLevel: s.ZAAKWERK_LOG_LEVEL ?? 'info',
  };
}

/**
 * Graph's lifecycle notifications go to `…/graph/lifecycle` next to `…/graph/notifications` (same host, as
 * Graph asks; ADR 0017).
 */
function lifecycleUrlFor(notificationUrl: string): string {
  return new URL('lifecycle', notificationUrl).toString();
}

/** Each setting on its own, so one run reports every bad setting rather than the first. */
function parseSettings(env: NodeJS.ProcessEnv, issues: ConfigIssue[]): Settings {
  const settings: Record<string, unknown> = {};
  for (const [setting, schema] of Object.entries(settingsSchema.shape)) {
    const result = schema.safeParse(env[setting]);
    if (result.success) settings[setting] = result.data;
    else issues.push(...result.error.issues.map((i) => ({ setting, message: i.message })));
  }
  return settingsSchema.parse(settings);
}

function storageConfig(s: Settings, mode: 'local' | 'azure', issues: ConfigIssue[]): StorageConfig {
  const connectionString = s.ZAAKWERK_STORAGE_CONNECTION_STRING;
  const accountName = s.ZAAKWERK_STORAGE_ACCOUNT_NAME;
  if (connectionString && accountName) {
    issues.push({
      setting: 'ZAAKWERK_STORAGE_ACCOUNT_NAME',
      message: 'set either this or ZAAKWERK_STORAGE_CONNECTION_STRING, not both',
    });
  }
  if (accountName) {
    return {
      kind: 'managedIdentity',
      accountName,
      tableEndpoint: `https://${accountName}.table.core.windows.net`,
      queueEndpoint: `https://${accountName}.queue.core.windows.net`,
    };
  }
  if (connectionString) return { kind: 'connectionString', connectionString };
  if (mode === 'local') return { kind: 'connectionString', connectionString: localDefaults.storageConnectionString };
  issues.push({
    setting: 'ZAAKWERK_STORAGE_ACCOUNT_NAME',
    message: 'required when ZAAKWERK_ENV=azure (or ZAAKWERK_STORAGE_CONNECTION_STRING)',
  });
  return { kind: 'connectionString', connectionString: '' };
}

function parseOrigins(setting: string, issues: ConfigIssue[]): string[] {
  const origins = setting
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    if (!isOrigin(origin)) {
      issues.push({ setting: 'ZAAKWERK_ALLOWED_ORIGINS', message: `"${origin}" is not an origin (scheme://host[:port])` });
    }
  }
  return origins;
}

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function msalSettings(authority: string): ApiConfig['identity']['msal'] {
  if (!authority) return { authority, protocolMode: 'OIDC', knownAuthorities: [] };
  const host = new URL(authority).host;
  if (entraAuthorityHosts.includes(host)) {
    // MSAL's Entra authority is the tenant URL without the v2.0 suffix of the issuer.
    return { authority: authority.replace(/\/v2\.0$/, ''), protocolMode: 'AAD', knownAuthorities: [] };
  }
  return { authority, protocolMode: 'OIDC', knownAuthorities: [host] };
}

const trimSlash = (value: string): string => value.replace(/\/+$/, '');

/** The composition root's entry: the process environment, read here and nowhere else. */
export const loadApiConfigFromProcess = (): ApiConfig => loadApiConfig(process.env);
