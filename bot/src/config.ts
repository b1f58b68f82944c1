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
} from '@zaakwerk/functions/config-kit';
export { ConfigError, logLevels, type ConfigIssue, type LogLevel } from '@zaakwerk/functions/config-kit';

/**
 * Local defaults: the demo tenant of the local Microsoft 365. They duplicate
 * infra/local/src/m365/demo-tenant.ts on purpose (infra/local depends on this package, not the other
 * way round); bot/src/config.test.ts pins them. Used only when ZAAKWERK_ENV=local.
 */
export const localDefaults = {
  tenantId: '5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31',
  m365Origin: 'https://localhost:5443',
  botClientId: '9b2e4f6a-1c3d-4e5f-8a7b-2c9d0e1f3a46',
  botClientSecret: 'local-dev-bot-secret',
  apiBaseUrl: 'http://localhost:7071/api/v1',
  apiAppIdUri: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  tabUrl: 'http://localhost:53000/',
} as const;

/** The static tab the greeting card links to (appPackage/manifest.json staticTabs[].entityId). */
export const myWorkTabEntityId = 'mijn-werk';

/** Authority hosts of Microsoft Entra ID; any other host is a generic OpenID Connect provider. */
const entraAuthorityHosts = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

/**
 * How the bot trusts the channel that calls /api/messages and how it authenticates its replies.
 * `botframework`: the Teams SDK validates the Bot Framework JWT on every request and gets a Bot
 * Connector token for replies (Azure). `none`: no inbound validation and no outbound token, for the
 * Agents Playground, which sends neither (local only; refused when ZAAKWERK_ENV=azure).
 */
export const channelAuthModes = ['botframework', 'none'] as const;
export type ChannelAuthMode = (typeof channelAuthModes)[number];

export interface BotConfig {
  env: 'local' | 'azure';
  /** The bot's own app registration: the Teams channel identity and the client that calls the API. */
  bot: { clientId: string; clientSecret: string; tenantId: string };
  channelAuth: ChannelAuthMode;
  api: {
    baseUrl: string;
    /** Client-credentials scope of the API: `<Application ID URI>/.default`. */
    scope: string;
    /** MSAL needs `OIDC` + knownAuthorities for a non-Microsoft authority such as the local Microsoft 365. */
    msal: { authority: string; protocolMode: 'AAD' | 'OIDC'; knownAuthorities: string[] };
  };
  /** Where the card's "Mijn werk" button goes: a Teams deep link to the tab, or the tab's web address. */
  myWorkUrl: string;
  logLevel: LogLevel;
}

const settingsSchema = z.object({
  ZAAKWERK_ENV: optional(environmentMode),
  ZAAKWERK_BOT_CLIENT_ID: optional(guid),
  ZAAKWERK_BOT_CLIENT_SECRET: optional(z.string()),
  ZAAKWERK_TENANT_ID: optional(guid),
  ZAAKWERK_AUTHORITY: optional(url),
  ZAAKWERK_API_BASE_URL: optional(url),
  ZAAKWERK_API_APP_ID_URI: optional(appIdUri),
  ZAAKWERK_BOT_CHANNEL_AUTH: optional(z.enum(channelAuthModes, { error: 'must be "botframework" or "none"' })),
  ZAAKWERK_TEAMS_APP_ID: optional(guid),
  ZAAKWERK_TAB_URL: optional(url),
  ZAAKWERK_LOG_LEVEL: optional(logLevel),
});
type Settings = z.infer<typeof settingsSchema>;

/** Reads and validates the bot settings; throws ConfigError naming every bad setting. */
export function loadBotConfig(env: NodeJS.ProcessEnv): BotConfig {
  const issues: ConfigIssue[] = [];
  const s = parseSettings(env, issues);
  const mode = s.ZAAKWERK_ENV ?? 'local';
  const need = (setting: keyof Settings, localDefault: string | undefined): string => {
    const value = (s[setting] as string | undefined) ?? (mode === 'local' ? localDefault : undefined);
    if (value === undefined) issues.push({ setting, message: `required when ZAAKWERK_ENV=${mode}` });
    return value ?? '';
  };

  const clientId = need('ZAAKWERK_BOT_CLIENT_ID', localDefaults.botClientId);
  const clientSecret = need('ZAAKWERK_BOT_CLIENT_SECRET', localDefaults.botClientSecret);
  const tenantId = need('ZAAKWERK_TENANT_ID', localDefaults.tenantId);
  const authority = trimSlash(need('ZAAKWERK_AUTHORITY', `${localDefaults.m365Origin}/${tenantId}/v2.0`));
  if (authority && !authority.startsWith('https://')) {
    // MSAL refuses an http authority (authority_uri_insecure), locally as well.
    issues.push({ setting: 'ZAAKWERK_AUTHORITY', message: 'must be an https URL' });
  }
  const apiBaseUrl = trimSlash(need('ZAAKWERK_API_BASE_URL', localDefaults.apiBaseUrl));
  const apiAppIdUri = trimSlash(need('ZAAKWERK_API_APP_ID_URI', localDefaults.apiAppIdUri));
  const channelAuth = s.ZAAKWERK_BOT_CHANNEL_AUTH ?? (mode === 'local' ? 'none' : 'botframework');
  if (channelAuth === 'none' && mode !== 'local') {
    issues.push({ setting: 'ZAAKWERK_BOT_CHANNEL_AUTH', message: '"none" is only allowed when ZAAKWERK_ENV=local' });
  }
  const myWorkUrl = myWorkLink(s, mode, issues);

  if (issues.length > 0) throw new ConfigError(issues, 'bot');
  return {
    env: mode,
    bot: { clientId, clientSecret, tenantId },
    channelAuth,
    api: { baseUrl: apiBaseUrl, scope: `${apiAppIdUri}/.default`, msal: msalSettings(authority) },
    myWorkUrl,
    logLevel: s.ZAAKWERK_LOG_LEVEL ?? 'info',
  };
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

/** Inside Teams a deep link opens the personal tab; without a Teams app id (local) the tab's web address. */
function myWorkLink(s: Settings, mode: 'local' | 'azure', issues: ConfigIssue[]): string {
  if (s.ZAAKWERK_TEAMS_APP_ID) {
    return `https://teams.microsoft.com/l/entity/${s.ZAAKWERK_TEAMS_APP_ID}/${myWorkTabEntityId}`;
  }
  const tabUrl = s.ZAAKWERK_TAB_URL ?? (mode === 'local' ? localDefaults.tabUrl : undefined);
  if (tabUrl === undefined) {
    issues.push({ setting: 'ZAAKWERK_TEAMS_APP_ID', message: 'required when ZAAKWERK_ENV=azure (or ZAAKWERK_TAB_URL)' });
    return '';
  }
  return tabUrl;
}

function msalSettings(authority: string): BotConfig['api']['msal'] {
  if (!authority.startsWith('https://')) return { authority, protocolMode: 'OIDC', knownAuthorities: [] };
  const host = new URL(authority).host;
  if (entraAuthorityHosts.includes(host)) {
    // MSAL's Entra authority is the tenant URL without the v2.0 suffix of the issuer.
    return { authority: authority.replace(/\/v2\.0$/, ''), protocolMode: 'AAD', knownAuthorities: [] };
  }
  return { authority, protocolMode: 'OIDC', knownAuthorities: [host] };
}

const trimSlash = (value: string): string => value.replace(/\/+$/, '');

/** The composition root's entry: the process environment, read here and nowhere else. */
export const loadBotConfigFromProcess = (): BotConfig => loadBotConfig(process.env);
