import { ConfigError } from '@zaakwerk/functions/config-kit';
import { loadApiConfig } from '@zaakwerk/functions/in-process';
import { localApiSettings } from './api-settings';
import { demoTenant } from './m365/demo-tenant';

const storage =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;';
// A local Microsoft 365 on a port other than the local defaults' 5443, so a setting that is not given shows.
const m365 = {
  issuer: `https://localhost:45443/${demoTenant.tenantId}/v2.0`,
  graphBaseUrl: 'https://localhost:45443/graph',
};

describe('the local API settings', () => {
  it('give every setting the API requires outside local mode but the allowed origins, so no local default fills a gap', () => {
    // In azure mode the config loader has no defaults: it throws a ConfigError naming each missing setting.
    // The allowed origins are the one exception on purpose: locally the API allows any localhost origin.
    const missing = (() => {
      try {
        loadApiConfig({ ...localApiSettings(storage, m365), ZAAKWERK_ENV: 'azure' });
        return [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.issues.map((issue) => issue.setting);
      }
    })();
    expect(missing).toEqual(['ZAAKWERK_ALLOWED_ORIGINS']);
    const withOrigins = {
      ...localApiSettings(storage, m365),
      ZAAKWERK_ENV: 'azure',
      ZAAKWERK_ALLOWED_ORIGINS: 'https://tab.example',
    };
    const config = loadApiConfig(withOrigins);
    // Without local defaults each of these comes from the settings (or would be missing or Microsoft's own Graph).
    expect(config.storage).toEqual({ kind: 'connectionString', connectionString: storage });
    expect(config.identity).toMatchObject({
      tenantId: demoTenant.tenantId,
      authority: m365.issuer,
      apiClientId: demoTenant.apiApp.clientId,
      apiAppIdUri: demoTenant.apiApp.appIdUri,
      apiClientSecret: demoTenant.apiApp.clientSecret,
      botClientId: demoTenant.botApp.clientId,
    });
    expect(config.graph.baseUrl).toBe(m365.graphBaseUrl);
  });

  it('run the API in local mode on the given storage, with the Functions host on the same storage', () => {
    const settings = localApiSettings(storage, m365);
    const config = loadApiConfig(settings);
    expect(config.env).toBe('local');
    expect(config.storage).toEqual({ kind: 'connectionString', connectionString: storage });
    expect(settings.AzureWebJobsStorage).toBe(storage);
    expect(config.identity.authority).toBe(m365.issuer);
    expect(config.graph.baseUrl).toBe(m365.graphBaseUrl);
  });

  it('lets a caller add and replace settings', () => {
    const otherIssuer = `https://127.0.0.1:45443/${demoTenant.tenantId}/v2.0`;
    const settings = localApiSettings(storage, m365, {
      ZAAKWERK_RATE_LIMIT_PER_MINUTE: '999999',
      ZAAKWERK_AUTHORITY: otherIssuer,
    });
    const config = loadApiConfig(settings);
    expect(config.rateLimitPerMinute).toBe(999999);
    expect(config.identity.authority).toBe(otherIssuer);
    expect(config.graph.baseUrl).toBe(m365.graphBaseUrl);
  });
});
