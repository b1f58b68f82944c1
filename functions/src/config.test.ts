import { ConfigError, loadApiConfig, localDefaults } from './config';

const azureSettings = {
  ZAAKWERK_ENV: 'azure',
  ZAAKWERK_STORAGE_ACCOUNT_NAME: 'zaakwerkprod',
  ZAAKWERK_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  ZAAKWERK_AUTHORITY: 'https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/v2.0',
  ZAAKWERK_API_CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  ZAAKWERK_API_APP_ID_URI: 'api://zaakwerk.example.nl/66666666-7777-4888-9999-000000000000',
  ZAAKWERK_BOT_CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ZAAKWERK_ALLOWED_ORIGINS: 'https://tab.zaakwerk.example.nl',
};

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadApiConfig', () => {
  it('puts Graph lifecycle notifications next to the change notifications, on the same host (ADR 0017)', () => {
    const config = loadApiConfig({
      ...azureSettings,
      ZAAKWERK_GRAPH_NOTIFICATION_URL: 'https://api.zaakwerk.example.nl/api/v1/graph/notifications',
      ZAAKWERK_GRAPH_CLIENT_STATE: 'geheim-0123456789abcdef',
    });
    expect(config.documents.notifications).toEqual({
      url: 'https://api.zaakwerk.example.nl/api/v1/graph/notifications',
      clientState: 'geheim-0123456789abcdef',
      lifecycleUrl: 'https://api.zaakwerk.example.nl/api/v1/graph/lifecycle',
    });
    expect(loadApiConfig({}).documents.notifications).toBeUndefined();
  });

  it('points at the local stack when nothing is set', () => {
    const config = loadApiConfig({});
    expect(config.env).toBe('local');
    expect(config.identity.tenantId).toBe(localDefaults.tenantId);
    expect(config.identity.authority).toBe(`https://localhost:5443/${localDefaults.tenantId}/v2.0`);
    expect(config.identity.discoveryUrl).toBe(
      `https://localhost:5443/${localDefaults.tenantId}/v2.0/.well-known/openid-configuration`,
    );
    expect(config.graph.baseUrl).toBe('https://localhost:5443/graph');
    expect(config.storage).toEqual({ kind: 'connectionString', connectionString: localDefaults.storageConnectionString });
    expect(config.http.allowedOrigins).toEqual(
      expect.arrayContaining(['http://localhost:53000', 'http://localhost:3000', 'https://localhost:53000']),
    );
    expect(config.http.allowAnyLocalhostOrigin).toBe(true);
  });

  it('uses MSAL OIDC mode with the authority host as known authority for a non-Microsoft authority', () => {
    const config = loadApiConfig({ ZAAKWERK_AUTHORITY: 'https://localhost:6443/t/v2.0/' });
    expect(config.identity.authority).toBe('https://localhost:6443/t/v2.0');
    expect(config.identity.msal).toEqual({
      authority: 'https://localhost:6443/t/v2.0',
      protocolMode: 'OIDC',
      knownAuthorities: ['localhost:6443'],
    });
  });

  it('uses MSAL AAD mode with the tenant authority for Microsoft Entra ID', () => {
    const config = loadApiConfig(azureSettings);
    expect(config.identity.msal).toEqual({
      authority: 'https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555',
      protocolMode: 'AAD',
      knownAuthorities: [],
    });
  });

  it('in azure mode takes storage by account name (managed identity) and Graph from graph.microsoft.com', () => {
    const config = loadApiConfig(azureSettings);
    expect(config.storage).toEqual({
      kind: 'managedIdentity',
      accountName: 'zaakwerkprod',
      tableEndpoint: 'https://zaakwerkprod.table.core.windows.net',
      queueEndpoint: 'https://zaakwerkprod.queue.core.windows.net',
    });
    expect(config.graph.baseUrl).toBe('https://graph.microsoft.com');
    expect(config.identity.apiClientSecret).toBeUndefined();
    expect(config.http.allowAnyLocalhostOrigin).toBe(false);
  });

  it('in azure mode has no defaults: every missing setting is named', () => {
    const error = configError({ ZAAKWERK_ENV: 'azure' });
    expect(error.issues.map((i) => i.setting).sort()).toEqual(
      [
        'ZAAKWERK_ALLOWED_ORIGINS',
        'ZAAKWERK_API_APP_ID_URI',
        'ZAAKWERK_API_CLIENT_ID',
        'ZAAKWERK_AUTHORITY',
        'ZAAKWERK_BOT_CLIENT_ID',
        'ZAAKWERK_STORAGE_ACCOUNT_NAME',
        'ZAAKWERK_TENANT_ID',
      ].sort(),
    );
    expect(error.message).toContain('ZAAKWERK_TENANT_ID: required when ZAAKWERK_ENV=azure');
  });

  it('names every malformed setting in one error, without echoing secret values', () => {
    const error = configError({
      ZAAKWERK_ENV: 'production',
      ZAAKWERK_TENANT_ID: 'not-a-guid',
      ZAAKWERK_AUTHORITY: 'localhost:5443',
      ZAAKWERK_LOG_LEVEL: 'chatty',
      ZAAKWERK_ALLOWED_ORIGINS: 'https://ok.example, https://bad.example/path',
      ZAAKWERK_STORAGE_CONNECTION_STRING: 'topsecretvalue',
    });
    expect(error.issues.map((i) => i.setting).sort()).toEqual(
      [
        'ZAAKWERK_ALLOWED_ORIGINS',
        'ZAAKWERK_AUTHORITY',
        'ZAAKWERK_ENV',
        'ZAAKWERK_LOG_LEVEL',
        'ZAAKWERK_STORAGE_CONNECTION_STRING',
        'ZAAKWERK_TENANT_ID',
      ].sort(),
    );
    expect(error.message).not.toContain('topsecretvalue');
  });

  it('rejects an http authority in azure mode', () => {
    const error = configError({ ...azureSettings, ZAAKWERK_AUTHORITY: 'http://login.example/t/v2.0' });
    expect(error.issues).toEqual([{ setting: 'ZAAKWERK_AUTHORITY', message: 'must be https in azure' }]);
  });

  it('rejects both a storage connection string and an account name', () => {
    const error = configError({ ...azureSettings, ZAAKWERK_STORAGE_CONNECTION_STRING: 'AccountName=x;AccountKey=y' });
    expect(error.issues.map((i) => i.setting)).toEqual(['ZAAKWERK_STORAGE_ACCOUNT_NAME']);
  });

  it('treats blank settings as unset', () => {
    const config = loadApiConfig({ ZAAKWERK_TENANT_ID: '  ', ZAAKWERK_LOG_LEVEL: '' });
    expect(config.identity.tenantId).toBe(localDefaults.tenantId);
    expect(config.logLevel).toBe('info');
  });

  it('documents: the local library by default, 250 MB uploads; in azure no site until one is set', () => {
    expect(loadApiConfig({}).documents).toEqual({
      siteId: localDefaults.documentsSiteId,
      library: 'Documenten',
      maxUploadBytes: 250 * 1024 * 1024,
    });
    expect(loadApiConfig(azureSettings).documents.siteId).toBeUndefined();
    const set = loadApiConfig({
      ...azureSettings,
      ZAAKWERK_DOCUMENTS_SITE_ID: 'contoso.sharepoint.com,1,2',
      ZAAKWERK_DOCUMENTS_LIBRARY: 'Zaakdocumenten',
      ZAAKWERK_DOCUMENT_MAX_BYTES: '1048576',
    });
    expect(set.documents).toEqual({ siteId: 'contoso.sharepoint.com,1,2', library: 'Zaakdocumenten', maxUploadBytes: 1048576 });
    expect(configError({ ZAAKWERK_DOCUMENT_MAX_BYTES: '-5' }).issues.map((i) => i.setting)).toEqual([
      'ZAAKWERK_DOCUMENT_MAX_BYTES',
    ]);
  });
});
