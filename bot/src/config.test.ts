import { ConfigError, loadBotConfig, localDefaults } from './config';

const azure = {
  ZAAKWERK_ENV: 'azure',
  ZAAKWERK_BOT_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  ZAAKWERK_BOT_CLIENT_SECRET: 'from-key-vault',
  ZAAKWERK_TENANT_ID: '66666666-7777-4888-9999-000000000000',
  ZAAKWERK_AUTHORITY: 'https://login.microsoftonline.com/66666666-7777-4888-9999-000000000000/v2.0',
  ZAAKWERK_API_BASE_URL: 'https://zaakwerk-api.azurewebsites.net/api/v1',
  ZAAKWERK_API_APP_ID_URI: 'api://zaakwerk.example.org/3d6a9c1f',
  ZAAKWERK_TEAMS_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
};

function issuesOf(env: NodeJS.ProcessEnv): Array<{ setting: string; message: string }> {
  try {
    loadBotConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the bot configuration', () => {
  it('points at the local stack and the demo tenant when nothing is set', () => {
    const config = loadBotConfig({});
    expect(config.env).toBe('local');
    expect(config.bot).toEqual({
      clientId: localDefaults.botClientId,
      clientSecret: localDefaults.botClientSecret,
      tenantId: localDefaults.tenantId,
    });
    expect(config.api.baseUrl).toBe('http://localhost:7071/api/v1');
    expect(config.api.scope).toBe(`${localDefaults.apiAppIdUri}/.default`);
    expect(config.channelAuth).toBe('none');
    expect(config.myWorkUrl).toBe(localDefaults.tabUrl);
  });

  it('uses MSAL in OIDC mode with the local Microsoft 365 as known authority', () => {
    expect(loadBotConfig({}).api.msal).toEqual({
      authority: `https://localhost:5443/${localDefaults.tenantId}/v2.0`,
      protocolMode: 'OIDC',
      knownAuthorities: ['localhost:5443'],
    });
  });

  it('uses the Entra tenant authority (without /v2.0) in AAD mode for login.microsoftonline.com', () => {
    expect(loadBotConfig(azure).api.msal).toEqual({
      authority: 'https://login.microsoftonline.com/66666666-7777-4888-9999-000000000000',
      protocolMode: 'AAD',
      knownAuthorities: [],
    });
  });

  it('validates Bot Framework tokens by default in azure and links to the tab with a Teams deep link', () => {
    const config = loadBotConfig(azure);
    expect(config.channelAuth).toBe('botframework');
    expect(config.myWorkUrl).toBe('https://teams.microsoft.com/l/entity/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/mijn-werk');
  });

  it('names every identity setting that is missing in azure', () => {
    expect(
      issuesOf({ ZAAKWERK_ENV: 'azure' })
        .map((i) => i.setting)
        .sort(),
    ).toEqual(
      [
        'ZAAKWERK_API_APP_ID_URI',
        'ZAAKWERK_API_BASE_URL',
        'ZAAKWERK_AUTHORITY',
        'ZAAKWERK_BOT_CLIENT_ID',
        'ZAAKWERK_BOT_CLIENT_SECRET',
        'ZAAKWERK_TEAMS_APP_ID',
        'ZAAKWERK_TENANT_ID',
      ].sort(),
    );
  });

  it('refuses unauthenticated channel requests in azure', () => {
    expect(issuesOf({ ...azure, ZAAKWERK_BOT_CHANNEL_AUTH: 'none' })).toEqual([
      { setting: 'ZAAKWERK_BOT_CHANNEL_AUTH', message: '"none" is only allowed when ZAAKWERK_ENV=local' },
    ]);
  });

  it('allows Bot Framework validation locally when asked for', () => {
    expect(loadBotConfig({ ZAAKWERK_BOT_CHANNEL_AUTH: 'botframework' }).channelAuth).toBe('botframework');
  });

  it('accepts the tab address instead of a Teams app id in azure', () => {
    const { ZAAKWERK_TEAMS_APP_ID: _, ...withoutAppId } = azure;
    expect(loadBotConfig({ ...withoutAppId, ZAAKWERK_TAB_URL: 'https://tab.example.org/' }).myWorkUrl).toBe(
      'https://tab.example.org/',
    );
  });

  it('reports each malformed setting by name, never its value', () => {
    const issues = issuesOf({
      ZAAKWERK_BOT_CLIENT_ID: 'not-a-guid',
      ZAAKWERK_API_BASE_URL: 'ftp://api',
      ZAAKWERK_AUTHORITY: 'http://localhost:5443/t/v2.0',
      ZAAKWERK_BOT_CHANNEL_AUTH: 'maybe',
      ZAAKWERK_LOG_LEVEL: 'loud',
      ZAAKWERK_BOT_CLIENT_SECRET: '',
    });
    expect(issues.map((i) => i.setting).sort()).toEqual(
      [
        'ZAAKWERK_API_BASE_URL',
        'ZAAKWERK_AUTHORITY',
        'ZAAKWERK_BOT_CHANNEL_AUTH',
        'ZAAKWERK_BOT_CLIENT_ID',
        'ZAAKWERK_LOG_LEVEL',
      ].sort(),
    );
    expect(JSON.stringify(issues)).not.toContain('not-a-guid');
  });

  it('treats blank settings as unset', () => {
    expect(loadBotConfig({ ZAAKWERK_API_BASE_URL: '  ', ZAAKWERK_TEAMS_APP_ID: '' }).api.baseUrl).toBe(localDefaults.apiBaseUrl);
  });

  it('drops trailing slashes from the API URL and Application ID URI', () => {
    const config = loadBotConfig({
      ZAAKWERK_API_BASE_URL: 'http://localhost:7071/api/v1/',
      ZAAKWERK_API_APP_ID_URI: 'api://x/y/',
    });
    expect(config.api.baseUrl).toBe('http://localhost:7071/api/v1');
    expect(config.api.scope).toBe('api://x/y/.default');
  });
});
