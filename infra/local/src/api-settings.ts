import { demoTenant } from './m365/demo-tenant';

/** Where the local Microsoft 365 answers: its token issuer and its Graph subset (a running LocalM365 has both). */
export interface LocalM365Endpoints {
  issuer: string;
  graphBaseUrl: string;
}

/**
 * The API's settings (ZAAKWERK_*) against Azurite and the local Microsoft 365 with its demo tenant, as the
 * dev stack, the bench and the integration tests give them to the API; `overrides` adds or replaces what is
 * particular to one of them (e.g. the bench's rate limit). Only settings: the caller decides whether the rest
 * of `process.env` goes along.
 */
export function localApiSettings(
  storageConnectionString: string,
  m365: LocalM365Endpoints,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    ZAAKWERK_ENV: 'local',
    ZAAKWERK_STORAGE_CONNECTION_STRING: storageConnectionString,
    // The Functions host's own storage (queue triggers, timers): the same Azurite account.
    AzureWebJobsStorage: storageConnectionString,
    ZAAKWERK_TENANT_ID: demoTenant.tenantId,
    ZAAKWERK_AUTHORITY: m365.issuer,
    ZAAKWERK_API_CLIENT_ID: demoTenant.apiApp.clientId,
    ZAAKWERK_API_APP_ID_URI: demoTenant.apiApp.appIdUri,
    ZAAKWERK_API_CLIENT_SECRET: demoTenant.apiApp.clientSecret,
    ZAAKWERK_GRAPH_BASE_URL: m365.graphBaseUrl,
    ZAAKWERK_BOT_CLIENT_ID: demoTenant.botApp.clientId,
    ...overrides,
  };
}
